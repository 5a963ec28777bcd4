#pragma once
// What report builders start from: the settings, the as-of day, every
// account with its figures (computed once) and the accounts to show.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "kam/metrics/account_facts.hpp"
#include "kam/metrics/account_metrics.hpp"
#include "kam/metrics/source.hpp"
#include "kam/report/report_model.hpp"

namespace kam {

struct ReportInput {
    const PortfolioSettings& settings;
    Date as_of;
    const std::vector<Account>& accounts;
    const std::vector<AccountMetrics>& metrics;  // metrics[i] belongs to accounts[i]
    std::vector<size_t> shown;                   // indices of the accounts to report, in order
    // With --explain: sources[i] the sources of metrics[i]; builders then
    // add their Report::explanations.
    const std::vector<FigureSources>* sources = nullptr;
};

// Adds an explanation of `figure` (its formula's section of kam-metrics(7),
// its value, its sources without repeats, the figures it is derived from) to
// `report`.
void explain(Report& report, std::string account, std::string figure, std::string_view formula,
             Cell value, const Sources& sources, const FigureRefs& from = {});

// What the summary's blocks start from (report_parts.hpp): the facts and the
// figures of every account, no model, so that `kam summary` can drop each
// model in the loader (report_digest.hpp). summary_input() gives the same
// over the models of a ReportInput.
struct SummaryInput {
    const PortfolioSettings& settings;
    Date as_of;
    const std::vector<AccountFacts>& accounts;
    const std::vector<AccountMetrics>& metrics;  // metrics[i] belongs to accounts[i]
    std::vector<size_t> shown;                   // indices of the accounts to report, in order
};

// portfolio, as_of, currency, fiscal_year: the first lines of every report.
std::vector<Item> report_meta(const ReportInput& input);
std::vector<Item> report_meta(const PortfolioSettings& settings, Date as_of);

// The account's name, or its slug when the cover sheet gave none.
std::string display_name(const Account& account);
std::string display_name(const AccountFacts& account);

// Names the currency in the titles of the money columns `keys` ("Value
// (EUR)"; the terminal keeps its short title, over the table's note naming
// the currency) and in the labels of the money figures `keys`.
void name_currency(Table& table, std::initializer_list<std::string_view> keys,
                   std::string_view currency);
void name_currency(FigureList& figures, std::initializer_list<std::string_view> keys,
                   std::string_view currency);

// Colour hints shared by the reports.
Tone health_tone(const Figure<int64_t>& health);
Tone risk_tone(int64_t score);  // by the format's bands: critical, high, below

}  // namespace kam
