#pragma once
// What Tab offers where kam wants an account or a field path (`kam __complete`):
// read from the portfolio the user stands in, cheaply, never failing loudly.
#include <string>
#include <string_view>
#include <vector>

#include "kam/io/file_system.hpp"

namespace kam {

// The account folders under root/accounts, sorted.
std::vector<std::string> account_slugs(const FileSystem& fs, const std::string& root);

// Field paths that extend `typed` one step: "" gives the sections ("risks.");
// "risks." gives the register's ids ("risks.R1.") and its list ("risks.risks.");
// "risks.R1." gives the record's fields ("risks.R1.status"). A step that leads
// to a mapping or a list ends with '.'. Unreadable files give the schema's keys only.
std::vector<std::string> field_path_candidates(const FileSystem& fs, const std::string& root,
                                               const std::string& slug, std::string_view typed);

// The values a field takes, from its table: an enumeration's values, or
// true and false ("risks.R1.status" gives open, mitigating, ...); else none.
std::vector<std::string> field_value_candidates(std::string_view path);

}  // namespace kam
