#include "kam/check/judgement_checks.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/metrics/account_metrics.hpp"
#include "kam/metrics/contact_map.hpp"
#include "kam/metrics/fiscal.hpp"
#include "kam/metrics/lifetime_value.hpp"
#include "kam/metrics/qualification.hpp"
#include "kam/metrics/relationship_fit.hpp"

namespace kam {

namespace {

bool unreadable(const Account& a, std::string_view section) {
    return std::find(a.unreadable_files.begin(), a.unreadable_files.end(), section) !=
           a.unreadable_files.end();
}

// The first financials row of fiscal year `year`: where the year's margin comes from.
Pos year_row(const Account& a, int year, int start_month) {
    for (const Financial& f : a.performance->financials) {
        int y = f.period.year;
        if (f.period.kind == Period::Kind::month)
            y = fiscal_year_of(Date::from_ymd(f.period.year, f.period.index, 1), start_month);
        if (y == year) return f.pos;
    }
    return Pos{};
}

std::string join(const std::vector<std::string_view>& items) {
    std::string out;
    for (std::string_view s : items) {
        if (!out.empty()) out += ", ";
        out += s;
    }
    return out;
}

}  // namespace

void check_judgement(const Account& a, const CheckContext& ctx, std::vector<Diagnostic>& out) {
    auto add = [&](std::string_view file, Pos pos, Rule rule, std::string message,
                   std::string hint = {}) {
        out.push_back(Diagnostic{Severity::error, rule, a.file_path(file), pos.line, pos.column,
                                 std::move(message), std::move(hint), a.slug});
    };
    if (!a.cover_ok || a.cover.status == "lost") return;
    const Policy& policy = ctx.settings.policy;

    if (a.performance && !unreadable(a, "performance")) {
        const AccountMetrics m = compute_account_metrics(a, ctx.settings, ctx.as_of);
        if (below_margin_policy(m.margin_pct, policy))
            add("performance.yaml", year_row(a, m.fiscal_year, ctx.settings.fiscal_year_start),
                Rule::margin_below_policy,
                fmt::format("the margin for {} is {}%, below the policy's {}%: fix or trim",
                            fiscal_year_label(m.fiscal_year), m.margin_pct->to_string(),
                            policy.min_margin_pct),
                "raise price or cut the cost to serve, move the account to a lighter tier, or "
                "set policy.min_margin_pct in kam.yaml");
        const RelationshipFit fit = relationship_fit(a, m, policy);
        if (fit.mismatch)
            add("account.yaml", a.cover.relationship_pos, Rule::relationship_mismatch,
                fmt::format(
                    "relationship is {}, but annual revenue {} {} and margin {}% suggest {}",
                    fit.chosen, m.annual_revenue->whole_units(), ctx.settings.currency,
                    m.margin_pct->to_string(), *fit.suggested),
                "see kam-metrics(7), Relationship fit, for the thresholds (policy.intense_revenue, "
                "policy.moderate_revenue, policy.intense_margin_pct)");
    }

    if (a.profile && !unreadable(a, "profile") && single_thread_matters(a)) {
        const ContactMap map = contact_map(a, ctx.as_of);
        if (map.known && map.single_threaded)
            add("profile.yaml", map.carrying.front()->pos, Rule::single_threaded,
                fmt::format("the {} account is single-threaded: {}", a.cover.tier,
                            map.single_threaded_reason),
                "build a second strong relationship, owned by someone else on our side");
    }

    if (a.opportunities && !unreadable(a, "sales"))
        for (const Opportunity& o : *a.opportunities) {
            if (!o.open() || !needs_qualification(o) || qualified(o)) continue;
            add("sales.yaml", o.pos, Rule::opportunity_unqualified,
                fmt::format("opportunity {} is in {} but not qualified: {} not confirmed", o.id,
                            o.stage, join(missing_qualification(o))),
                "set qualification: {budget, authority, need, timeline} to true as each is "
                "confirmed");
        }
}

}  // namespace kam
