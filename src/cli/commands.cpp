#include "commands.hpp"

namespace kam::cli {

namespace {
constexpr CommandInfo k_commands[] = {
    {"init", "Make a new portfolio (kam.yaml, accounts/, .gitattributes)", setup_init},
    {"new", "Scaffold an account from the templates", setup_new},
    {"validate", "Check the portfolio against the format and its rules", setup_validate},
    {"summary", "The portfolio dashboard: accounts, totals and KPIs, alerts", setup_summary},
    {"show", "One account, every section and figure, as a one-pager", setup_show},
    {"renewals", "Contracts in force that end soon, with notice deadlines", setup_renewals},
    {"risks", "Live risks by score, with a 5x5 heat map", setup_risks},
    {"pipeline", "Open opportunities and the pipeline by stage", setup_pipeline},
    {"actions", "Open (or overdue) actions of the account blueprints", setup_actions},
    {"keys", "Key accounts by revenue (Pareto), rising accounts and tier mismatches", setup_keys},
    {"diff", "Two versions of the portfolio compared in account terms (git)", setup_diff},
    {"matrix", "Every account on attractiveness x strength: quadrant and suggested tier",
     setup_matrix},
    {"value", "Profitability and client lifetime value, ranked; fix-or-trim candidates",
     setup_value},
    {"whitespace", "Accounts x offerings: what each has, is proposed, and cross-sell gaps",
     setup_whitespace},
    {"report", "A self-contained HTML report with charts (-o FILE.html)", setup_report},
    {"query", "Ask the portfolio anything: one read-only SQL statement", setup_query},
    {"export", "The portfolio as a SQLite database, or CSV/JSON Lines files per table",
     setup_export},
    {"history", "Figures over time, sampled along the git history (--monthly, --by commit)",
     setup_history},
    {"log", "Every change of one section, item or field of an account, with commit and author",
     setup_log},
    {"get", "Print one field, list item or section of an account", setup_get},
    {"set", "Change one value in an account file, keeping every other byte", setup_set},
    {"add", "Append a record (risk, contract, goal, ...) to an account's list", setup_add},
    {"rm", "Remove one key or list item from an account file, with its comments", setup_rm},
    {"schema", "The format as JSON Schema, for editors and other validators", setup_schema},
    {"completion", "Shell completion for bash, zsh or fish", setup_completion},
    {"__complete", "Values for the completion scripts (hidden)", setup_complete},
};
}  // namespace

std::span<const CommandInfo> commands() {
    return k_commands;
}

}  // namespace kam::cli
