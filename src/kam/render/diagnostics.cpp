#include "kam/render/diagnostics.hpp"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "kam/check/rules.hpp"
#include "kam/util/markup.hpp"
#include "kam/util/safe_text.hpp"
#include "kam/util/utf8.hpp"

namespace kam {

namespace {

std::string plural(size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string_view ansi(Severity s) {
    switch (s) {
        case Severity::error:
            return "\x1b[1;31m";
        case Severity::warning:
            return "\x1b[1;33m";
        default:
            return "\x1b[1;36m";
    }
}

// Workflow-command escaping: data and property values differ. Control
// characters and bytes that are not UTF-8 are escaped first, like every text
// format's.
std::string gh_data(std::string_view s) {
    std::string out;
    for (char c : escape_controls(s)) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else
            out += c;
    }
    return out;
}
std::string gh_property(std::string_view s) {
    std::string out;
    for (char c : gh_data(s)) {
        if (c == ':')
            out += "%3A";
        else if (c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

// Findings about a whole file sit at 1:1; a caret there would blame line 1.
bool about_whole_file(const Diagnostic& d) {
    return d.line == 1 && d.column == 1 && rule_info(d.rule).whole_file();
}

// A source line goes to a terminal: control bytes must not. A control byte
// or a character that is not safe becomes '?' (one column, so the caret stays
// aligned); a tab becomes a space.
std::string printable(std::string_view line) {
    std::string out;
    for (char c : line) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\t')
            out += ' ';
        else if (u < 0x20 || u == 0x7F)
            out += '?';
        else
            out += c;
    }
    if (escape_controls(out) == out) return out;
    // C1 controls, bidi controls or bytes that are not UTF-8: one '?' each.
    std::string safe;
    for (size_t i = 0; i < out.size();) {
        size_t len = 1;
        while (i + len < out.size() && (static_cast<unsigned char>(out[i + len]) & 0xC0) == 0x80)
            ++len;
        const std::string_view ch(out.data() + i, len);
        safe += escape_controls(ch) == ch ? std::string(ch) : std::string("?");
        i += len;
    }
    return safe;
}

// RFC 3986: keep unreserved characters and '/', percent-encode the rest.
std::string uri_path(std::string_view path) {
    std::string out;
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                          c == '/';
        if (keep)
            out += c;
        else
            out += fmt::format("%{:02X}", u);
    }
    return out;
}

std::string full_message(const Diagnostic& d) {
    return d.hint.empty() ? d.message : fmt::format("{} ({})", d.message, d.hint);
}

}  // namespace

FindingCounts count_findings(const std::vector<Diagnostic>& diagnostics, size_t accounts) {
    FindingCounts c;
    c.accounts = accounts;
    std::set<std::string> with;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::error)
            ++c.errors;
        else if (d.severity == Severity::warning)
            ++c.warnings;
        else if (d.severity == Severity::info)
            ++c.infos;
        if (d.account.empty())
            c.portfolio_findings = true;
        else
            with.insert(d.account);
    }
    c.accounts_with_findings = with.size();
    return c;
}

std::string summary_line(const FindingCounts& c) {
    if (c.errors + c.warnings + c.infos == 0)
        return fmt::format("no findings in {}", plural(c.accounts, "account"));
    std::string counts =
        fmt::format("{}, {}", plural(c.errors, "error"), plural(c.warnings, "warning"));
    if (c.infos) counts += ", " + plural(c.infos, "info");
    const std::string where =
        fmt::format("{} of {}", c.accounts_with_findings, plural(c.accounts, "account"));
    if (c.portfolio_findings)
        return fmt::format("{} in the portfolio settings or tree and {}", counts, where);
    return fmt::format("{} in {}", counts, where);
}

std::string render_text(const std::vector<Diagnostic>& diagnostics, const TextOptions& o,
                        const SourceLookup& lookup) {
    std::string out;
    const std::string_view bold = o.color ? "\x1b[1m" : "", reset = o.color ? "\x1b[0m" : "",
                           dim = o.color ? "\x1b[2m" : "", green = o.color ? "\x1b[1;32m" : "";
    for (const Diagnostic& d : diagnostics) {
        // A key or a folder name may hold a newline or an escape sequence:
        // one finding stays one line, and the terminal takes no orders.
        out +=
            fmt::format("{}{}:{}:{}:{} {}{}:{} {} [{}]\n", bold, escape_controls(d.path), d.line,
                        d.column, reset, o.color ? ansi(d.severity) : "", severity_name(d.severity),
                        reset, escape_controls(d.message), escape_controls(rule_id(d.rule)));
        if (o.show_source && lookup && !about_whole_file(d)) {
            if (const auto line = lookup(d.path, d.line); line && !line->empty()) {
                out += fmt::format("{:>5} | {}\n", d.line, printable(*line));
                out +=
                    fmt::format("      | {}{}^{}\n", std::string(d.column - 1, ' '), green, reset);
            }
        }
        if (!d.hint.empty())
            out += fmt::format("      {}= hint: {}{}\n", dim, escape_controls(d.hint), reset);
    }
    return out;
}

