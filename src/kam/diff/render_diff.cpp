#include "kam/diff/render_diff.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "kam/util/lines.hpp"
#include "kam/util/safe_text.hpp"

namespace kam::diff {

using Json = nlohmann::ordered_json;

namespace {

// A line diff of two texts: " " kept, "-" removed, "+" added.
std::vector<std::string> line_diff(const std::string& before, const std::string& after) {
    const auto a = lines_of(before);
    const auto b = lines_of(after);
    std::vector<std::string> out;
    if (a.size() * b.size() > 4'000'000) {
        for (const auto& l : a) out.push_back("-" + l);
        for (const auto& l : b) out.push_back("+" + l);
        return out;
    }
    std::vector<std::vector<uint32_t>> lcs(a.size() + 1, std::vector<uint32_t>(b.size() + 1));
    for (size_t i = a.size(); i-- > 0;)
        for (size_t j = b.size(); j-- > 0;)
            lcs[i][j] =
                a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            out.push_back(" " + a[i]);
            ++i, ++j;
        } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
            out.push_back("-" + a[i++]);
        } else {
            out.push_back("+" + b[j++]);
        }
    }
    return out;
}

std::string quoted_or_empty(const std::string& s) {
    return s.empty() ? "\"\"" : s;
}

// "risks.R1.status", "performance.financials.3.revenue [period 2026-Q3]",
// "risks.R1 (score)".
std::string where(const Change& c) {
    std::string w = c.op == '>' ? c.old_path + " -> " + c.path : c.path;
    if (!c.label.empty()) w += c.derived ? " (" + c.label + ")" : " [" + c.label + "]";
    return w;
}

// A line built from the files' text, made safe for a terminal: nothing in a
// value can move the cursor or start a new line.
std::string safe(const std::string& line) {
    return escape_controls(line, LineBreaks::escape);
}

struct Painter {
    bool color;
    std::string paint(char op, const std::string& s) const {
        if (!color) return safe(s);
        const char* code = op == '+' ? "32" : op == '-' ? "31" : "33";
        return fmt::format("\x1b[{}m{}\x1b[0m", code, safe(s));
    }
};

void change_lines(const Change& c, const RenderOptions& o, const std::string& indent,
                  std::string& out) {
    const Painter p{o.color};
    const char op = c.op == '>' ? '~' : c.op;
    const std::string sign(1, op);
    if (c.item) {
        std::string line = fmt::format("{}{} {}", indent, sign, where(c));
        const std::string& title = c.op == '-' ? c.before : c.after;
        if (!title.empty()) line += ": " + title;
        out += p.paint(op, line) + "\n";
        for (const auto& [k, v] : c.fields)
            out += p.paint(op, fmt::format("{}    {}: {}", indent, k, v)) + "\n";
        return;
    }
    if (c.long_text) {
        if (!o.full_text) {
            std::string what;
            if (c.op == '+')
                what = fmt::format("{} lines", lines_of(c.after).size());
            else if (c.op == '-')
                what = fmt::format("{} lines", lines_of(c.before).size());
            else
                what = line_summary(c.before, c.after);
            out += p.paint(op, fmt::format("{}{} {}: {}", indent, sign, where(c), what)) + "\n";
            return;
        }
        out += p.paint(op, fmt::format("{}{} {}:", indent, sign, where(c))) + "\n";
        // Unchanged lines more than 3 away from a change are elided.
        const auto diff = line_diff(c.before, c.after);
        std::vector<bool> keep(diff.size(), false);
        for (size_t i = 0; i < diff.size(); ++i)
            if (diff[i][0] != ' ')
                for (size_t k = i >= 3 ? i - 3 : 0; k < diff.size() && k <= i + 3; ++k)
                    keep[k] = true;
        bool elided = false;
        for (size_t i = 0; i < diff.size(); ++i) {
            if (!keep[i]) {
                if (!elided) out += fmt::format("{}     ...\n", indent);
                elided = true;
                continue;
            }
            elided = false;
            const std::string& l = diff[i];
            out += p.paint(l[0] == ' ' ? '~' : l[0], fmt::format("{}    {}", indent, l)) + "\n";
        }
        return;
    }
    std::string line;
    if (c.op == '+')
        line = fmt::format("{}+ {}: {}", indent, where(c), quoted_or_empty(c.after));
    else if (c.op == '-')
        line = fmt::format("{}- {}: {}", indent, where(c), quoted_or_empty(c.before));
    else
        line = fmt::format("{}~ {}: {} -> {}", indent, where(c), quoted_or_empty(c.before),
                           quoted_or_empty(c.after));
    out += p.paint(op, line) + "\n";
}

