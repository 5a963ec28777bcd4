#include "kam/metrics/relationship_fit.hpp"

#include "kam/metrics/lifetime_value.hpp"

namespace kam {

RelationshipFit relationship_fit(const Account& a, const AccountMetrics& m, const Policy& p) {
    RelationshipFit fit;
    fit.chosen = a.cover.relationship;
    if (!m.annual_revenue)
        fit.suggested = Figure<std::string>::none(m.annual_revenue.reason);
    else if (!m.margin_pct)
        fit.suggested = Figure<std::string>::none(m.margin_pct.reason);
    else if (*m.annual_revenue >= p.intense_revenue &&
             at_least(*m.margin_pct, p.intense_margin_pct))
        fit.suggested = Figure<std::string>::of("intense");
    else if (*m.annual_revenue >= p.moderate_revenue && !below_margin_policy(m.margin_pct, p))
        fit.suggested = Figure<std::string>::of("moderate");
    else
        fit.suggested = Figure<std::string>::of("arms-length");
    fit.mismatch = fit.suggested && !fit.chosen.empty() && fit.chosen != *fit.suggested;
    return fit;
}

RelationshipFit relationship_fit(const Account& a, const AccountMetrics& m,
                                 const PortfolioSettings& s, const FigureSources& figures) {
    RelationshipFit fit = relationship_fit(a, m, s.policy);
    const Policy& p = s.policy;
    if (fit.suggested) {
        fit.sources = figures.of("margin_pct");  // the year's revenue and cost
        fit.sources.push_back(
            setting_source(s, "policy.intense_revenue", p.intense_revenue.to_decimal()));
        fit.sources.push_back(
            setting_source(s, "policy.intense_margin_pct", number_text(p.intense_margin_pct)));
        fit.sources.push_back(
            setting_source(s, "policy.moderate_revenue", p.moderate_revenue.to_decimal()));
        fit.sources.push_back(
            setting_source(s, "policy.min_margin_pct", number_text(p.min_margin_pct)));
    }
    fit.sources.push_back(
        cover_source(a, "relationship", a.cover.relationship_pos, written_or_not(fit.chosen)));
    return fit;
}

}  // namespace kam
