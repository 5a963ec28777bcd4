#include "kam/check/account_checks.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <set>

namespace kam {

namespace {

class AccountChecker {
  public:
    AccountChecker(const Account& a, const CheckContext& ctx, std::vector<Diagnostic>& out)
        : a_(a), ctx_(ctx), out_(out) {}

    void run() {
        ids_and_refs();
        dates();
        currencies();
        sections();
        contracts();
        reviews();
        risks_actions_contacts_sales();
    }

  private:
    void add(std::string_view file, Pos pos, std::string_view rule, std::string message,
             std::string hint = {}) {
        out_.push_back(Diagnostic{Severity::error, std::string(rule), a_.file_path(file), pos.line,
                                  pos.column, std::move(message), std::move(hint), a_.slug});
    }

    // Reports every id after its first use in one list.
    template <typename Range, typename IdOf, typename PosOf>
    std::set<std::string> unique_ids(std::string_view file, std::string_view what,
                                     const Range& items, IdOf id_of, PosOf pos_of,
                                     std::string_view where = {}) {
        std::map<std::string, uint32_t> first_line;
        for (const auto& item : items) {
            const std::string& id = id_of(item);
            if (id.empty()) continue;
            const Pos p = pos_of(item);
            const auto [it, inserted] = first_line.emplace(id, p.line);
            if (!inserted)
                add(file, p, "id-duplicate",
                    fmt::format("{} '{}' is used twice{} (first at line {})", what, id, where,
                                it->second));
        }
        std::set<std::string> ids;
        for (const auto& [id, _] : first_line) ids.insert(id);
        return ids;
    }

    void ref(std::string_view file, Pos pos, const std::string& value,
             const std::set<std::string>& ids, std::string_view target_desc, bool target_present) {
        if (value.empty() || ids.count(value)) return;
        std::vector<std::string_view> candidates(ids.begin(), ids.end());
        std::string hint;
        if (!candidates.empty()) {
            std::string list;
            for (std::string_view c : candidates)
                list += (list.empty() ? "" : ", ") + std::string(c);
            hint = fmt::format("known: {}", list);
        }
        add(file, pos, "ref-dangling",
            target_present
                ? fmt::format("'{}' is not the id of any of the {}", value, target_desc)
                : fmt::format("'{}' refers to {}, but the account has none", value, target_desc),
            hint);
    }

    void ids_and_refs() {
        auto id = [](const auto& x) -> const std::string& { return x.id; };
        auto id_pos = [](const auto& x) { return x.id_pos; };
        std::set<std::string> people, goals, contracts;
        if (a_.profile)
            people = unique_ids("profile.yaml", "person id", a_.profile->people, id, id_pos);
        if (a_.blueprint) {
            goals = unique_ids("blueprint.yaml", "goal id", a_.blueprint->goals, id, id_pos);
            unique_ids("blueprint.yaml", "action id", a_.blueprint->actions, id, id_pos);
            for (const Action& x : a_.blueprint->actions)
                ref("blueprint.yaml", x.goal_pos, x.goal, goals, "goals in blueprint.yaml", true);
        }
        if (a_.contracts) {
            contracts = unique_ids("contracts.yaml", "contract id", *a_.contracts, id, id_pos);
            for (const Contract& c : *a_.contracts)
                unique_ids("contracts.yaml", "SLA id", c.slas, id, id_pos,
                           fmt::format(" in contract {}", c.id));
        }
        if (a_.risks) {
            unique_ids("risks.yaml", "risk id", *a_.risks, id, id_pos);
            for (const Risk& r : *a_.risks)
                ref("risks.yaml", r.contract_pos, r.contract, contracts,
                    "contracts in contracts.yaml", a_.contracts.has_value());
        }
        if (a_.performance) {
            unique_ids("performance.yaml", "issue id", a_.performance->issues, id, id_pos);
            unique_ids(
                "performance.yaml", "period", a_.performance->financials,
                [](const Financial& f) -> const std::string& { return f.period_text; },
                [](const Financial& f) { return f.period_pos; });
        }
        if (a_.opportunities) {
            unique_ids("sales.yaml", "opportunity id", *a_.opportunities, id, id_pos);
            for (const Opportunity& o : *a_.opportunities)
                ref("sales.yaml", o.contact_pos, o.contact, people, "people in profile.yaml",
                    a_.profile.has_value());
        }
        if (a_.reviews) {
            for (const Survey& s : a_.reviews->surveys) {
                ref("reviews.yaml", s.respondent_pos, s.respondent, people,
                    "people in profile.yaml", a_.profile.has_value());
                if (!s.score_written)
                    add("reviews.yaml", s.pos, "schema-required",
                        "a survey needs at least one of 'nps' and 'csat'");
            }
        }
    }

