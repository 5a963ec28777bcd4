#include "kam/io/portfolio_root.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <filesystem>

#include "kam/util/error.hpp"

namespace kam {

namespace fs = std::filesystem;

namespace {
bool is_regular_file_nofollow(const fs::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

PortfolioRoot make_root(const fs::path& dir, const std::string& working_dir) {
    const std::string abs = fs::absolute(dir).lexically_normal().string();
    std::string trimmed = abs;
    while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
    return PortfolioRoot{trimmed, display_path(trimmed, working_dir)};
}

PortfolioRoot checked(const std::string& dir, std::string_view source,
                      const std::string& working_dir) {
    const fs::path p = fs::path(working_dir) / dir;
    std::error_code ec;
    if (!fs::is_directory(p, ec))
        throw UsageError(fmt::format("{} '{}' is not a folder", source, dir));
    if (!is_regular_file_nofollow(p / "kam.yaml"))
        throw UsageError(fmt::format(
            "{} '{}' holds no kam.yaml (run 'kam init' to make a portfolio)", source, dir));
    return make_root(p, working_dir);
}
}  // namespace

std::string display_path(const std::string& absolute, const std::string& working_dir) {
    const fs::path rel =
        fs::path(absolute).lexically_relative(fs::path(working_dir).lexically_normal());
    const std::string s = rel.string();
    if (s.empty()) return absolute;  // on another root: keep it absolute
    if (s == ".") return "";
    return s;
}

PortfolioRoot find_portfolio_root(const std::optional<std::string>& root_option,
                                  const std::optional<std::string>& env_root,
                                  const std::string& working_dir) {
    if (root_option) return checked(*root_option, "--root", working_dir);
    if (env_root && !env_root->empty()) return checked(*env_root, "KAM_ROOT", working_dir);
    for (fs::path dir = fs::path(working_dir).lexically_normal();; dir = dir.parent_path()) {
        if (is_regular_file_nofollow(dir / "kam.yaml")) return make_root(dir, working_dir);
        if (dir == dir.parent_path() || dir.empty()) break;
    }
    throw UsageError(
        "not inside a portfolio: no kam.yaml here or in any parent folder (use --root DIR, set "
        "KAM_ROOT, or run 'kam init')");
}

}  // namespace kam
