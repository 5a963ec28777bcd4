// The man pages are written from the same tables kam validates with: every
// field and every rule the code knows must be documented in kam-files(5), and
// every rule id in kam(1)'s sibling page, so the docs cannot silently drift.
#include <doctest/doctest.h>

#include <limits>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "kam/check/rules.hpp"
#include "kam/model/schema.hpp"
#include "test_files.hpp"

using kam::test::read_text;
using kam::test::unescape_roff;

namespace {

void collect_fields(const kam::Schema& schema, std::set<std::string>& keys) {
    for (const kam::FieldSpec& f : schema.fields) {
        keys.insert(std::string(f.key));
        if (f.schema) collect_fields(*f.schema, keys);
    }
}

void collect_specs(const kam::Schema& schema, std::multimap<std::string, kam::FieldSpec>& specs) {
    for (const kam::FieldSpec& f : schema.fields) {
        specs.emplace(std::string(f.key), f);
        if (f.schema) collect_specs(*f.schema, specs);
    }
}

}  // namespace

TEST_CASE("every range kam-files(5) documents is the range kam checks, and back") {
    const std::string page =
        unescape_roff(read_text(std::string(KAM_SOURCE_DIR) + "/man/kam-files.5"));
    REQUIRE_FALSE(page.empty());
    std::multimap<std::string, kam::FieldSpec> specs;
    for (const kam::SectionFile& s : kam::section_files()) collect_specs(*s.schema, specs);
    collect_specs(kam::portfolio_schema(), specs);
    collect_specs(kam::swot_item_schema(), specs);

    // "key@int 0..3650", "key@T{\nint 1..36500", "key@int 0 or more", "key@T{\nint; must be 1".
    const std::regex documented(
        R"(([a-z_]+)@(?:T\{\n)?(?:int|number)(?: ([0-9]+)\.\.([0-9]+)| ([0-9]+) or more|; must be ([0-9]+)))");
    std::set<std::string> seen;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), documented);
         it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        const std::string key = m[1];
        double min = 0, max = 0;
        if (m[2].matched) {
            min = std::stod(m[2]);
            max = std::stod(m[3]);
        } else if (m[4].matched) {
            min = std::stod(m[4]);
            max = std::numeric_limits<double>::infinity();
        } else {
            min = max = std::stod(m[5]);
        }
        bool found = false;
        const auto [from, to] = specs.equal_range(key);
        for (auto s = from; s != to; ++s) found |= s->second.min == min && s->second.max == max;
        CHECK_MESSAGE(found, key, " is documented as ", m.str(0).substr(key.size() + 1),
                      " but checked otherwise");
        seen.insert(key);
    }
    for (const auto& [key, spec] : specs)
        if (spec.has_range())
            CHECK_MESSAGE(seen.count(key), key, " has a range kam-files(5) does not give");
}

TEST_CASE("kam-files(5) documents every field and every rule") {
    const std::string page =
        unescape_roff(read_text(std::string(KAM_SOURCE_DIR) + "/man/kam-files.5"));
    REQUIRE_FALSE(page.empty());

    std::set<std::string> keys;
    for (const kam::SectionFile& s : kam::section_files()) {
        collect_fields(*s.schema, keys);
        CHECK_MESSAGE(page.find(std::string(s.file)) != std::string::npos, s.file);
    }
    collect_fields(kam::portfolio_schema(), keys);
    collect_fields(kam::swot_item_schema(), keys);
    for (const std::string& key : keys)
        CHECK_MESSAGE(page.find(key) != std::string::npos, "field ", key);

    for (const kam::RuleInfo& r : kam::all_rules())
        CHECK_MESSAGE(page.find(std::string(r.id)) != std::string::npos, "rule ", r.id);
}

TEST_CASE("kam-files(5) lists every enumeration value") {
    const std::string page =
        unescape_roff(read_text(std::string(KAM_SOURCE_DIR) + "/man/kam-files.5"));
    for (auto values :
         {kam::enums::status, kam::enums::tier, kam::enums::person_role, kam::enums::goal_status,
          kam::enums::risk_category, kam::enums::contract_type, kam::enums::opportunity_stage,
          kam::enums::review_type, kam::enums::perspective})
        for (std::string_view v : values)
            CHECK_MESSAGE(page.find(std::string(v)) != std::string::npos, "value ", v);
}
