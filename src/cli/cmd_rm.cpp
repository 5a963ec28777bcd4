// kam rm SLUG PATH: remove one key or list item, keeping every other byte.
#include <fmt/format.h>

#include "commands.hpp"
#include "edit_output.hpp"
#include "kam/edit/field_edit.hpp"

namespace kam::cli {

namespace {

struct RmOptions {
    std::string slug, path;
    bool dry_run = false;
};

int run_rm(const Context& ctx, const RmOptions& o) {
    const PortfolioRoot root = ctx.root();
    const FieldRequest r{root.path, root.display, o.slug, o.path, ctx.as_of()};
    return print_edit_result(remove_field(ctx.writable_fs(), r, o.dry_run), o.dry_run);
}

}  // namespace

void setup_rm(CLI::App& sub, Action& action) {
    auto o = std::make_shared<RmOptions>();
    sub.add_option("slug", o->slug, "The account")->required();
    sub.add_option("path", o->path,
                   "The key or list item, e.g. sales.opportunities.O4 or risks.R1.owner")
        ->required();
    sub.add_flag("-n,--dry-run", o->dry_run, "Print the unified diff; write nothing");
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_rm(ctx, *o); }; });
}

}  // namespace kam::cli
