// The man pages are written from the same tables kam validates with: every
// field and every rule the code knows must be documented in kam-files(5), and
// every rule id in kam(1)'s sibling page, so the docs cannot silently drift.
#include <doctest/doctest.h>

#include <set>
#include <string>

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

}  // namespace

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
