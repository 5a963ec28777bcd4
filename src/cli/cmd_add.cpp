// kam add SLUG KIND --field value ...: append one record to a list.
#include <fmt/format.h>
#include <algorithm>

#include "commands.hpp"
#include "edit_output.hpp"
#include "kam/edit/add_record.hpp"
#include "kam/util/error.hpp"

namespace kam::cli {

namespace {

struct AddOptions {
    std::string slug, kind;
    bool dry_run = false;
    std::vector<std::string> extras;  // --field value pairs, the fields of the record
};

int run_add(const Context& ctx, const AddOptions& o) {
    AddRequest r;
    const PortfolioRoot root = ctx.root();
    r.where = FieldRequest{root.path, root.display, o.slug, "", ctx.as_of()};
    r.kind = o.kind;
    for (size_t i = 0; i < o.extras.size(); ++i) {
        std::string arg = o.extras[i];
        // One bare word is the record's text: kam add SLUG tag strategic.
        const bool has_text = std::any_of(r.fields.begin(), r.fields.end(),
                                          [](const auto& f) { return f.first == "text"; });
        if (!arg.starts_with("--") && !has_text) {
            r.fields.emplace_back("text", arg);
            continue;
        }
        if (!arg.starts_with("--") || arg.size() == 2)
            throw UsageError(fmt::format("unexpected '{}': give fields as --name value", arg));
        arg.erase(0, 2);
        std::string value;
        if (const size_t eq = arg.find('='); eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.erase(eq);
        } else if (i + 1 < o.extras.size()) {
            value = o.extras[++i];
        } else {
            throw UsageError(fmt::format("--{} needs a value", arg));
        }
        r.fields.emplace_back(arg, value);
    }
    return print_edit_result(add_record(ctx.writable_fs(), r, o.dry_run), o.dry_run);
}

}  // namespace

void setup_add(CLI::App& sub, Action& action) {
    auto o = std::make_shared<AddOptions>();
    std::string kinds;
    for (const RecordKind& k : record_kinds())
        kinds += (kinds.empty() ? "" : ", ") + std::string(k.kind);
    sub.add_option("slug", o->slug, "The account")->required();
    sub.add_option("kind", o->kind, "What to add: " + kinds)->required();
    sub.add_flag("-n,--dry-run", o->dry_run, "Print the unified diff; write nothing");
    sub.footer(
        "Fields are given as --field value (or --field=value), named as in kam-files(5); '-' and "
        "'_' are "
        "alike. The id is assigned in the list's own style unless --id is given. An SLA needs "
        "--contract "
        "ID; a SWOT item needs --quadrant strengths|weaknesses|opportunities|threats and --text. "
        "A tag or an objective is a text: kam add SLUG tag TEXT. A list of texts in a record "
        "takes one item per option: --attendee A --attendee B, --action TEXT.");
    // The record's fields are free-form (--title ...); they stay with add instead
    // of falling through to the global options. Global options go before "add".
    sub.allow_extras();
    sub.fallthrough(false);
    sub.callback([&action, o, &sub] {
        o->extras = sub.remaining();
        action = [o](const Context& ctx) { return run_add(ctx, *o); };
    });
}

}  // namespace kam::cli
