// kam get SLUG PATH: print one field (or a list or mapping) of an account.
#include <fmt/format.h>

#include "commands.hpp"
#include "kam/edit/field_edit.hpp"
#include "output.hpp"

namespace kam::cli {

namespace {

struct GetOptions {
    std::string slug, path;
    std::string format = "text";
};

int run_get(const Context& ctx, const GetOptions& o) {
    const PortfolioRoot root = ctx.root();
    const FieldRequest r{root.path, root.display, o.slug, o.path, ctx.as_of()};
    print_out(get_field(ctx.fs(), r, o.format == "json"));
    return 0;
}

}  // namespace

void setup_get(CLI::App& sub, Action& action) {
    auto o = std::make_shared<GetOptions>();
    sub.add_option("slug", o->slug, "The account")->required();
    sub.add_option("path", o->path,
                   "What to print: a section (risks), a list item (risks.R1) or a field "
                   "(contracts.C1.end)")
        ->required();
    sub.add_option("-f,--format", o->format,
                   "text (a value as written; YAML for lists and mappings) or json")
        ->check(CLI::IsMember({"text", "json"}));
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_get(ctx, *o); }; });
}

}  // namespace kam::cli
