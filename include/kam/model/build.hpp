#pragma once
// Turns a schema-checked tree into model structs. Values the schema check
// refused are left out (they were reported there), so building never fails.
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

// Builds the section named `section` ("risks", ...) into `account`.
void build_section(std::string_view section, const Node& root, Account& account);

// Forgets a section again, as if its file could not be read at all.
void drop_section(std::string_view section, Account& account);

// Copies the section named `section` from `from` (an account holding what
// build_section made of one file) into `to`, as build_section would have.
void copy_section(std::string_view section, const Account& from, Account& to);

}  // namespace kam
