#pragma once
// Where a figure comes from (kam-metrics(7), SOURCES): each input of it where
// it is written, by the line and column the model keeps for findings (Pos),
// with the kam path `kam get` reads it by and the value the figure took. The
// figures of metrics/ give their sources when asked for them (a FigureSources
// to fill, an `explain` flag); nothing reads a file again to find them.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kam/metrics/exact.hpp"
#include "kam/model/account.hpp"

namespace kam {

// The sections of kam-metrics(7) that define the figures, as explanations
// name them (tests/unit/test_metrics_docs.cpp checks each is a section).
namespace formula {
inline constexpr std::string_view per_account = "PER-ACCOUNT FIGURES";
inline constexpr std::string_view health = "HEALTH";
inline constexpr std::string_view portfolio = "PORTFOLIO FIGURES";
inline constexpr std::string_view matrix = "The portfolio matrix";
inline constexpr std::string_view value = "Profitability and lifetime value";
inline constexpr std::string_view fit = "Relationship fit";
inline constexpr std::string_view contact_map = "Contact map";
inline constexpr std::string_view rising = "Rising accounts";
inline constexpr std::string_view whitespace = "Whitespace";
inline constexpr std::string_view qualification = "Qualification";
inline constexpr std::string_view records = "Records";
inline constexpr std::string_view all[] = {per_account, health,        portfolio,   matrix,
                                           value,       fit,           contact_map, rising,
                                           whitespace,  qualification, records};
}  // namespace formula

struct Source {
    std::string file;  // display path, as findings name it
    // The value's line and column (the record's when the field is not
    // written); line 0: a setting of kam.yaml that is not written (its default).
    Pos pos;
    // The kam path: "performance.financials.3.revenue", "account.tier"; a
    // setting of kam.yaml by its key, "policy.min_margin_pct".
    std::string path;
    std::string value;  // the input as the figure took it
};
using Sources = std::vector<Source>;

void append(Sources& to, const Sources& from);

// A figure that another is derived from (kam-metrics(7), SOURCES): a rank
// names the figures of the accounts it ranks, a count the figure of each
// account it counts, a share of weight the parts it rests on. Each is itself
// explained, with its file lines, in the same report.
struct FigureRef {
    std::string account;  // slug; empty for a figure of the whole portfolio
    std::string figure;   // its JSON and CSV name ("annual_margin")
    std::string value;    // as the derived figure took it
};
using FigureRefs = std::vector<FigureRef>;

// The sources of the per-account figures, by figure name: annual_revenue,
// prior_revenue, growth_pct, margin_pct, acv, next_renewal, notice_deadline,
// pipeline, weighted_pipeline, win_rate_pct, win_rate_value_pct,
// risk_exposure, max_risk, nps, csat, days_since_review, coverage_pct, health
// and its parts health_nps, health_coverage, health_risk, health_delivery,
// health_review, ytd_revenue, run_rate, completeness_pct and health_data_pct;
// `derived` the figures some of them are derived from (health_data_pct: the
// health parts with data).
struct FigureSources {
    std::map<std::string, Sources, std::less<>> figures;
    std::map<std::string, FigureRefs, std::less<>> derived;

    const Sources& of(std::string_view figure) const;  // empty when it has none
    Sources& operator[](std::string_view figure);
    const FigureRefs& from(std::string_view figure) const;  // empty when it has none
};

// A field of one of the account's files ("account.yaml" ...).
Source field_source(const Account& account, std::string_view file, Pos pos, std::string path,
                    std::string value);
// A cover-sheet field: account.yaml, kam path account.KEY.
Source cover_source(const Account& account, std::string_view key, Pos pos, std::string value);
// A financials row's revenue, or its cost.
Source revenue_source(const Account& account, const Financial& row);
Source cost_source(const Account& account, const Financial& row);
// A person's field (relationship or role): profile.people.ID.FIELD.
Source person_source(const Account& account, const Person& person, std::string_view field);
// An opportunity (sales.opportunities.ID, at its record) with `value` as given.
Source opportunity_source(const Account& account, const Opportunity& opportunity,
                          std::string value);
// An offering's stage: blueprint.offerings.N.stage.
Source offering_source(const Account& account, const Offering& offering);
// A kam.yaml setting ("policy.min_margin_pct", "health_weights.nps"): where
// it is written, or line 0 (the default).
Source setting_source(const PortfolioSettings& settings, std::string_view key, std::string value);

// A record of one of the account's files (kam-metrics(7), SOURCES,
// Records): `list` the list's kam path ("profile.people", "risks"), `key` the
// record and field ("ID.id" at the id's value; for a record without an id,
// its place and identifying field, "2.period").
Source record_source(const Account& account, std::string_view file, std::string_view list,
                     std::string_view key, Pos pos, std::string value);

// A text field as a source gives it: its value, or "not written".
std::string written_or_not(const std::string& value);

// Text of a number the model keeps as double, as written ("99.71", "10").
std::string number_text(double value);
// Text of an exact decimal ("12.5"): a weight as the score took it.
std::string decimal_text(Decimal value);

// The inputs of a data_pct (the share of a score's weight on parts with
// data): each part's weight, the kam.yaml setting `weights_key`.NAME or its
// default, into `weights`; each part with data, named `prefix`NAME, into
// `parts`. Parts as in health and score: a name, a Figure<Fixed> score and a
// Decimal weight.
template <typename PartList>
void data_pct_sources(const PortfolioSettings& settings, std::string_view account,
                      std::string_view weights_key, std::string_view prefix,
                      const PartList& parts_of_score, Sources& weights, FigureRefs& parts);

template <typename PartList>
void data_pct_sources(const PortfolioSettings& settings, std::string_view account,
                      std::string_view weights_key, std::string_view prefix,
                      const PartList& parts_of_score, Sources& weights, FigureRefs& parts) {
    for (const auto& p : parts_of_score) {
        std::string key(weights_key);
        key += '.';
        key += p.name;
        weights.push_back(setting_source(settings, key, decimal_text(p.weight)));
        if (p.score)
            parts.push_back({std::string(account), std::string(prefix) + std::string(p.name),
                             p.score->to_string()});
    }
}

}  // namespace kam
