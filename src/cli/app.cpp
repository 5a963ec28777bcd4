#include "app.hpp"

#include <fmt/format.h>
#include <iostream>
#include <sstream>
#include <vector>

#include "commands.hpp"
#include "kam/util/error.hpp"
#include "kam/util/spell.hpp"

namespace kam::cli {

namespace {

// CLI11 says "The following arguments were not expected: validat"; a user who
// mistyped a command deserves the command's name.
std::string unknown_command_hint(int argc, char** argv) {
    std::vector<std::string_view> names;
    for (const CommandInfo& c : commands()) names.push_back(c.name);
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with("-")) {
            // Skip the value of a global option written as two words.
            if (arg == "--root" || arg == "--as-of" || arg == "--color" || arg == "-j" ||
                arg == "--jobs")
                ++i;
            continue;
        }
        for (std::string_view n : names)
            if (n == arg) return {};
        return with_suggestion(fmt::format("unknown command '{}'", arg), closest_match(arg, names));
    }
    return {};
}

}  // namespace

int run(int argc, char** argv) {
    CLI::App app{"kam: the Account Files toolkit. See kam(1) and kam-files(5).", "kam"};
    app.set_version_flag("--version", "kam " KAM_VERSION);
    GlobalOptions global;
    app.add_option("--root", global.root,
                   "Portfolio root (default: $KAM_ROOT, else the nearest folder with kam.yaml)");
    app.add_option("--as-of", global.as_of,
                   "Judge dates against this day (YYYY-MM-DD; default today)");
    app.add_option("--color", global.color, "Colour: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option("-j,--jobs", global.jobs, "Parallel jobs (default: all cores)")
        ->check(CLI::Range(1u, 1024u));
    app.require_subcommand(0, 1);

    Action action;
    for (const CommandInfo& c : commands()) {
        CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.help));
        sub->fallthrough();
        c.setup(*sub, action);
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string message = unknown_command_hint(argc, argv);
        if (message.empty()) message = e.what();
        fmt::print(stderr, "kam: error: {}\nRun 'kam --help' for usage.\n", message);
        return static_cast<int>(ExitCode::usage);
    }
    if (!action) {
        std::cerr << app.help();
        return static_cast<int>(ExitCode::usage);
    }
    return action(Context(global));
}

}  // namespace kam::cli
