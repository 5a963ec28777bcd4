// The JSON Schema export follows the field tables: every field, its
// description, type, enum values, range, default and pattern; x- keys only.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "kam/model/account.hpp"
#include "kam/model/schema.hpp"
#include "kam/render/diagnostics_gitlab.hpp"
#include "kam/render/json_schema.hpp"
#include "kam/scaffold/editor_setup.hpp"

using namespace kam;
using json = nlohmann::json;

namespace {

json schema_of(std::string_view kind) {
    const SchemaKind* k = find_schema_kind(kind);
    REQUIRE_MESSAGE(k != nullptr, std::string(kind));
    return json::parse(json_schema(*k));
}

// The schema's table, whichever kind.
const Schema& table(std::string_view kind) {
    if (kind == "kam") return portfolio_schema();
    return *find_section(kind)->schema;
}

void same_fields(const json& object, const Schema& schema, const std::string& where) {
    INFO(where);
    CHECK(object["additionalProperties"] == false);
    CHECK(object["patternProperties"].contains("^x-."));
    CHECK(object["properties"].size() == schema.fields.size());
    for (const FieldSpec& f : schema.fields) {
        const std::string key(f.key);
        REQUIRE_MESSAGE(object["properties"].contains(key), (where + "." + key));
        const json& p = object["properties"][key];
        CHECK_MESSAGE(p["description"].get<std::string>().starts_with(std::string(f.description)),
                      (where + "." + key));
        const bool required = object.contains("required") &&
                              std::find(object["required"].begin(), object["required"].end(),
                                        key) != object["required"].end();
        CHECK_MESSAGE(required == f.required, (where + "." + key));
        if (f.type == FieldType::object)
            same_fields(p, *f.schema, (where + "." + key));
        else if (f.type == FieldType::object_list)
            same_fields(p["items"], *f.schema, where + "." + key + "[]");
    }
}

}  // namespace

TEST_CASE("every kind's schema has every field of its table, and nothing else") {
    CHECK(schema_kinds().size() == 1 + section_files().size());
    for (const SchemaKind& k : schema_kinds()) {
        const json s = schema_of(k.name);
        CHECK(s["$schema"] == "http://json-schema.org/draft-07/schema#");
        CHECK(s["$id"] == "urn:kam:account-files:1:" + std::string(k.name));
        CHECK(s["title"].get<std::string>().find(std::string(table(k.name).name)) !=
              std::string::npos);
        CHECK(s["description"].get<std::string>().find("kam is the authority") !=
              std::string::npos);
        same_fields(s, table(k.name), std::string(k.name));
    }
}

