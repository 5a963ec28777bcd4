#include "kam/metrics/completeness.hpp"

namespace kam {

namespace {

bool has_content(const Profile& p) {
    return !p.industry.empty() || !p.market.empty() || !p.business.empty() ||
           !p.headquarters.empty() || !p.structure.empty() || p.employees || p.annual_revenue ||
           !p.people.empty() || !p.procurement_process.empty() ||
           !p.procurement_framework.empty() || p.preferred_supplier || p.payment_terms_days ||
           p.next_tender || !p.suppliers.empty() || !p.competitors.empty();
}

}  // namespace

Completeness completeness(const Account& a) {
    const Cover& c = a.cover;
    const Blueprint* bp = a.blueprint ? &*a.blueprint : nullptr;
    const Performance* perf = a.performance ? &*a.performance : nullptr;
    const bool present[k_components.size()] = {
        !c.mission.empty(),
        !c.manager.empty(),
        !c.background.empty() || !c.history.empty(),
        !c.overview.empty() || (a.profile && has_content(*a.profile)),
        !c.position_current.empty() || !c.position_scope.empty() || !c.objectives.empty(),
        bp && !bp->strategy.empty(),
        bp && !bp->goals.empty(),
        a.swot && (!a.swot->strengths.empty() || !a.swot->weaknesses.empty() ||
                   !a.swot->opportunities.empty() || !a.swot->threats.empty()),
        bp && !bp->competition.empty(),
        perf && !perf->financials.empty(),
        perf && !perf->scorecard.empty(),
        a.opportunities && !a.opportunities->empty(),
        a.reviews && (!a.reviews->reviews.empty() || !a.reviews->surveys.empty()),
        a.risks && !a.risks->empty(),
        a.contracts && !a.contracts->empty(),
    };
    Completeness out;
    int count = 0;
    for (size_t i = 0; i < k_components.size(); ++i) {
        if (present[i])
            ++count;
        else
            out.missing.push_back(k_components[i]);
    }
    out.pct = percent_of(count, static_cast<int128>(k_components.size()));
    return out;
}

}  // namespace kam
