#pragma once
// The format as data: one table of fields per file and per nested record.
// These tables drive validation, "did you mean", `kam schema` and the man page's
// field lists; nothing else in kam spells out what a field may hold.
#include <limits>
#include <optional>
#include <span>
#include <string_view>

namespace kam {

enum class FieldType : unsigned char {
    text,
    integer,
    number,
    boolean,
    date,
    money,
    percent,
    currency,      // three capitals
    enumeration,   // one of `values`
    id,            // an identifier, unique within its list
    ref,           // an id of another list in the same account (`ref_target`)
    period,        // YYYY, YYYY-Qn or YYYY-MM
    object,        // a nested mapping described by `schema`
    object_list,   // a list of mappings described by `schema`
    text_list,     // a list of texts
    swot_list,     // a list of texts or {text, impact}
    currency_map,  // currency -> number > 0 (kam.yaml fx)
    severity_map,  // rule id -> error|warning|info|off (kam.yaml rules)
    require_map,   // tier -> list of section names (kam.yaml policy.require)
    weight_map,    // health part -> number >= 0 (kam.yaml health_weights)
};

std::string_view field_type_name(FieldType type);  // "date", "list of ...", for messages

struct Schema;

struct FieldSpec {
    std::string_view key;
    FieldType type = FieldType::text;
    bool required = false;
    std::span<const std::string_view> values = {};  // enumeration values
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    bool min_exclusive = false;
    const Schema* schema = nullptr;    // object / object_list
    std::string_view ref_target = {};  // e.g. "goals", "contracts", "profile.people"
    std::string_view description = {};
    std::string_view default_value = {};  // what an absent value means, as YAML text ("90")

    bool has_range() const {
        return min > -std::numeric_limits<double>::infinity() ||
               max < std::numeric_limits<double>::infinity();
    }
    // Whether a number is inside the range `min`..`max` (above `min` when
    // min_exclusive; a percent from 0 to 100): the one test the schema check
    // reports by and the model builder keeps values by.
    bool in_range(double v) const {
        if (type == FieldType::percent) return v >= 0 && v <= 100;
        return (min_exclusive ? v > min : v >= min) && v <= max;
    }
};

struct Schema {
    std::string_view name;  // "account.yaml", "risk", ...
    std::span<const FieldSpec> fields;
    std::string_view description = {};

    const FieldSpec* find(std::string_view key) const;
};

// The nine account files, in the order the format lists them.
struct SectionFile {
    std::string_view file;     // "risks.yaml"
    std::string_view section;  // "risks": the name policy.require and paths use
    const Schema* schema;
};
std::span<const SectionFile> section_files();
const SectionFile* find_section(std::string_view section_or_file);

const Schema& portfolio_schema();  // kam.yaml
const Schema& swot_item_schema();  // the {text, impact} form of a SWOT item

// The allowed value a mistyped enumeration value most likely means: the same
// word in other case ("QBR"), a common synonym ("closed-lost", "done", "warn")
// or the nearest spelling. Nullopt when nothing is close.
std::optional<std::string_view> suggest_enum_value(std::string_view written,
                                                   std::span<const std::string_view> values);

// Enumerations shared with the model.
namespace enums {
extern const std::span<const std::string_view> status, tier, relationship_type, level, person_role,
    person_relationship, impact, goal_status, action_status, offering_stage, risk_status,
    risk_category, contract_status, contract_type, better, perspective, issue_severity,
    issue_status, opportunity_stage, review_type, rule_severity;
}  // namespace enums

}  // namespace kam
