#include "kam/metrics/source.hpp"

#include <fmt/format.h>

#include "kam/metrics/exact.hpp"

namespace kam {

void append(Sources& to, const Sources& from) {
    to.insert(to.end(), from.begin(), from.end());
}

const Sources& FigureSources::of(std::string_view figure) const {
    static const Sources none;
    const auto it = figures.find(figure);
    return it == figures.end() ? none : it->second;
}

const FigureRefs& FigureSources::from(std::string_view figure) const {
    static const FigureRefs none;
    const auto it = derived.find(figure);
    return it == derived.end() ? none : it->second;
}

Sources& FigureSources::operator[](std::string_view figure) {
    const auto it = figures.find(figure);
    if (it != figures.end()) return it->second;
    return figures.emplace(std::string(figure), Sources{}).first->second;
}

Source field_source(const Account& a, std::string_view file, Pos pos, std::string path,
                    std::string value) {
    return Source{a.file_path(file), pos, std::move(path), std::move(value)};
}

Source cover_source(const Account& a, std::string_view key, Pos pos, std::string value) {
    return field_source(a, "account.yaml", pos, fmt::format("account.{}", key), std::move(value));
}

namespace {

// As written, with its currency when it is not the base: the row's own, else the account's.
std::string amount_text(const Account& a, Money m, const std::optional<std::string>& currency) {
    const std::string c = currency ? *currency : a.cover.currency.value_or(std::string());
    return c.empty() ? m.to_decimal() : fmt::format("{} {}", m.to_decimal(), c);
}

}  // namespace

Source revenue_source(const Account& a, const Financial& f) {
    return field_source(
        a, "performance.yaml", f.revenue_pos,
        fmt::format("performance.financials.{}.revenue", f.index),
        fmt::format("{} ({})", amount_text(a, f.revenue, f.currency), f.period_text));
}

Source cost_source(const Account& a, const Financial& f) {
    return field_source(
        a, "performance.yaml", f.cost ? f.cost_pos : f.pos,
        fmt::format("performance.financials.{}.cost", f.index),
        f.cost ? fmt::format("{} ({})", amount_text(a, *f.cost, f.currency), f.period_text)
               : fmt::format("not written ({})", f.period_text));
}

Source person_source(const Account& a, const Person& p, std::string_view field) {
    const bool relationship = field == "relationship";
    const std::string& v = relationship ? p.relationship : p.role;
    return field_source(a, "profile.yaml",
                        v.empty() ? p.pos : (relationship ? p.relationship_pos : p.role_pos),
                        fmt::format("profile.people.{}.{}", p.id, field), written_or_not(v));
}

Source opportunity_source(const Account& a, const Opportunity& o, std::string value) {
    return field_source(a, "sales.yaml", o.pos, fmt::format("sales.opportunities.{}", o.id),
                        std::move(value));
}

Source offering_source(const Account& a, const Offering& o) {
    return field_source(a, "blueprint.yaml", o.stage.empty() ? o.pos : o.stage_pos,
                        fmt::format("blueprint.offerings.{}.stage", o.index),
                        fmt::format("{}: {}", o.name, o.stage.empty() ? "current" : o.stage));
}

Source setting_source(const PortfolioSettings& s, std::string_view key, std::string value) {
    Pos pos{0, 0};
    if (key.starts_with("policy.")) {
        const auto it = s.policy_pos.find(std::string(key.substr(7)));
        if (it != s.policy_pos.end()) pos = it->second;
    } else if (const auto it = s.weight_pos.find(std::string(key)); it != s.weight_pos.end()) {
        pos = it->second;
    }
    return Source{s.file, pos, std::string(key),
                  pos.line == 0 ? fmt::format("{} (the default)", value) : std::move(value)};
}

Source record_source(const Account& a, std::string_view file, std::string_view list,
                     std::string_view key, Pos pos, std::string value) {
    return field_source(a, file, pos, fmt::format("{}.{}", list, key), std::move(value));
}

std::string written_or_not(const std::string& value) {
    return value.empty() ? std::string("not written") : value;
}

std::string number_text(double value) {
    return fmt::format("{}", value);
}

std::string decimal_text(Decimal d) {
    // Digits from the last, the point after `scale` of them, then the sign; reversed.
    int128 mag = d.units < 0 ? -d.units : d.units;
    std::string reversed;
    for (int k = 0; mag > 0 || k <= d.scale; ++k) {
        if (k == d.scale && d.scale > 0) reversed.push_back('.');
        reversed.push_back(static_cast<char>('0' + static_cast<int>(mag % 10)));
        mag /= 10;
    }
    if (d.units < 0) reversed.push_back('-');
    return std::string(reversed.rbegin(), reversed.rend());
}

}  // namespace kam
