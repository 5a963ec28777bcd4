#pragma once
// The registry of subcommands: each file adds itself with a setup function
// that declares its options and stores the action to run.
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