std::string render_json(const std::vector<Diagnostic>& diagnostics, const FindingCounts& c) {
    using json = nlohmann::ordered_json;
    json findings = json::array();
    for (const Diagnostic& d : diagnostics) {
        findings.push_back(json{{"path", d.path},
                                {"line", d.line},
                                {"column", d.column},
                                {"severity", severity_name(d.severity)},
                                {"rule", d.rule},
                                {"message", d.message},
                                {"hint", d.hint.empty() ? json(nullptr) : json(d.hint)},
                                {"account", d.account.empty() ? json(nullptr) : json(d.account)}});
    }
    json doc{{"format_version", 1},
             {"findings", std::move(findings)},
             {"summary",
              {{"errors", c.errors},
               {"warnings", c.warnings},
               {"infos", c.infos},
               {"accounts", c.accounts},
               {"accounts_with_findings", c.accounts_with_findings}}}};
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string render_github(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) {
        const std::string_view level = d.severity == Severity::error     ? "error"
                                       : d.severity == Severity::warning ? "warning"
                                                                         : "notice";
        out +=
            fmt::format("::{} file={},line={},col={},title={}::{}\n", level, gh_property(d.path),
                        d.line, d.column, gh_property(rule_id(d.rule)), gh_data(full_message(d)));
    }
    return out;
}

std::string render_junit(const std::vector<Diagnostic>& diagnostics,
                         const std::vector<std::string>& files_checked, Severity fail_at) {
    std::map<std::string, std::vector<const Diagnostic*>> by_file;
    for (const std::string& f : files_checked) by_file[f];
    for (const Diagnostic& d : diagnostics) by_file[d.path].push_back(&d);
    size_t failures = 0;
    for (const auto& [_, ds] : by_file)
        for (const Diagnostic* d : ds) failures += d->severity >= fail_at ? 1 : 0;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<testsuites name=\"kam validate\" tests=\"{}\" failures=\"{}\">\n",
                       by_file.size(), failures);
    out += fmt::format(
        "  <testsuite name=\"kam validate\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
        by_file.size(), failures);
    for (const auto& [file, ds] : by_file) {
        out += fmt::format("    <testcase classname=\"kam.validate\" name=\"{}\"",
                           escape_markup(file));
        if (ds.empty()) {
            out += "/>\n";
            continue;
        }
        out += ">\n";
        std::string notes;
        for (const Diagnostic* d : ds) {
            const std::string line =
                fmt::format("{}:{}:{}: {}: {} [{}]", d->path, d->line, d->column,
                            severity_name(d->severity), full_message(*d), d->rule);
            if (d->severity >= fail_at)
                out += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                                   escape_markup(rule_id(d->rule)), escape_markup(full_message(*d)),
                                   escape_markup(line));
            else
                notes += line + "\n";
        }
        if (!notes.empty())
            out += fmt::format("      <system-out>{}</system-out>\n", escape_markup(notes));
        out += "    </testcase>\n";
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
}

std::string render_sarif(const std::vector<Diagnostic>& diagnostics,
                         const std::string& tool_version, std::string_view baseline_state) {
    using json = nlohmann::ordered_json;
    auto level = [](Severity s) {
        return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
    };
    json rules = json::array();
    std::map<std::string, size_t> index;
    for (const RuleInfo& r : all_rules()) {
        index[std::string(r.id)] = rules.size();
        rules.push_back(json{{"id", r.id},
                             {"name", r.id},
                             {"shortDescription", {{"text", r.description}}},
                             {"defaultConfiguration", {{"level", level(r.default_severity)}}}});
    }
    json results = json::array();
    for (const Diagnostic& d : diagnostics) {
        json result{{"ruleId", d.rule}};
        if (const auto it = index.find(std::string(rule_id(d.rule))); it != index.end())
            result["ruleIndex"] = it->second;
        result["level"] = level(d.severity);
        result["message"] = {{"text", full_message(d)}};
        if (!baseline_state.empty()) result["baselineState"] = baseline_state;
        result["locations"] =
            json::array({json{{"physicalLocation",
                               {{"artifactLocation", {{"uri", uri_path(d.path)}}},
                                {"region", {{"startLine", d.line}, {"startColumn", d.column}}}}}}});
        results.push_back(std::move(result));
    }
    json doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs",
              json::array({json{
                  {"tool",
                   {{"driver",
                     {{"name", "kam"}, {"version", tool_version}, {"rules", std::move(rules)}}}}},
                  {"results", std::move(results)}}})}};
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace kam
