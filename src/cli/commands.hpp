#pragma once
// The registry of subcommands: each file adds itself with a setup function
// that declares its options and stores the action to run.
//
// To add a subcommand NAME, touch these 5 places (ARCHITECTURE.md, "Where
// to touch", has the rule, figure and report lists too):
//   1. src/cli/cmd_NAME.cpp: an options struct, setup_NAME(CLI::App&, Action&)
//      and a run function that knows nothing of CLI11; a report is computed
//      in src/kam/report/ (from metrics/ and model/), and cmd_NAME only
//      renders and prints it;
//   2. the declaration of setup_NAME below;
//   3. its row {name, help line, setup_NAME} in k_commands (commands.cpp),
//      in the order of `kam --help`;
//   4. its section in man/kam.1 naming every option (tests/docs/man_covers_cli.sh);
//   5. a golden case in tests/cli/cases/.
// A report adds its builder in src/kam/report/ and its table for `kam query`
// in src/kam/sql/report_tables.cpp; shown on the HTML page, a field of
// PortfolioPage (report/report_page.hpp).
#include <CLI/CLI.hpp>
#include <functional>
#include <span>
#include <string_view>

#include "context.hpp"

namespace kam::cli {

// What a parsed subcommand does; returns the exit status.
using Action = std::function<int(const Context&)>;

struct CommandInfo {
    std::string_view name;
    std::string_view help;
    // Declares the options on `sub` and sets `action` to run them.
    void (*setup)(CLI::App& sub, Action& action);
};

std::span<const CommandInfo> commands();

void setup_init(CLI::App& sub, Action& action);
void setup_new(CLI::App& sub, Action& action);
void setup_validate(CLI::App& sub, Action& action);
void setup_get(CLI::App& sub, Action& action);
void setup_set(CLI::App& sub, Action& action);
void setup_rm(CLI::App& sub, Action& action);
void setup_add(CLI::App& sub, Action& action);
void setup_summary(CLI::App& sub, Action& action);
void setup_show(CLI::App& sub, Action& action);
void setup_renewals(CLI::App& sub, Action& action);
void setup_risks(CLI::App& sub, Action& action);
void setup_pipeline(CLI::App& sub, Action& action);
void setup_actions(CLI::App& sub, Action& action);
void setup_keys(CLI::App& sub, Action& action);
void setup_matrix(CLI::App& sub, Action& action);
void setup_value(CLI::App& sub, Action& action);
void setup_whitespace(CLI::App& sub, Action& action);
void setup_report(CLI::App& sub, Action& action);
void setup_schema(CLI::App& sub, Action& action);
void setup_completion(CLI::App& sub, Action& action);
void setup_complete(CLI::App& sub, Action& action);
void setup_query(CLI::App& sub, Action& action);
void setup_export(CLI::App& sub, Action& action);
void setup_history(CLI::App& sub, Action& action);
void setup_log(CLI::App& sub, Action& action);
void setup_diff(CLI::App& sub, Action& action);

}  // namespace kam::cli
