#include "kam/check/account_checks.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <set>

#include "kam/check/judgement_checks.hpp"
#include "kam/util/scalar.hpp"
#include "kam/util/spell.hpp"

namespace kam {

namespace {

class AccountChecker {
  public:
    AccountChecker(const Account& a, const CheckContext& ctx, std::vector<Diagnostic>& out)
        : a_(a), ctx_(ctx), out_(out) {}

    void run() {
        ids_and_refs();
        unchecked_refs();
        dates();
        past_dates();
        values();
        currencies();
        sections();
        contracts();
        reviews();
        risks_actions_contacts_sales();
    }

  private:
    void add(std::string_view file, Pos pos, Rule rule, std::string message,
             std::string hint = {}) {
        out_.push_back(Diagnostic{Severity::error, rule, a_.file_path(file), pos.line, pos.column,
                                  std::move(message), std::move(hint), a_.slug});
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
                add(file, p, Rule::id_duplicate,
                    fmt::format("{} '{}' is used twice{} (first at line {})", what, id, where,
                                it->second));
        }
        std::set<std::string> ids;
        for (const auto& [id, _] : first_line) ids.insert(id);
        return ids;
    }

    bool unreadable(std::string_view section) const {
        return std::find(a_.unreadable_files.begin(), a_.unreadable_files.end(), section) !=
               a_.unreadable_files.end();
    }

    // References into a file that could not be read are neither good nor
    // dangling: one finding says they were not checked.
    struct Unchecked {
        std::string file, value;
        Pos pos;
        std::string_view target_desc;
        size_t count = 0;
    };

    void ref(std::string_view file, Pos pos, const std::string& value,
             const std::set<std::string>& ids, std::string_view target_desc, bool target_present,
             std::string_view target_section,
             const std::map<std::string, std::string>* names = nullptr) {
        if (value.empty()) return;
        if (unreadable(target_section) && !is_valid_id(value)) {
            add(file, pos, Rule::schema_type,
                fmt::format("'{}' is not a valid id (a letter or digit, then letters, digits, "
                            "'.', '_' or '-'; at most 64)",
                            value));
            return;
        }
        if (unreadable(target_section)) {
            Unchecked& u = unchecked_[std::string(target_section)];
            if (u.count++ == 0) u = Unchecked{std::string(file), value, pos, target_desc, 1};
            return;
        }
        if (ids.count(value)) return;
        std::vector<std::string_view> candidates(ids.begin(), ids.end());
        std::string hint;
        if (const auto m = names ? person_named(value, *names) : std::nullopt) {
            hint = fmt::format("{} a reference is the id, not the name ({} is {})",
                               did_you_mean(*m), *m, names->at(*m));
        } else if (!candidates.empty()) {
            std::string list;
            for (std::string_view c : candidates)
                list += (list.empty() ? "" : ", ") + std::string(c);
            hint = fmt::format("known: {}", list);
        }
        add(file, pos, Rule::ref_dangling,
            target_present
                ? fmt::format("'{}' is not the id of any of the {}", value, target_desc)
                : fmt::format("'{}' refers to {}, but the account has none", value, target_desc),
            hint);
    }

    // The one person whose name holds a word of `value` ("Dr. Weber" -> P1, "Dr.
    // Claudia Weber"); titles and short words do not count.
    static std::optional<std::string> person_named(
        const std::string& value, const std::map<std::string, std::string>& names) {
        auto words = [](std::string_view text) {
            std::vector<std::string> out;
            std::string w;
            for (size_t i = 0; i <= text.size(); ++i) {
                const char c = i < text.size() ? text[i] : ' ';
                if (c == ' ' || c == '.' || c == ',' || c == '-' || c == '_') {
                    if (w.size() >= 3 && w != "mrs" && w != "prof") out.push_back(w);
                    w.clear();
                } else {
                    w += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
                }
            }
            return out;
        };
        std::optional<std::string> found;
        for (const auto& [id, name] : names) {
            const auto of_name = words(name);
            bool hit = false;
            for (const std::string& w : words(value))
                hit |= std::find(of_name.begin(), of_name.end(), w) != of_name.end();
            if (!hit) continue;
            if (found) return std::nullopt;  // two people: a guess either way
            found = id;
        }
        return found;
    }

