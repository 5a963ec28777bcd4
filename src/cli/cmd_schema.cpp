// kam schema [KIND] [-o FILE|DIR] [--check|--update]: the field tables as JSON Schema.
#include <fmt/format.h>
#include <sys/stat.h>

#include "commands.hpp"
#include "kam/render/json_schema.hpp"
#include "kam/scaffold/editor_setup.hpp"
#include "kam/util/atomic_file.hpp"
#include "kam/util/error.hpp"
#include "kam/util/spell.hpp"
#include "output.hpp"

namespace kam::cli {

namespace {

struct SchemaOptions {
    std::string kind;    // empty: all
    std::string output;  // empty: stdout
    bool check = false;
    bool update = false;
};

bool is_dir(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

const SchemaKind& kind_named(const std::string& name) {
    if (const SchemaKind* k = find_schema_kind(name)) return *k;
    std::vector<std::string_view> names;
    std::string list;
    for (const SchemaKind& k : schema_kinds()) {
        names.push_back(k.name);
        list += (list.empty() ? "" : ", ") + std::string(k.name);
    }
    throw UsageError(
        with_suggestion(fmt::format("unknown schema kind '{}' (one of: {})", name, list),
                        closest_match(name, names)));
}

void write(const std::string& path, const std::string& content) {
    throw_unless_written(write_file_atomically(path, content));
}

int run_schema(const Context& ctx, const SchemaOptions& o) {
    if (o.check || o.update) {
        if (!o.kind.empty() || !o.output.empty())
            throw UsageError("--check and --update work on the portfolio's .kam/schema/ only");
        const PortfolioRoot root = ctx.root();
        const std::string dir = join_path(root.path, std::string(k_schema_dir));
        const std::string shown = root.display.empty() || root.display == "."
                                      ? std::string(k_schema_dir)
                                      : join_path(root.display, std::string(k_schema_dir));
        if (o.update) {
            const auto written = write_schema_folder(ctx.writable_fs(), dir);
            if (written.empty())
                print_out(fmt::format("{} is up to date\n", shown));
            else
                print_out(fmt::format("updated {} file{} in {}\n", written.size(),
                                      written.size() == 1 ? "" : "s", shown));
            return 0;
        }
        const auto stale = stale_schema_files(ctx.fs(), dir);
        if (stale.empty()) {
            print_out(fmt::format("{} is up to date\n", shown));
            return 0;
        }
        for (const std::string& f : stale)
            print_out(fmt::format("{}/{}: missing or out of date\n", shown, f));
        print_out(fmt::format("run 'kam schema --update' to refresh the portfolio's copy\n"));
        return static_cast<int>(ExitCode::findings);
    }
    if (!o.kind.empty()) {
        const std::string text = json_schema(kind_named(o.kind));
        if (o.output.empty() || o.output == "-") {
            print_out(fmt::format("{}", text));
        } else {
            const std::string path = is_dir(o.output)
                                         ? join_path(o.output, schema_file_name(kind_named(o.kind)))
                                         : o.output;
            write(path, text);
        }
        return 0;
    }
    if (o.output.empty() || o.output == "-") {
        print_out(fmt::format("{}", json_schema_bundle()));
        return 0;
    }
    if (o.output.ends_with(".json") && !is_dir(o.output)) {
        write(o.output, json_schema_bundle());
        return 0;
    }
    const auto written = write_schema_folder(ctx.writable_fs(), o.output);
    if (written.empty())
        print_out(fmt::format("{} is up to date\n", o.output));
    else
        print_out(fmt::format("wrote {} file{} to {}\n", written.size(),
                              written.size() == 1 ? "" : "s", o.output));
    return 0;
}

}  // namespace

void setup_schema(CLI::App& sub, Action& action) {
    auto o = std::make_shared<SchemaOptions>();
    std::vector<std::string> kinds;
    for (const SchemaKind& k : schema_kinds()) kinds.emplace_back(k.name);
    sub.add_option("kind", o->kind,
                   "kam, account, profile, swot, blueprint, risks, contracts, performance, sales "
                   "or reviews (default: all, as one bundle)")
        ->check(CLI::IsMember(kinds));
    sub.add_option("-o,--output", o->output,
                   "Write to FILE; without KIND, a FILE.json gets the bundle and a folder every "
                   "kind plus the bundle");
    sub.add_flag("--check", o->check,
                 "Exit 1 if the portfolio's .kam/schema/ differs from this kam's schemas");
    sub.add_flag("--update", o->update, "Rewrite the portfolio's .kam/schema/ (after an upgrade)");
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_schema(ctx, *o); }; });
}

}  // namespace kam::cli
