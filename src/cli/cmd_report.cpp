// kam report -o FILE.html: the self-contained HTML report (charts, health,
// accounts, alerts, and a page per account). `-o -` writes to stdout.
#include <fmt/format.h>

#include "commands.hpp"
#include "kam/render/report_html.hpp"
#include "kam/report/report_page.hpp"
#include "kam/util/atomic_file.hpp"
#include "kam/util/error.hpp"
#include "output.hpp"
#include "report_common.hpp"

namespace kam::cli {

namespace {

struct HtmlOptions {
    std::string output;
    AccountFilter filter;
    bool strict = false;
};

int run_report(const Context& ctx, const HtmlOptions& o) {
    const ReportData d = load_report_data(ctx);
    const ReportInput in = d.input(select_accounts(d.portfolio.accounts, o.filter));
    // The page goes out a section and an account at a time, never whole in memory.
    const PortfolioPage page = build_portfolio_page(in);

    if (o.output == "-") {
        write_html_page(page, [](std::string_view piece) { print_out(piece); });
        flush_out();
    } else {
        // A relative path is relative to the working directory, as the user typed it.
        // The message names the file or its folder already.
        throw_unless_written(write_pieces_atomically(
            o.output, [&](const TextSink& write) { write_html_page(page, write); }));
        print_out(fmt::format("Wrote {} ({} account{})\n", o.output, in.shown.size(),
                              in.shown.size() == 1 ? "" : "s"));
    }
    return finish_report(d, o.strict);
}

}  // namespace

void setup_report(CLI::App& sub, Action& action) {
    auto o = std::make_shared<HtmlOptions>();
    sub.add_option("-o,--output", o->output, "The HTML file to write ('-' for stdout)")->required();
    add_filter_options(sub, o->filter);
    sub.add_flag("--strict", o->strict, "Exit 1 when any file has an error");
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_report(ctx, *o); }; });
}

}  // namespace kam::cli
