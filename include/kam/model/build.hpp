#pragma once
// Turns a schema-checked tree into model structs. Values the schema check
// refused are left out (they were reported there), so building never fails.
#include <variant>
#include <vector>

#include "kam/io/yaml_tree.hpp"
#include "kam/model/account.hpp"

namespace kam {

void build_cover(const Node& root, Cover& out);
Profile build_profile(const Node& root);
Swot build_swot(const Node& root);
Blueprint build_blueprint(const Node& root);
std::vector<Risk> build_risks(const Node& root);
std::vector<Contract> build_contracts(const Node& root);
Performance build_performance(const Node& root);
std::vector<Opportunity> build_opportunities(const Node& root);
Reviews build_reviews(const Node& root);
PortfolioSettings build_settings(const Node& root);

// One file's section as built from its tree: the model of that file alone,
// which a loader may keep by the file's content (ParsedFileCache).
using SectionModel =
    std::variant<std::monostate, Cover, Profile, Swot, Blueprint, std::vector<Risk>,
                 std::vector<Contract>, Performance, std::vector<Opportunity>, Reviews>;

// Builds the section named `section` ("risks", ...); monostate for a name
// that is no section.
SectionModel build_section(std::string_view section, const Node& root);

// Puts a section's model into the account, as its file's section (a
// monostate puts nothing).
void set_section(const SectionModel& model, Account& account);
// The same, moving the model in: without a cache nothing else holds it, and a
// copy would leave the allocator with the original's holes.
void set_section(SectionModel&& model, Account& account);

// Forgets a section again, as if its file could not be read at all.
void drop_section(std::string_view section, Account& account);

}  // namespace kam