// A figure's text that is a value, not the reason there is none.
bool has_value(const std::string& text) {
    return !text.empty() && text.front() != '(';
}

std::string account_title(const AccountDiff& a) {
    std::string t = a.op == '>' ? a.old_slug + " -> " + a.slug : a.slug;
    if (!a.name.empty()) t += " (" + a.name + ")";
    return t;
}

std::string figure_line(const FigureDelta& f) {
    std::string line;
    if (f.after.empty())
        line = fmt::format("{}: {}", f.name, f.before);
    else if (f.before.empty())
        line = fmt::format("{}: {}", f.name, f.after);
    else
        line = fmt::format("{}: {} -> {}", f.name, f.before, f.after);
    if (!f.parts.empty()) line += fmt::format(" ({})", fmt::join(f.parts, ", "));
    return line;
}

char account_op(const AccountDiff& a) {
    return a.op == '>' ? '~' : a.op;
}

std::string side_name(const std::string& label, const std::string& commit) {
    if (commit.empty()) return label;
    if (label.empty() || label == commit) return commit.substr(0, 12);
    return fmt::format("{} ({})", label, commit.substr(0, 12));
}

std::string counts_line(const PortfolioDiff& d) {
    size_t changed = 0, added = 0, removed = 0, renamed = 0;
    for (const AccountDiff& a : d.accounts) {
        if (a.op == '+') ++added;
        if (a.op == '-') ++removed;
        if (a.op == '>') ++renamed;
        if (a.op == '~') ++changed;
    }
    std::vector<std::string> parts;
    auto n = [](size_t k, const char* what) {
        return fmt::format("{} account{} {}", k, k == 1 ? "" : "s", what);
    };
    if (changed) parts.push_back(n(changed, "changed"));
    if (added) parts.push_back(n(added, "added"));
    if (removed) parts.push_back(n(removed, "removed"));
    if (renamed) parts.push_back(n(renamed, "renamed"));
    if (!d.settings.empty()) parts.push_back("kam.yaml changed");
    if (parts.empty()) return "no changes";
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::string totals_line(const PortfolioDiff& d) {
    std::vector<std::string> parts;
    for (const TotalDelta& t : d.totals) {
        if (!t.changed) continue;
        if (!t.before.empty())
            parts.push_back(fmt::format("{} {} -> {}", t.name, t.before, t.after));
        else
            parts.push_back(fmt::format("{} {}", t.name, t.delta));
    }
    if (parts.empty()) return "";
    return fmt::format("{}", fmt::join(parts, ", "));
}

void account_text(const AccountDiff& a, const RenderOptions& o, std::string& out) {
    const Painter p{o.color};
    out += p.paint(account_op(a), fmt::format("{} {}", account_op(a), account_title(a))) + "\n";
    if (a.figures_only) out += "    (no file changed; its figures moved with kam.yaml)\n";
    out += render_changes_text(a.changes, o, "    ");
    for (const std::string* u : {&a.unreadable_before, &a.unreadable_after})
        if (!u->empty()) out += "    " + safe(*u) + "\n";
    // Figures that one side cannot compute are said once, by the line above.
    if (!a.unreadable_before.empty() || !a.unreadable_after.empty()) return;
    std::vector<const FigureDelta*> moved;
    for (const FigureDelta& f : a.figures)
        if (f.changed && (has_value(f.before) || has_value(f.after)) &&
            (a.op != '-' || f.name == "health" || f.name == "acv"))
            moved.push_back(&f);
    if (!moved.empty()) {
        out += "    figures:\n";
        for (const FigureDelta* f : moved) out += "      " + safe(figure_line(*f)) + "\n";
    }
    if (!a.alerts_raised.empty() || !a.alerts_cleared.empty()) {
        out += "    alerts:\n";
        for (const AlertDelta& al : a.alerts_raised)
            out += p.paint('+', fmt::format("      + {}: {}", al.kind, al.message)) + "\n";
        for (const AlertDelta& al : a.alerts_cleared)
            out += p.paint('-', fmt::format("      - {}: {}", al.kind, al.message)) + "\n";
    }
}

std::string md_escape(const std::string& text) {
    const std::string s = escape_controls(text, LineBreaks::space);
    std::string out;
    for (char c : s) {
        if (c == '|' || c == '<' || c == '>' || c == '*' || c == '_' || c == '`' || c == '[' ||
            c == ']' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += ' ';
            continue;
        }
        out += c;
    }
    return out;
}

// A table cell: the figure, or a dash where it has no value (the reason is
// in the text and JSON formats).
std::string md_cell(const std::string& text) {
    return has_value(text) || text.starts_with("unreadable") ? md_escape(text) : "–";
}

std::string md_figure(const AccountDiff& a, const char* name) {
    for (const FigureDelta& f : a.figures) {
        if (f.name != name) continue;
        if (!f.changed) return md_cell(f.after.empty() ? f.before : f.after);
        if (f.after.empty()) return md_cell(f.before) + " → removed";
        if (f.before.empty()) return md_cell(f.after);
        return md_cell(f.before) + " → " + md_cell(f.after);
    }
    return "";
}

// Changes as the body of a ```diff block: "-" before and "+" after for a
// change, so GitHub colours them; "!" for a rename or a summarised text.
std::string md_changes_body(const std::vector<Change>& changes, const RenderOptions& o) {
    std::string body;
    RenderOptions plain = o;
    plain.color = false;
    for (const Change& c : changes) {
        if (c.op == '~' && !c.item && !c.long_text) {
            body += safe(fmt::format("- {}: {}", where(c), quoted_or_empty(c.before))) + "\n";
            body += safe(fmt::format("+ {}: {}", where(c), quoted_or_empty(c.after))) + "\n";
        } else {
            std::string one;
            change_lines(c, plain, "", one);
            if (c.op == '~' || c.op == '>') {
                for (const std::string& l : lines_of(one)) body += "! " + l.substr(2) + "\n";
            } else {
                body += one;
            }
        }
    }
    return body;
}

// A details block body: the changes as a diff, so GitHub colours them.
std::string md_details(const AccountDiff& a, const RenderOptions& o) {
    std::string body = md_changes_body(a.changes, o);
    for (const std::string* u : {&a.unreadable_before, &a.unreadable_after})
        if (!u->empty()) body += "! " + safe(*u) + "\n";
    const bool unreadable = !a.unreadable_before.empty() || !a.unreadable_after.empty();
    for (const FigureDelta& f : a.figures)
        if (!unreadable && f.changed && (has_value(f.before) || has_value(f.after)))
            body += "# " + safe(figure_line(f)) + "\n";
    for (const AlertDelta& al : a.alerts_raised)
        body += safe(fmt::format("+ alert {}: {}", al.kind, al.message)) + "\n";
    for (const AlertDelta& al : a.alerts_cleared)
        body += safe(fmt::format("- alert {}: {}", al.kind, al.message)) + "\n";
    // A fence longer than any run of backticks inside.
    size_t longest = 0, run = 0;
    for (char c : body) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(std::max<size_t>(3, longest + 1), '`');
    return fmt::format(
        "<details><summary><code>{}</code>: {} change{}</summary>\n\n{}diff\n{}{}\n\n</details>\n",
        md_escape(account_title(a)), a.changes.size(), a.changes.size() == 1 ? "" : "s", fence,
        body, fence);
}

std::string md_render(const PortfolioDiff& d, const RenderOptions& o,
                      const std::vector<bool>& details, size_t rows) {
    std::string out = std::string(k_markdown_marker) + "\n";
    out += fmt::format("### kam diff: {} → {}\n\n",
                       md_escape(side_name(d.before_label, d.before_commit)),
                       md_escape(side_name(d.after_label, d.after_commit)));
    out += fmt::format("{}; figures as of {}.\n\n", counts_line(d), d.as_of.to_string());
    if (!d.settings.empty()) {
        out += "<details><summary><code>kam.yaml</code></summary>\n\n```diff\n";
        out += md_changes_body(d.settings, o);
        out += "```\n\n</details>\n\n";
    }
    if (!d.accounts.empty()) {
        out += "| | account | changes | health | NPS | ACV | risk exposure | alerts |\n";
        out += "|---|---|--:|---|---|--:|--:|---|\n";
        for (size_t i = 0; i < d.accounts.size() && i < rows; ++i) {
            const AccountDiff& a = d.accounts[i];
            std::string alerts;
            if (!a.alerts_raised.empty()) alerts += fmt::format("+{}", a.alerts_raised.size());
            if (!a.alerts_cleared.empty())
                alerts += fmt::format("{}−{}", alerts.empty() ? "" : " ", a.alerts_cleared.size());
            const char* sign = a.op == '+'   ? "➕"
                               : a.op == '-' ? "➖"
                               : a.op == '>' ? "➡️"
                                             : "✏️";
            out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", sign,
                               md_escape(account_title(a)), a.changes.size(),
                               md_figure(a, "health"), md_figure(a, "nps"), md_figure(a, "acv"),
                               md_figure(a, "risk_exposure"), alerts);
        }
        if (rows < d.accounts.size())
            out += fmt::format("\n{} more account{} left out to fit the size limit.\n",
                               d.accounts.size() - rows, d.accounts.size() - rows == 1 ? "" : "s");
        out += "\n";
        size_t dropped = 0;
        for (size_t i = 0; i < d.accounts.size() && i < rows; ++i) {
            if (!details[i]) {
                ++dropped;
                continue;
            }
            out += md_details(d.accounts[i], o) + "\n";
        }
        if (dropped > 0)
            out += fmt::format(
                "_The details of {} account{} were left out to fit the size limit; run `kam diff` "
                "for them._\n\n",
                dropped, dropped == 1 ? "" : "s");
    }
    if (const std::string t = totals_line(d); !t.empty())
        out += fmt::format("**Totals{}:** {}\n\n", d.full_totals ? "" : " (changed accounts)",
                           md_escape(t));
    if (!d.findings.empty()) {
        out += "**Gates:**\n\n";
        for (const Diagnostic& f : d.findings)
            out += fmt::format("- {} `{}` {}: {}\n", severity_name(f.severity), f.rule,
                               md_escape(f.account), md_escape(f.message));
        out += "\n";
    }
    return out;
}

