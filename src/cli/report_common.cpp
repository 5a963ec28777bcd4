#include "report_common.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include "kam/io/yaml_loader.hpp"
#include "kam/model/schema.hpp"
#include "kam/render/report_formats.hpp"
#include "kam/util/error.hpp"
#include "kam/util/spell.hpp"
#include "output.hpp"

namespace kam::cli {

namespace {

// An enumeration of the schema, for CLI11's IsMember.
std::vector<std::string> values_of(std::span<const std::string_view> values) {
    return std::vector<std::string>(values.begin(), values.end());
}

}  // namespace

void add_report_options(CLI::App& sub, ReportOptions& o, bool filters) {
    sub.add_option("-f,--format", o.format, "table (default), markdown, json or csv")
        ->check(CLI::IsMember({"table", "markdown", "json", "csv"}));
    if (filters) {
        add_filter_options(sub, o.filter);
        sub.add_option("--sort", o.sort, "Sort rows by this field; -FIELD sorts descending");
    }
    sub.add_flag("--strict", o.strict, "Exit 1 when any file has an error");
    sub.add_flag("--wide", o.wide, "Table: never cut text to fit the width");
}

void add_explain_option(CLI::App& sub, ReportOptions& o) {
    sub.add_flag("--explain", o.explain,
                 "Also list every figure's formula (kam-metrics(7)) and its inputs at "
                 "file:line:column");
}

void add_filter_options(CLI::App& sub, AccountFilter& filter) {
    sub.add_option("--tier", filter.tiers, "Only accounts of this tier (repeatable)")
        ->check(CLI::IsMember(values_of(enums::tier)));
    sub.add_option("--status", filter.statuses, "Only accounts with this status (repeatable)")
        ->check(CLI::IsMember(values_of(enums::status)));
    sub.add_option("--tag", filter.tags, "Only accounts with this tag (repeatable)");
    sub.add_option("--manager", filter.managers, "Only accounts of this manager (repeatable)");
}

namespace {

LoadOptions report_load_options(const Context& ctx) {
    LoadOptions load;
    load.as_of = ctx.as_of();
    load.jobs = ctx.jobs();
    load.keep_accounts = true;
    load.working_dir = ctx.working_dir();
    return load;
}

// The errors among the findings, which are then dropped: the reports print
// none of them (kam validate does), and they are as many as the accounts.
size_t count_errors(LoadedPortfolio& portfolio) {
    size_t n = 0;
    for (const Diagnostic& diag : portfolio.diagnostics)
        if (diag.severity == Severity::error) ++n;
    portfolio.diagnostics = {};
    return n;
}

// Fills the digest from the loader's workers.
class DigestVisitor final : public AccountVisitor {
  public:
    DigestVisitor(PortfolioDigest& digest, Date as_of) : digest_(digest), as_of_(as_of) {}

    void start(size_t count, const PortfolioSettings& settings) override {
        settings_ = &settings;
        digest_.resize(count);
    }
    void visit(size_t index, const Account& account) override {
        digest_.add(index, account, *settings_, as_of_);
    }

  private:
    PortfolioDigest& digest_;
    Date as_of_;
    const PortfolioSettings* settings_ = nullptr;
};

}  // namespace

ReportData load_report_data(const Context& ctx, bool explain) {
    const PortfolioRoot root = ctx.root();
    const LoadOptions load = report_load_options(ctx);
    ReportData d{load_portfolio(ctx.fs(), root.path, root.display, load, default_event_source()),
                 {},
                 load.as_of,
                 0,
                 {},
                 explain};
    d.metrics.reserve(d.portfolio.accounts.size());
    if (explain) d.sources.resize(d.portfolio.accounts.size());
    for (size_t i = 0; i < d.portfolio.accounts.size(); ++i) {
        const Account& a = d.portfolio.accounts[i];
        d.metrics.push_back(
            explain ? compute_account_metrics(a, d.portfolio.settings, d.as_of, d.sources[i])
                    : compute_account_metrics(a, d.portfolio.settings, d.as_of));
    }
    d.error_count = count_errors(d.portfolio);
    return d;
}

DigestData load_digest_data(const Context& ctx) {
    const PortfolioRoot root = ctx.root();
    LoadOptions load = report_load_options(ctx);
    load.keep_accounts = false;
    DigestData d{{}, {}, load.as_of, 0};
    DigestVisitor visitor(d.digest, load.as_of);
    load.visitor = &visitor;
    d.portfolio = load_portfolio(ctx.fs(), root.path, root.display, load, default_event_source());
    d.error_count = count_errors(d.portfolio);
    return d;
}

namespace {

void sort_main_table(Report& report, const std::string& spec) {
    if (spec.empty() || report.blocks.empty()) return;
    Table* t = std::get_if<Table>(&report.blocks[report.csv_block]);
    if (!t) return;
    const bool descending = spec.starts_with('-');
    const std::string key = descending ? spec.substr(1) : spec;
    if (sort_rows(*t, key, descending)) return;
    std::vector<std::string_view> keys;
    for (const Column& c : t->columns) keys.push_back(c.key);
    std::string message = fmt::format("cannot sort by '{}'", key);
    if (auto m = closest_match(key, keys))
        message = with_suggestion(std::move(message), m);
    else
        message += fmt::format(" (fields: {})", fmt::join(keys, ", "));
    throw UsageError(message);
}

}  // namespace

std::string render_in_format(const Context& ctx, const Report& report, std::string_view format,
                             bool wide) {
    if (format == "json") return render_report_json(report);
    if (format == "csv") return render_report_csv(report);
    if (format == "markdown") return render_report_markdown(report);
    return render_report_table(report, ReportTableOptions{ctx.color_for(STDOUT_FILENO),
                                                          ctx.table_width(STDOUT_FILENO, wide)});
}

int print_report(const Context& ctx, Report& report, const ReportOptions& o,
                 const ReportData& data) {
    return print_report(ctx, report, o, data.portfolio, data.error_count);
}

int print_report(const Context& ctx, Report& report, const ReportOptions& o,
                 const LoadedPortfolio& portfolio, size_t error_count) {
    sort_main_table(report, o.sort);
    // JSON goes out a row at a time, never as one document in memory.
    if (o.format == "json")
        write_report_json(report, [](std::string_view piece) { print_out(piece); });
    else
        print_out(render_in_format(ctx, report, o.format, o.wide));
    flush_out();
    return finish_report(portfolio, error_count, o.strict);
}

int finish_report(const ReportData& data, bool strict) {
    return finish_report(data.portfolio, data.error_count, strict);
}

int finish_report(const LoadedPortfolio& portfolio, size_t error_count, bool strict) {
    if (error_count > 0) {
        size_t accounts = 0;
        for (const Account& a : portfolio.accounts) accounts += a.has_errors ? 1 : 0;
        fmt::print(stderr,
                   "kam: warning: {} error{} in the portfolio ({} account{} reported from what "
                   "could be read); "
                   "run 'kam validate' for details\n",
                   error_count, error_count == 1 ? "" : "s", accounts, accounts == 1 ? "" : "s");
    }
    return static_cast<int>(strict && error_count > 0 ? ExitCode::findings : ExitCode::ok);
}

}  // namespace kam::cli