TEST_CASE("enum values, ranges, patterns, defaults and empty values") {
    const json account = schema_of("account")["properties"];
    CHECK(account["tier"]["enum"] ==
          json::array({"key", "strategic", "growth", "maintain", "transactional"}));
    CHECK(account["tier"]["type"] == "string");               // required: no empty value
    CHECK(account["relationship"]["enum"].back().is_null());  // optional: may be left empty
    CHECK(account["client_since"]["pattern"] ==
          "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
    CHECK(account["currency"]["pattern"] == "^[A-Z]{3}$");

    const json risk = schema_of("risks")["properties"]["risks"]["items"]["properties"];
    CHECK(risk["likelihood"]["type"] == "integer");
    CHECK(risk["likelihood"]["minimum"] == 1);
    CHECK(risk["likelihood"]["maximum"] == 5);
    CHECK(risk["id"]["pattern"] == "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    CHECK(risk["contract"]["description"].get<std::string>().find("contracts") !=
          std::string::npos);

    const json opportunity =
        schema_of("sales")["properties"]["opportunities"]["items"]["properties"];
    CHECK(opportunity["value"]["pattern"] == "^[+-]?([0-9]+(\\.[0-9]{0,2})?|\\.[0-9]{1,2})$");

    const json kam = schema_of("kam")["properties"];
    CHECK(kam["kam"]["minimum"] == 1);
    CHECK(kam["fx"]["additionalProperties"]["exclusiveMinimum"] == 0);
    CHECK(kam["rules"]["propertyNames"]["enum"].size() > 10);
    CHECK(kam["health_weights"]["propertyNames"]["enum"].size() == 5);
}

TEST_CASE("the schema's defaults are the model's defaults") {
    const json kam = schema_of("kam")["properties"];
    const json policy = kam["policy"]["properties"];
    const Policy defaults;
    CHECK(policy["review_every_days"]["default"] == defaults.review_every_days);
    CHECK(policy["survey_every_days"]["default"] == defaults.survey_every_days);
    CHECK(policy["contact_every_days"]["default"] == defaults.contact_every_days);
    CHECK(policy["renewal_horizon_days"]["default"] == defaults.renewal_horizon_days);
    CHECK(policy["key_account_share"]["default"] == defaults.key_account_share);
    CHECK(kam["fiscal_year_start"]["default"] == PortfolioSettings{}.fiscal_year_start);
}

TEST_CASE("the bundle holds every kind under definitions") {
    const json b = json::parse(json_schema_bundle());
    CHECK(b["definitions"].size() == schema_kinds().size());
    CHECK(b["anyOf"].size() == schema_kinds().size());
    CHECK(b["definitions"]["risks"]["properties"].contains("risks"));
    CHECK(!b["definitions"]["risks"].contains("$id"));
}

TEST_CASE("a file's modeline points at the portfolio's copy") {
    CHECK(schema_modeline("risks.yaml") ==
          "# yaml-language-server: $schema=../../.kam/schema/risks.schema.json\n");
    CHECK(schema_modeline("kam.yaml") ==
          "# yaml-language-server: $schema=.kam/schema/kam.schema.json\n");
    CHECK(schema_modeline("notes.txt").empty());
}

TEST_CASE("gitlab: code quality issues with stable fingerprints") {
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = Rule::schema_enum;
    d.path = "accounts/acme/account.yaml";
    d.line = 6;
    d.column = 7;
    d.message = "'platinum' is not a valid tier (one of: key, strategic)";
    d.hint = "did you mean 'key'?";
    Diagnostic w = d;
    w.severity = Severity::warning;
    w.rule = Rule::review_overdue;
    w.message = "the last review was on line 12";

    const json issues = json::parse(render_gitlab({d, w}));
    REQUIRE(issues.size() == 2);
    CHECK(issues[0]["description"] ==
          "'platinum' is not a valid tier (one of: key, strategic) (did you mean 'key'?)");
    CHECK(issues[0]["check_name"] == Rule::schema_enum);
    CHECK(issues[0]["severity"] == "major");
    CHECK(issues[1]["severity"] == "minor");
    CHECK(issues[0]["location"]["path"] == "accounts/acme/account.yaml");
    CHECK(issues[0]["location"]["lines"]["begin"] == 6);
    CHECK(issues[0]["fingerprint"].get<std::string>().size() == 32);
    CHECK(issues[0]["fingerprint"] != issues[1]["fingerprint"]);

    // Moved by unrelated lines: the same fingerprints.
    Diagnostic d2 = d, w2 = w;
    d2.line = 9;
    w2.line = 15;
    w2.message = "the last review was on line 15";
    const json moved = json::parse(render_gitlab({d2, w2}));
    CHECK(moved[0]["fingerprint"] == issues[0]["fingerprint"]);
    CHECK(moved[1]["fingerprint"] == issues[1]["fingerprint"]);

    // Two equal findings in one file are told apart; another file is another issue.
    Diagnostic other = d;
    other.path = "accounts/beta/account.yaml";
    const json twice = json::parse(render_gitlab({d, d, other}));
    CHECK(twice[0]["fingerprint"] == issues[0]["fingerprint"]);
    CHECK(twice[1]["fingerprint"] != twice[0]["fingerprint"]);
    CHECK(twice[2]["fingerprint"] != twice[0]["fingerprint"]);
    CHECK(json::parse(render_gitlab({})) == json::array());
}