Json change_json(const Change& c) {
    Json j;
    j["op"] = c.op == '+' ? "added" : c.op == '-' ? "removed" : c.op == '>' ? "renamed" : "changed";
    j["path"] = c.path;
    if (c.op == '>') j["old_path"] = c.old_path;
    if (!c.label.empty()) j[c.derived ? "figure" : "key"] = c.label;
    if (c.op != '+') j["before"] = c.before;
    if (c.op != '-') j["after"] = c.after;
    if (c.item) j["item"] = true;
    if (c.derived) j["derived"] = true;
    if (c.long_text && c.op == '~') j["summary"] = line_summary(c.before, c.after);
    if (!c.fields.empty()) {
        Json f = Json::object();
        for (const auto& [k, v] : c.fields) f[k] = v;
        j["fields"] = f;
    }
    return j;
}

}  // namespace

std::string render_changes_text(const std::vector<Change>& changes, const RenderOptions& o,
                                const std::string& indent) {
    std::string out;
    for (const Change& c : changes) change_lines(c, o, indent, out);
    return out;
}

std::string render_diff_text(const PortfolioDiff& d, const RenderOptions& o) {
    std::string out =
        safe(fmt::format("kam diff {} -> {}, figures as of {}",
                         side_name(d.before_label, d.before_commit),
                         side_name(d.after_label, d.after_commit), d.as_of.to_string())) +
        "\n";
    if (!d.settings.empty() || !d.settings_unreadable.empty()) {
        out += "\n~ kam.yaml\n";
        if (!d.settings_unreadable.empty()) out += "    " + d.settings_unreadable + "\n";
        out += render_changes_text(d.settings, o, "    ");
    }
    for (const AccountDiff& a : d.accounts) {
        out += "\n";
        account_text(a, o, out);
    }
    out += "\n" + counts_line(d) + "\n";
    if (const std::string t = totals_line(d); !t.empty())
        out += fmt::format("totals{}: {}\n", d.full_totals ? "" : " (changed accounts)", t);
    for (const Diagnostic& f : d.findings)
        out += safe(fmt::format("{}: {}: {} [{}]", f.path, severity_name(f.severity), f.message,
                                f.rule)) +
               "\n";
    return out;
}

