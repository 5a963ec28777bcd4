#pragma once
// Finding the portfolio: --root, then KAM_ROOT, then the first folder holding
// kam.yaml walking up from the working directory (as git finds .git).
#include <optional>
#include <string>

namespace kam {

struct PortfolioRoot {
    std::string path;     // how kam opens files (absolute)
    std::string display;  // how findings name it: relative to the working directory ("" = here)
};

// Throws UsageError when no portfolio can be found.
PortfolioRoot find_portfolio_root(const std::optional<std::string>& root_option,
                                  const std::optional<std::string>& env_root,
                                  const std::string& working_dir);

// A path as the user would type it from the working directory.
std::string display_path(const std::string& absolute, const std::string& working_dir);

}  // namespace kam
