#include "kam/metrics/completeness.hpp"

#include <fmt/format.h>
#include <tuple>

namespace kam {

namespace {

bool has_content(const Profile& p) {
    return !p.industry.empty() || !p.market.empty() || !p.business.empty() ||
           !p.headquarters.empty() || !p.structure.empty() || p.employees || p.annual_revenue ||
           !p.people.empty() || !p.procurement_process.empty() ||
           !p.procurement_framework.empty() || p.preferred_supplier || p.payment_terms_days ||
           p.next_tender || !p.suppliers.empty() || !p.competitors.empty();
}

// Where a present component is written.
Source component_source(const Account& a, size_t component) {
    const Cover& c = a.cover;
    // A free text as "written": the component is there, its words are not the figure's input.
    auto cover = [&](std::string_view key, Pos pos) {
        return cover_source(a, key, pos, "written");
    };
    auto first = [&](std::string_view file, std::string_view list, size_t index,
                     std::string_view key, Pos pos, std::string value) {
        return record_source(a, file, list, fmt::format("{}.{}", index, key), pos,
                             std::move(value));
    };
    auto by_id = [&](std::string_view file, std::string_view list, const std::string& id, Pos pos) {
        return record_source(a, file, list, id + ".id", pos, id);
    };
    switch (component) {
        case 0:
            return cover("mission", c.mission_pos);
        case 1:
            return cover_source(a, "manager", c.manager_pos, c.manager);
        case 2:
            if (!c.background.empty()) return cover("background", c.background_pos);
            return first("account.yaml", "account.history", c.history[0].index, "date",
                         c.history[0].date_pos, c.history[0].date.to_string());
        case 3:
            if (!c.overview.empty()) return cover("overview", c.overview_pos);
            return field_source(a, "profile.yaml", Pos{1, 1}, "profile",
                                "profile.yaml has content");
        case 4:
            return cover("position", c.position_pos);
        case 5:
            return field_source(a, "blueprint.yaml", a.blueprint->strategy_pos,
                                "blueprint.strategy", "written");
        case 6:
            return by_id("blueprint.yaml", "blueprint.goals", a.blueprint->goals[0].id,
                         a.blueprint->goals[0].id_pos);
        case 7: {
            const Swot& w = *a.swot;
            const std::tuple<std::string_view, const std::vector<SwotItem>*, Pos> q[] = {
                {"strengths", &w.strengths, w.strengths_pos},
                {"weaknesses", &w.weaknesses, w.weaknesses_pos},
                {"opportunities", &w.opportunities, w.opportunities_pos},
                {"threats", &w.threats, w.threats_pos}};
            for (const auto& [key, items, pos] : q)
                if (!items->empty())
                    return field_source(a, "swot.yaml", pos, fmt::format("swot.{}", key),
                                        fmt::format("{} item(s)", items->size()));
            break;
        }
        case 8: {
            const Competitor& x = a.blueprint->competition[0];
            return first("blueprint.yaml", "blueprint.competition", x.index, "name", x.name_pos,
                         x.name);
        }
        case 9: {
            const Financial& x = a.performance->financials[0];
            return first("performance.yaml", "performance.financials", x.index, "period",
                         x.period_pos, x.period_text);
        }
        case 10: {
            const ScorecardRow& x = a.performance->scorecard[0];
            return first("performance.yaml", "performance.scorecard", x.index, "measure",
                         x.measure_pos, x.measure);
        }
        case 11:
            return by_id("sales.yaml", "sales.opportunities", (*a.opportunities)[0].id,
                         (*a.opportunities)[0].id_pos);
        case 12:
            if (!a.reviews->reviews.empty()) {
                const Review& x = a.reviews->reviews[0];
                return first("reviews.yaml", "reviews.reviews", x.index, "date", x.date_pos,
                             x.date.to_string());
            } else {
                const Survey& x = a.reviews->surveys[0];
                return first("reviews.yaml", "reviews.surveys", x.index, "date", x.date_pos,
                             x.date.to_string());
            }
        case 13:
            return by_id("risks.yaml", "risks", (*a.risks)[0].id, (*a.risks)[0].id_pos);
        case 14:
            return by_id("contracts.yaml", "contracts", (*a.contracts)[0].id,
                         (*a.contracts)[0].id_pos);
    }
    return field_source(a, "account.yaml", Pos{1, 1}, "account", "");
}

}  // namespace

Completeness completeness(const Account& a, Sources* sources) {
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
        if (present[i]) {
            ++count;
            if (sources) {
                Source s = component_source(a, i);
                s.value = fmt::format("{}: {}", k_components[i], s.value);
                sources->push_back(std::move(s));
            }
        } else
            out.missing.push_back(k_components[i]);
    }
    out.pct = percent_of(count, static_cast<int128>(k_components.size()));
    return out;
}

}  // namespace kam