    void dates() {
        const Cover& c = a_.cover;
        if (c.status == "lost" && !c.lost_on_written)
            add("account.yaml", c.status_pos, "lost-needs-date",
                "the account is lost but has no 'lost_on' date");
        if (c.lost_on && c.client_since && *c.lost_on < *c.client_since)
            add("account.yaml", c.lost_on_pos, "date-order",
                fmt::format("lost_on {} is before client_since {}", c.lost_on->to_string(),
                            c.client_since->to_string()));
        if (a_.contracts)
            for (const Contract& k : *a_.contracts)
                if (k.start && k.end && *k.end < *k.start)
                    add("contracts.yaml", k.end_pos, "date-order",
                        fmt::format("contract {} ends ({}) before it starts ({})", k.id,
                                    k.end->to_string(), k.start->to_string()));
        if (a_.performance)
            for (const DeliveryIssue& i : a_.performance->issues)
                if (i.opened && i.resolved_on && *i.resolved_on < *i.opened)
                    add("performance.yaml", i.resolved_on_pos, "date-order",
                        fmt::format("issue {} is resolved ({}) before it was opened ({})", i.id,
                                    i.resolved_on->to_string(), i.opened->to_string()));
    }

    void currency(std::string_view file, Pos pos, const std::optional<std::string>& code) {
        if (!code || *code == ctx_.settings.currency || ctx_.settings.fx.count(*code)) return;
        add(file, pos, "fx-missing",
            fmt::format("no exchange rate for {} in kam.yaml (base currency {})", *code,
                        ctx_.settings.currency),
            fmt::format("add '{}: RATE' under fx: in kam.yaml, RATE being {} per one {}", *code,
                        ctx_.settings.currency, *code));
    }

    void currencies() {
        currency("account.yaml", a_.cover.currency_pos, a_.cover.currency);
        if (a_.contracts)
            for (const Contract& k : *a_.contracts)
                currency("contracts.yaml", k.currency_pos, k.currency);
        if (a_.performance)
            for (const Financial& f : a_.performance->financials)
                currency("performance.yaml", f.currency_pos, f.currency);
        if (a_.opportunities)
            for (const Opportunity& o : *a_.opportunities)
                currency("sales.yaml", o.currency_pos, o.currency);
    }

    void sections() {
        if (a_.cover.tier.empty()) return;
        const auto it = ctx_.settings.policy.require.find(a_.cover.tier);
        if (it == ctx_.settings.policy.require.end()) return;
        for (const std::string& section : it->second)
            if (!a_.has_file(section))
                add("account.yaml", Pos{}, "section-required",
                    fmt::format("tier {} requires {}.yaml, which is missing", a_.cover.tier,
                                section),
                    fmt::format("add {}.yaml to the account folder (its fields: man 5 kam-files)",
                                section));
    }