std::string render_diff_markdown(const PortfolioDiff& d, const RenderOptions& o) {
    std::vector<bool> details(d.accounts.size(), true);
    size_t rows = d.accounts.size();
    std::string out = md_render(d, o, details, rows);
    if (o.max_bytes == 0 || out.size() <= o.max_bytes) return out;
    // Drop the least-changed accounts' details first.
    std::vector<size_t> order(d.accounts.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        return d.accounts[x].weight() < d.accounts[y].weight();
    });
    for (size_t i : order) {
        details[i] = false;
        out = md_render(d, o, details, rows);
        if (out.size() <= o.max_bytes) return out;
    }
    while (rows > 0 && out.size() > o.max_bytes) {
        --rows;
        out = md_render(d, o, details, rows);
    }
    return out;
}

std::string render_diff_json(const PortfolioDiff& d) {
    Json j;
    j["format_version"] = 1;
    j["from"] = {{"label", d.before_label}, {"commit", d.before_commit}};
    j["to"] = {{"label", d.after_label}, {"commit", d.after_commit}};
    j["as_of"] = d.as_of.to_string();
    Json settings = Json::array();
    for (const Change& c : d.settings) settings.push_back(change_json(c));
    j["settings"] = settings;
    Json accounts = Json::array();
    for (const AccountDiff& a : d.accounts) {
        Json x;
        x["slug"] = a.slug;
        if (a.op == '>') x["old_slug"] = a.old_slug;
        x["op"] = a.op == '+'   ? "added"
                  : a.op == '-' ? "removed"
                  : a.op == '>' ? "renamed"
                                : "changed";
        x["name"] = a.name;
        x["tier"] = a.tier;
        x["status"] = a.status;
        Json changes = Json::array();
        for (const Change& c : a.changes) changes.push_back(change_json(c));
        x["changes"] = changes;
        Json figures = Json::object();
        for (const FigureDelta& f : a.figures) {
            Json g;
            g["before"] = f.before_value ? Json(*f.before_value) : nullptr;
            g["after"] = f.after_value ? Json(*f.after_value) : nullptr;
            g["before_text"] = f.before;
            g["after_text"] = f.after;
            g["changed"] = f.changed;
            if (!f.parts.empty()) g["parts_moved"] = f.parts;
            figures[f.name] = g;
        }
        x["figures"] = figures;
        Json raised = Json::array(), cleared = Json::array();
        for (const AlertDelta& al : a.alerts_raised)
            raised.push_back({{"kind", al.kind}, {"message", al.message}});
        for (const AlertDelta& al : a.alerts_cleared)
            cleared.push_back({{"kind", al.kind}, {"message", al.message}});
        x["alerts"] = {{"raised", raised}, {"cleared", cleared}};
        if (!a.unreadable_before.empty()) x["unreadable_before"] = a.unreadable_before;
        if (!a.unreadable_after.empty()) x["unreadable_after"] = a.unreadable_after;
        if (a.figures_only) x["figures_only"] = true;
        accounts.push_back(x);
    }
    j["accounts"] = accounts;
    Json totals = Json::array();
    for (const TotalDelta& t : d.totals) {
        Json x;
        x["name"] = t.name;
        if (!t.before.empty()) x["before"] = t.before;
        if (!t.after.empty()) x["after"] = t.after;
        if (!t.delta.empty()) x["delta"] = t.delta;
        x["changed"] = t.changed;
        totals.push_back(x);
    }
    j["totals"] = totals;
    Json findings = Json::array();
    for (const Diagnostic& f : d.findings)
        findings.push_back({{"rule", f.rule},
                            {"severity", std::string(severity_name(f.severity))},
                            {"path", f.path},
                            {"line", f.line},
                            {"account", f.account},
                            {"message", f.message}});
    j["findings"] = findings;
    j["summary"] = counts_line(d);
    return j.dump(2) + "\n";
}

}  // namespace kam::diff
