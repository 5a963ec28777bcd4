#pragma once
// kam writes only inside the portfolio: no folder on the way from the root to
// the file may be a symlink (one could lead anywhere), nor the file itself.
#include <string>

#include "kam/io/file_system.hpp"
#include "kam/util/expected.hpp"

namespace kam {

// `relative` ("accounts/acme/risks.yaml") below the absolute `root`: every
// folder on the way must be a real folder, and the last step, when it
// exists, a regular file. `shown` is how the path is named in messages.
// Looked at through `fs`, which never follows a symlink.
Expected<void> check_inside_portfolio(const FileSystem& fs, const std::string& root,
                                      const std::string& relative, const std::string& shown);

}  // namespace kam
