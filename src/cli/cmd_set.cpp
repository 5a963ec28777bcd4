// kam set SLUG PATH VALUE: change one value, keeping every other byte.
#include <fmt/format.h>

#include "commands.hpp"
#include "edit_output.hpp"
#include "kam/edit/field_edit.hpp"

namespace kam::cli {

namespace {

struct SetOptions {
    std::string slug, path, value;
    bool dry_run = false;
};

int run_set(const Context& ctx, const SetOptions& o) {
    const PortfolioRoot root = ctx.root();
    const FieldRequest r{root.path, root.display, o.slug, o.path, ctx.as_of()};
    return print_edit_result(set_field(ctx.writable_fs(), r, o.value, o.dry_run), o.dry_run);
}

}  // namespace

void setup_set(CLI::App& sub, Action& action) {
    auto o = std::make_shared<SetOptions>();
    sub.add_option("slug", o->slug, "The account")->required();
    sub.add_option("path", o->path,
                   "The field, e.g. risks.R1.status or contracts.C1.slas.S2.actual")
        ->required();
    sub.add_option("value", o->value, "The new value, checked against the field's type")
        ->required();
    sub.add_flag("-n,--dry-run", o->dry_run, "Print the unified diff; write nothing");
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_set(ctx, *o); }; });
}

}  // namespace kam::cli
