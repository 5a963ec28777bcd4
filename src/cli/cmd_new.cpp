// kam new SLUG --name .. --manager .. --tier ..: scaffold an account.
#include <fmt/format.h>

#include "commands.hpp"
#include "kam/scaffold/scaffold.hpp"
#include "kam/util/error.hpp"
#include "output.hpp"

namespace kam::cli {

namespace {

struct NewOptions {
    std::string slug, name, manager, tier;
    std::string status = "active";
    std::string currency;
    std::string client_since;
};

int run_new(const Context& ctx, const NewOptions& o) {
    NewAccountRequest r;
    r.root = ctx.root().path;
    r.slug = o.slug;
    r.name = o.name;
    r.manager = o.manager;
    r.tier = o.tier;
    r.status = o.status;
    r.currency = o.currency;
    r.today = ctx.as_of();
    if (!o.client_since.empty()) {
        r.client_since = parse_date(o.client_since);
        if (!r.client_since)
            throw UsageError(
                fmt::format("--client-since '{}' is not a date (YYYY-MM-DD)", o.client_since));
    }
    const auto files = create_account(r, ctx.writable_fs());
    const std::string dir = join_path(ctx.root().display, "accounts/" + o.slug);
    print_out(fmt::format("Created account '{}' in {}/ ({} files)\n", o.slug, dir, files.size()));
    return 0;
}

}  // namespace

void setup_new(CLI::App& sub, Action& action) {
    auto o = std::make_shared<NewOptions>();
    sub.add_option("slug", o->slug, "The account's folder name (lowercase letters, digits, '-')")
        ->required();
    sub.add_option("--name", o->name, "The client's name")->required();
    sub.add_option("--manager", o->manager, "The account manager")->required();
    sub.add_option("--tier", o->tier, "key, strategic, growth, maintain or transactional")
        ->required();
    sub.add_option("--status", o->status,
                   "prospect, onboarding, active (default), at-risk or dormant");
    sub.add_option("--currency", o->currency, "The account's currency (default: the portfolio's)");
    sub.add_option("--client-since", o->client_since,
                   "First day as a client (YYYY-MM-DD); left empty when not given");
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_new(ctx, *o); }; });
}

}  // namespace kam::cli