    void ids_and_refs() {
        auto id = [](const auto& x) -> const std::string& { return x.id; };
        auto id_pos = [](const auto& x) { return x.id_pos; };
        std::set<std::string> people, goals, contracts;
        std::map<std::string, std::string> names;
        if (a_.profile) {
            people = unique_ids("profile.yaml", "person id", a_.profile->people, id, id_pos);
            for (const Person& p : a_.profile->people)
                if (!p.id.empty() && !p.name.empty()) names.emplace(p.id, p.name);
        }
        if (a_.blueprint) {
            goals = unique_ids("blueprint.yaml", "goal id", a_.blueprint->goals, id, id_pos);
            unique_ids("blueprint.yaml", "action id", a_.blueprint->actions, id, id_pos);
            for (const Action& x : a_.blueprint->actions)
                ref("blueprint.yaml", x.goal_pos, x.goal, goals, "goals in blueprint.yaml", true,
                    "blueprint");
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
                    "contracts in contracts.yaml", a_.contracts.has_value(), "contracts");
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
                    a_.profile.has_value(), "profile", &names);
        }
        if (a_.reviews) {
            for (const Survey& s : a_.reviews->surveys) {
                ref("reviews.yaml", s.respondent_pos, s.respondent, people,
                    "people in profile.yaml", a_.profile.has_value(), "profile", &names);
                if (!s.score_written)
                    add("reviews.yaml", s.pos, Rule::schema_required,
                        "a survey needs at least one of 'nps' and 'csat'");
            }
        }
    }

    void unchecked_refs() {
        for (const auto& [section, u] : unchecked_)
            add(u.file, u.pos, Rule::ref_unchecked,
                u.count == 1
                    ? fmt::format("cannot check '{}': {}.yaml has errors", u.value, section)
                    : fmt::format("cannot check '{}' and {} more references to {}: {}.yaml has "
                                  "errors",
                                  u.value, u.count - 1, u.target_desc, section),
                fmt::format("fix {}.yaml first; the references are checked once it reads",
                            section));
    }

    // Dates that record what happened cannot lie after the as-of day.
    void future(std::string_view file, Pos pos, const std::optional<Date>& d,
                std::string_view what) {
        if (!d || *d <= ctx_.as_of) return;
        add(file, pos, Rule::date_future,
            fmt::format("{} is {}, after today ({})", what, d->to_string(), ctx_.as_of.to_string()),
            "a date of what happened cannot be in the future: correct it, or use --as-of");
    }

    void past_dates() {
        for (const HistoryEvent& h : a_.cover.history)
            future("account.yaml", h.date_pos, h.date, "the history event's date");
        if (a_.profile)
            for (const Person& p : a_.profile->people)
                future("profile.yaml", p.last_contact_pos, p.last_contact,
                       fmt::format("the last_contact of {}", p.id));
        if (a_.reviews) {
            for (const Review& r : a_.reviews->reviews)
                future("reviews.yaml", r.date_pos, r.date, "the review's date");
            for (const Survey& v : a_.reviews->surveys)
                future("reviews.yaml", v.date_pos, v.date, "the survey's date");
        }
        if (a_.opportunities)
            for (const Opportunity& o : *a_.opportunities) {
                if (o.stage == "won" || o.stage == "lost")
                    future("sales.yaml", o.close_pos, o.close,
                           fmt::format("the close date of {} opportunity {}", o.stage, o.id));
                else if (o.stale(ctx_.as_of))
                    add("sales.yaml", o.close_pos, Rule::opportunity_stale,
                        fmt::format("open opportunity {} ({}) was to close on {}", o.id, o.stage,
                                    o.close->to_string()),
                        "move 'close' to the date you now expect, or set the stage to won or "
                        "lost");
            }
        if (a_.blueprint)
            for (const Goal& g : a_.blueprint->goals)
                if (g.due && *g.due < ctx_.as_of && g.status != "achieved" &&
                    g.status != "dropped" && !g.status.empty())
                    add("blueprint.yaml", g.due_pos, Rule::goal_overdue,
                        fmt::format("goal {} was due on {} and is still {}", g.id,
                                    g.due->to_string(), g.status),
                        "set its status to achieved or dropped, or give it a new due date");
    }

    void values() {
        const Cover& c = a_.cover;
        if (c.lost_on_written && !c.status.empty() && c.status != "lost")
            add("account.yaml", c.lost_on_pos, Rule::lost_on_not_lost,
                fmt::format("the account has a 'lost_on' date but its status is {}", c.status),
                "set status to lost, or remove lost_on if the account was won back");
        if (a_.contracts)
            for (const Contract& k : *a_.contracts)
                if (k.annual_value && k.annual_value->cents < 0)
                    add("contracts.yaml", k.annual_value_pos, Rule::value_negative,
                        fmt::format("contract {} has a negative annual_value", k.id));
        if (a_.opportunities)
            for (const Opportunity& o : *a_.opportunities) {
                if (o.value.cents < 0)
                    add("sales.yaml", o.value_pos, Rule::value_negative,
                        fmt::format("opportunity {} has a negative value", o.id));
                if (o.probability && *o.probability > 0 && *o.probability < 1)
                    add("sales.yaml", o.probability_pos, Rule::probability_fraction,
                        fmt::format("the probability of {} is {} %, below one per cent", o.id,
                                    *o.probability),
                        fmt::format("probability is a percentage: for {:g} %, write {:g}",
                                    *o.probability * 100, *o.probability * 100));
            }
    }

    void dates() {
        const Cover& c = a_.cover;
        if (c.status == "lost" && !c.lost_on_written)
            add("account.yaml", c.status_pos, Rule::lost_needs_date,
                "the account is lost but has no 'lost_on' date");
        if (c.lost_on && c.client_since && *c.lost_on < *c.client_since)
            add("account.yaml", c.lost_on_pos, Rule::date_order,
                fmt::format("lost_on {} is before client_since {}", c.lost_on->to_string(),
                            c.client_since->to_string()));
        if (a_.contracts)
            for (const Contract& k : *a_.contracts)
                if (k.start && k.end && *k.end < *k.start)
                    add("contracts.yaml", k.end_pos, Rule::date_order,
                        fmt::format("contract {} ends ({}) before it starts ({})", k.id,
                                    k.end->to_string(), k.start->to_string()));
        if (a_.performance)
            for (const DeliveryIssue& i : a_.performance->issues)
                if (i.opened && i.resolved_on && *i.resolved_on < *i.opened)
                    add("performance.yaml", i.resolved_on_pos, Rule::date_order,
                        fmt::format("issue {} is resolved ({}) before it was opened ({})", i.id,
                                    i.resolved_on->to_string(), i.opened->to_string()));
    }

    void currency(std::string_view file, Pos pos, const std::optional<std::string>& code) {
        if (!code || *code == ctx_.settings.currency || ctx_.settings.fx.count(*code)) return;
        add(file, pos, Rule::fx_missing,
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
                add("account.yaml", Pos{}, Rule::section_required,
                    fmt::format("tier {} requires {}.yaml, which is missing", a_.cover.tier,
                                section),
                    fmt::format("add {}.yaml to the account folder (its fields: man 5 kam-files)",
                                section));
    }

    void contracts() {
        if (!a_.contracts) return;
        for (const Contract& k : *a_.contracts)
            if (k.notice_days_before_year_one && k.end)
                add("contracts.yaml", k.notice_days_pos, Rule::schema_range,
                    fmt::format("contract {}'s notice deadline (end {} minus {} days) falls before "
                                "year 1",
                                k.id, k.end->to_string(), *k.notice_days_before_year_one));
        for (const Contract& k : *a_.contracts) {
            if (k.status != "active" || !k.end) continue;
            // An end before the start is reported as date-order; which date is wrong is unknown.
            if (k.start && *k.end < *k.start) continue;
            if (*k.current_end(ctx_.as_of) < ctx_.as_of) {
                add("contracts.yaml", k.end_pos, Rule::contract_expired,
                    fmt::format("contract {} is active but ended on {}", k.id, k.end->to_string()),
                    // An auto-renewing one rolls forward (current_end): only a fixed term ends.
                    "set its status to expired, renewing or terminated, or correct the end date");
            } else if (!k.auto_renew.value_or(false) && k.notice_days &&
                       *k.notice_deadline(ctx_.as_of) < ctx_.as_of) {
                add("contracts.yaml", k.end_pos, Rule::notice_passed,
                    fmt::format(
                        "the notice deadline of contract {} ({}, {} days before its end) has "
                        "passed",
                        k.id, k.notice_deadline(ctx_.as_of)->to_string(), *k.notice_days));
            }
        }
    }

    void reviews() {
        // An unreadable reviews.yaml was reported already; do not guess that reviews are missing.
        const int every = ctx_.settings.policy.review_every_days;
        if (unreadable("reviews") || !a_.review_overdue(ctx_.as_of, every)) return;
        const std::string_view file = a_.reviews ? "reviews.yaml" : "account.yaml";
        if (const auto latest = a_.latest_review(ctx_.as_of))
            add(file, Pos{}, Rule::review_overdue,
                fmt::format(
                    "the last progress review was {} days ago, on {} (policy: every {} days)",
                    ctx_.as_of - *latest, latest->to_string(), every));
        else
            add(file, Pos{}, Rule::review_overdue,
                fmt::format(
                    "a {} account with no progress review on record (policy: every {} days)",
                    a_.cover.tier, every));
    }

    void risks_actions_contacts_sales() {
        if (a_.risks)
            for (const Risk& r : *a_.risks)
                if (r.review_overdue(ctx_.as_of))
                    add("risks.yaml", r.review_pos, Rule::risk_review_overdue,
                        fmt::format("risk {} was due for review on {}", r.id,
                                    r.review->to_string()));
        if (a_.blueprint)
            for (const Action& x : a_.blueprint->actions)
                if (x.overdue(ctx_.as_of))
                    add("blueprint.yaml", x.due_pos, Rule::action_overdue,
                        fmt::format("action {} was due on {}", x.id, x.due->to_string()));
        if (a_.profile && a_.cover.status != "lost") {
            const int every = ctx_.settings.policy.contact_every_days;
            for (const Person& p : a_.profile->people) {
                if (!p.stale(ctx_.as_of, every)) continue;
                if (!p.last_contact)
                    add("profile.yaml", p.pos, Rule::contact_stale,
                        fmt::format("decision-maker {} has no last_contact on record", p.id));
                else
                    add("profile.yaml", p.last_contact_pos, Rule::contact_stale,
                        fmt::format(
                            "decision-maker {} was last contacted {} days ago (policy: every {} "
                            "days)",
                            p.id, ctx_.as_of - *p.last_contact, every));
            }
        }
        if (a_.opportunities)
            for (const Opportunity& o : *a_.opportunities)
                if (o.stage == "lost" && o.lost_reason.empty())
                    add("sales.yaml", o.pos, Rule::lost_reason_missing,
                        fmt::format("opportunity {} was lost without a lost_reason", o.id));
    }

    const Account& a_;
    const CheckContext& ctx_;
    std::vector<Diagnostic>& out_;
    std::map<std::string, Unchecked> unchecked_;
};

}  // namespace

void check_account(const Account& account, const CheckContext& context,
                   std::vector<Diagnostic>& out) {
    AccountChecker(account, context, out).run();
    check_judgement(account, context, out);
}

}  // namespace kam
