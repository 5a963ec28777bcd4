// kam log ACCOUNT PATH: every change of one section, item or field of an
// account along the first-parent history of HEAD, with commit, author and day.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "kam/history/item_log.hpp"
#include "kam/history/samples.hpp"
#include "kam/util/error.hpp"
#include "kam/util/lines.hpp"
#include "kam/util/safe_text.hpp"
#include "kam/util/scalar.hpp"
#include "output.hpp"

namespace kam::cli {

namespace {

struct LogOptions {
    std::string slug, path;
    std::string format = "text";
};

// "~ old -> new" for one-line values; otherwise the lines that differ, with
// the common beginning and end left out.
std::string body(const ItemChange& c) {
    const auto before = lines_of(c.before);
    const auto after = lines_of(c.after);
    if (c.kind == ItemChange::Kind::changed && before.size() == 1 && after.size() == 1)
        return fmt::format("    ~ {} -> {}\n", escape_controls(before[0]),
                           escape_controls(after[0]));
    size_t head = 0;
    while (head < before.size() && head < after.size() && before[head] == after[head]) ++head;
    size_t tail = 0;
    while (tail < before.size() - head && tail < after.size() - head &&
           before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
        ++tail;
    std::string out;
    for (size_t i = head; i < before.size() - tail; ++i)
        out += fmt::format("    - {}\n", escape_controls(before[i]));
    for (size_t i = head; i < after.size() - tail; ++i)
        out += fmt::format("    + {}\n", escape_controls(after[i]));
    return out;
}

int run_log(const Context& ctx, const LogOptions& o) {
    if (!is_valid_slug(o.slug))
        throw UsageError(
            fmt::format("'{}' is not an account name (lowercase letters, digits and '-')", o.slug));
    const PortfolioRoot root = ctx.root();
    const auto git = open_git(root.path);
    const std::vector<ItemChange> changes = item_log(*git, {root.path, o.slug, o.path});
    std::string out;
    if (o.format == "json") {
        nlohmann::ordered_json j;
        j["format_version"] = 1;
        j["account"] = o.slug;
        j["path"] = o.path;
        j["changes"] = nlohmann::ordered_json::array();
        for (const ItemChange& c : changes) {
            nlohmann::ordered_json e;
            e["commit"] = c.commit.id;
            e["author"] = c.commit.author;
            e["author_email"] = c.commit.author_email;
            e["date"] = commit_day(c.commit.commit_time).to_string();
            e["subject"] = c.commit.subject;
            e["kind"] = change_kind_name(c.kind);
            e["before"] = c.kind == ItemChange::Kind::added ? nlohmann::ordered_json()
                                                            : nlohmann::ordered_json(c.before);
            e["after"] = c.kind == ItemChange::Kind::removed ? nlohmann::ordered_json()
                                                             : nlohmann::ordered_json(c.after);
            j["changes"].push_back(std::move(e));
        }
        out = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    } else {
        for (const ItemChange& c : changes) {
            out += fmt::format("{} {} {}  {}\n", c.commit.id.substr(0, 8),
                               commit_day(c.commit.commit_time).to_string(),
                               escape_controls(c.commit.author), escape_controls(c.commit.subject));
            out += fmt::format("  {} {}\n", change_kind_name(c.kind), o.path);
            out += body(c);
        }
        if (changes.empty()) out = fmt::format("no change of {} in the history of HEAD\n", o.path);
    }
    print_out(out);
    flush_out();
    return 0;
}

}  // namespace

void setup_log(CLI::App& sub, Action& action) {
    auto o = std::make_shared<LogOptions>();
    sub.add_option("slug", o->slug, "The account")->required();
    sub.add_option("path", o->path,
                   "A section (risks), a list item (risks.R1) or a field (contracts.C1.end)")
        ->required();
    sub.add_option("-f,--format", o->format, "text (default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    sub.callback([&action, o] { action = [o](const Context& ctx) { return run_log(ctx, *o); }; });
}

}  // namespace kam::cli
