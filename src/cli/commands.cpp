#include "commands.hpp"

namespace kam::cli {

namespace {
constexpr CommandInfo k_commands[] = {
    {"init", "Make a new portfolio (kam.yaml, accounts/, .gitattributes)", setup_init},
    {"new", "Scaffold an account from the templates", setup_new},
    {"validate", "Check the portfolio against the format and its rules", setup_validate},
};
}  // namespace

std::span<const CommandInfo> commands() { return k_commands; }

}  // namespace kam::cli
