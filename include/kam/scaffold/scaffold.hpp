#pragma once
// kam init and kam new: writing a portfolio or an account whole, or not at all.
#include <optional>
#include <string>
#include <vector>

#include "kam/io/file_system.hpp"
#include "kam/util/date.hpp"

namespace kam {

struct InitRequest {
    std::string dir;  // the portfolio folder; created if absent (its parent must exist)
    std::string name;
    std::string currency = "EUR";
};

// Writes kam.yaml, accounts/, .gitattributes, .gitignore and the editor setup
// through `fs`. Throws UsageError when `dir` already holds a portfolio or a
// write is refused, EnvironmentError when the machine fails a write (a full
// disk, no permission); returns the files written.
std::vector<std::string> init_portfolio(const InitRequest& request, WritableFileSystem& fs);

struct NewAccountRequest {
    std::string root;  // absolute portfolio root
    std::string slug, name, manager, tier;
    std::string status = "active";
    std::string currency;  // empty: the portfolio's
    Date today;
    std::optional<Date> client_since;  // unknown: the file leaves it empty
};

// Renders the nine files (from root/templates/ where present, else built in),
// verifies that the result loads with no error, writes them to a temporary
// folder in accounts/ and renames it into place, all through `fs`. Throws
// UsageError on a bad request, an existing account or a template that does
// not validate; EnvironmentError when the machine fails a write. Nothing is
// left half-written: the temporary folder is removed on any failure.
std::vector<std::string> create_account(const NewAccountRequest& request, WritableFileSystem& fs);

}  // namespace kam
