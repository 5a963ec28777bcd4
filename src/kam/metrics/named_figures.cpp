#include "kam/metrics/named_figures.hpp"

#include <stdexcept>

#include "kam/metrics/health.hpp"

namespace kam {

namespace {

using K = FigureKind;

template <typename T>
FigureReading reading(const Figure<T>& f) {
    if (f) return FigureReading{*f, {}};
    return FigureReading{std::monostate{}, f.reason};
}

FigureReading whole(int64_t v) {
    return FigureReading{v, {}};
}

}  // namespace

const std::vector<NamedFigure>& named_figures() {
    static const std::vector<NamedFigure> k_figures = {
        {"annual_revenue_cents", K::money, "cents", "revenue of the latest complete fiscal year"},
        {"prior_revenue_cents", K::money, "cents", "revenue of the fiscal year before"},
        {"growth_pct", K::decimal, "pct", "annual over prior revenue, change in %"},
        {"margin_pct", K::decimal, "pct", "(revenue - cost) / revenue of the fiscal year"},
        {"acv_cents", K::money, "cents", "annual contract value of the contracts in force"},
        {"pipeline_cents", K::money, "cents", "value of the open opportunities"},
        {"weighted_pipeline_cents", K::money, "cents", "open opportunities x probability"},
        {"win_rate_pct", K::decimal, "pct", "won / (won + lost) in the 365 days to as-of"},
        {"won", K::whole, "count", "opportunities won in the 365 days to as-of"},
        {"lost", K::whole, "count", "opportunities lost in the 365 days to as-of"},
        {"risk_exposure", K::whole, "score", "sum of the live risks' scores"},
        {"max_risk", K::whole, "score", "the highest live risk score"},
        {"next_renewal", K::date, "date", "the earliest end of a contract in force"},
        {"days_to_renewal", K::whole, "days", "from as-of to next_renewal"},
        {"notice_deadline", K::date, "date", "next_renewal's contract end - notice_days"},
        {"nps", K::decimal, "score", "net promoter score of the surveys in the window"},
        {"csat", K::decimal, "score", "mean satisfaction of the surveys in the window"},
        {"days_since_review", K::whole, "days", "days since the last progress review"},
        {"coverage_pct", K::decimal, "pct", "decision-makers with a relationship owner"},
        {"completeness_pct", K::decimal, "pct", "sections and fields filled in"},
        {"health", K::whole, "score", "health score 0-100"},
        {"health_nps", K::decimal, "score", "health part: NPS"},
        {"health_coverage", K::decimal, "score", "health part: coverage"},
        {"health_risk", K::decimal, "score", "health part: risk"},
        {"health_delivery", K::decimal, "score", "health part: delivery"},
        {"health_review", K::decimal, "score", "health part: review"},
        {"key_account", K::flag, "flag", "in the key-account set (kam keys)"},
        {"incomplete", K::flag, "flag", "the account had load errors"},
        // Added in schema version 1 after the first: at the end, as the contract says.
        {"ytd_revenue_cents", K::money, "cents", "revenue of the current fiscal year to date"},
        {"run_rate_cents", K::money, "cents", "revenue to date x 12 / months covered"},
        {"win_rate_value_pct", K::decimal, "pct", "won value / (won + lost value), 365 days"},
        {"next_renewal_value_cents", K::money, "cents",
         "annual value of the contract that renews next"},
        {"nps_n", K::whole, "count", "survey answers nps is taken over"},
        {"csat_n", K::whole, "count", "survey answers csat is taken over"},
        {"health_data_pct", K::decimal, "pct", "share of health's weight that rests on data"},
    };
    return k_figures;
}

const NamedFigure* find_named_figure(std::string_view name) {
    for (const NamedFigure& f : named_figures())
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<FigureReading> read_figures(const AccountMetrics& m, Date as_of, bool key) {
    std::vector<FigureReading> out = {
        reading(m.annual_revenue),
        reading(m.prior_revenue),
        reading(m.growth_pct),
        reading(m.margin_pct),
        reading(m.acv),
        reading(m.pipeline),
        reading(m.weighted_pipeline),
        reading(m.win_rate_pct),
        whole(m.won),
        whole(m.lost),
        reading(m.risk_exposure),
        reading(m.max_risk),
        reading(m.next_renewal),
        m.next_renewal ? whole(int64_t{*m.next_renewal - as_of})
                       : FigureReading{std::monostate{}, m.next_renewal.reason},
        reading(m.notice_deadline),
        reading(m.nps),
        reading(m.csat),
        reading(m.days_since_review),
        reading(m.coverage_pct),
        FigureReading{m.completeness.pct, {}},
        reading(m.health.score),
    };
    // The health parts, in k_health_part_names order (health_nps ... health_review).
    for (const HealthPart& part : m.health.parts) out.push_back(reading(part.score));
    out.push_back(FigureReading{key, {}});
    out.push_back(FigureReading{m.incomplete, {}});
    out.push_back(reading(m.ytd_revenue));
    out.push_back(reading(m.run_rate));
    out.push_back(reading(m.win_rate_value_pct));
    out.push_back(reading(m.next_renewal_value));
    out.push_back(whole(m.nps_n));
    out.push_back(whole(m.csat_n));
    out.push_back(FigureReading{m.health.data_pct, {}});
    if (out.size() != named_figures().size())
        throw std::logic_error("read_figures() and named_figures() disagree");
    return out;
}

}  // namespace kam
