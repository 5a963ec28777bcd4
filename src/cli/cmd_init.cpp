// kam init [DIR]: make a portfolio.
#include <fmt/format.h>
#include <filesystem>

#include "commands.hpp"
#include "kam/scaffold/scaffold.hpp"
#include "output.hpp"

namespace kam::cli {

namespace {

struct InitOptions {
    std::string dir = ".";
    std::string name;
    std::string currency = "EUR";
};

int run_init(const Context& ctx, const InitOptions& o) {
    InitRequest r;
    r.dir = o.dir;
    r.name = o.name;
    if (r.name.empty()) {
        // The folder's own name is the natural default ("my-portfolio").
        const auto abs = std::filesystem::absolute(o.dir).lexically_normal();
        r.name = abs.filename().empty() ? abs.parent_path().filename().string()
                                        : abs.filename().string();
        if (r.name.empty()) r.name = "Portfolio";
    }
    r.currency = o.currency;
    const std::vector<std::string> written = init_portfolio(r, ctx.writable_fs());
    std::string files;
    for (const std::string& w : written)
        if (w != "accounts/.gitkeep") files += (files.empty() ? "" : ", ") + w;
    print_out(fmt::format("Initialized portfolio '{}' in {} ({})\n", r.name, o.dir, files));
    return 0;
}

}  // namespace

void setup_init(CLI::App& sub, Action& action) {
    auto o = std::make_shared<InitOptions>();
    sub.add_option("dir", o->dir, "Folder to make the portfolio in (default: here)");
    sub.add_option("--name", o->name, "The portfolio's name (default: the folder's name)");
    sub.add_option("--currency", o->currency, "Base currency of every report (default: EUR)");
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_init(ctx, *o); }; });
}

}  // namespace kam::cli