    void contracts() {
        if (!a_.contracts) return;
        for (const Contract& k : *a_.contracts)
            if (k.notice_days_before_year_one && k.end)
                add("contracts.yaml", k.notice_days_pos, "schema-range",
                    fmt::format("contract {}'s notice deadline (end {} minus {} days) falls before "
                                "year 1",
                                k.id, k.end->to_string(), *k.notice_days_before_year_one));
        for (const Contract& k : *a_.contracts) {
            if (k.status != "active" || !k.end) continue;
            if (*k.end < ctx_.as_of) {
                add("contracts.yaml", k.end_pos, "contract-expired",
                    fmt::format("contract {} is active but ended on {}", k.id, k.end->to_string()),
                    "set its status to expired, renewing or terminated, or correct the end date");
            } else if (!k.auto_renew.value_or(false) && k.notice_days &&
                       *k.notice_deadline() < ctx_.as_of) {
                add("contracts.yaml", k.end_pos, "notice-passed",
                    fmt::format(
                        "the notice deadline of contract {} ({}, {} days before its end) has "
                        "passed",
                        k.id, k.notice_deadline()->to_string(), *k.notice_days));
            }
        }
    }

    void reviews() {
        const std::string& tier = a_.cover.tier;
        const std::string& status = a_.cover.status;
        if ((tier != "key" && tier != "strategic") || status == "lost" || status == "prospect")
            return;
        // An unreadable reviews.yaml was reported already; do not guess that reviews are missing.
        if (std::find(a_.unreadable_files.begin(), a_.unreadable_files.end(), "reviews") !=
            a_.unreadable_files.end())
            return;
        std::optional<Date> latest;
        if (a_.reviews)
            for (const Review& r : a_.reviews->reviews)
                if (r.date <= ctx_.as_of && (!latest || r.date > *latest)) latest = r.date;
        const int every = ctx_.settings.policy.review_every_days;
        const std::string_view file = a_.reviews ? "reviews.yaml" : "account.yaml";
        // A client newer than the review interval cannot be overdue yet.
        const auto since = a_.cover.client_since;
        if (!latest && since && ctx_.as_of - *since <= every) return;
        if (!latest)
            add(file, Pos{}, "review-overdue",
                fmt::format(
                    "a {} account with no progress review on record (policy: every {} days)", tier,
                    every));
        else if (ctx_.as_of - *latest > every)
            add(file, Pos{}, "review-overdue",
                fmt::format(
                    "the last progress review was {} days ago, on {} (policy: every {} days)",
                    ctx_.as_of - *latest, latest->to_string(), every));
    }

    void risks_actions_contacts_sales() {
        if (a_.risks)
            for (const Risk& r : *a_.risks)
                if (r.live() && !r.status.empty() && r.review && *r.review < ctx_.as_of)
                    add("risks.yaml", r.review_pos, "risk-review-overdue",
                        fmt::format("risk {} was due for review on {}", r.id,
                                    r.review->to_string()));
        if (a_.blueprint)
            for (const Action& x : a_.blueprint->actions)
                if (x.status == "open" && x.due && *x.due < ctx_.as_of)
                    add("blueprint.yaml", x.due_pos, "action-overdue",
                        fmt::format("action {} was due on {}", x.id, x.due->to_string()));
        if (a_.profile && a_.cover.status != "lost") {
            const int every = ctx_.settings.policy.contact_every_days;
            for (const Person& p : a_.profile->people) {
                if (p.role != "decision-maker") continue;
                if (!p.last_contact)
                    add("profile.yaml", p.pos, "contact-stale",
                        fmt::format("decision-maker {} has no last_contact on record", p.id));
                else if (ctx_.as_of - *p.last_contact > every)
                    add("profile.yaml", p.last_contact_pos, "contact-stale",
                        fmt::format(
                            "decision-maker {} was last contacted {} days ago (policy: every {} "
                            "days)",
                            p.id, ctx_.as_of - *p.last_contact, every));
            }
        }
        if (a_.opportunities)
            for (const Opportunity& o : *a_.opportunities)
                if (o.stage == "lost" && o.lost_reason.empty())
                    add("sales.yaml", o.pos, "lost-reason-missing",
                        fmt::format("opportunity {} was lost without a lost_reason", o.id));
    }

    const Account& a_;
    const CheckContext& ctx_;
    std::vector<Diagnostic>& out_;
};

}  // namespace

void check_account(const Account& account, const CheckContext& context,
                   std::vector<Diagnostic>& out) {
    AccountChecker(account, context, out).run();
}

}  // namespace kam
