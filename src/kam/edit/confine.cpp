#include "kam/edit/confine.hpp"

#include <fmt/format.h>
#include <cerrno>
#include <cstring>

#include "kam/io/file_system.hpp"

namespace kam {

Expected<void> check_inside_portfolio(const FileSystem& fs, const std::string& root,
                                      const std::string& relative, const std::string& shown) {
    if (relative.empty() || relative.front() == '/')
        return unexpected(fmt::format("{} is not inside the portfolio", shown));
    std::string path = root, walked;
    size_t start = 0;
    while (start <= relative.size()) {
        const size_t slash = relative.find('/', start);
        const bool last = slash == std::string::npos;
        const std::string step = relative.substr(start, last ? std::string::npos : slash - start);
        if (step.empty() || step == "." || step == "..")
            return unexpected(fmt::format("{} is not inside the portfolio", shown));
        path = join_path(path, step);
        walked = join_path(walked, step);
        const auto type = fs.type_of(path);
        if (!type) {
            if (last) return {};  // a file still to be created
            return unexpected(fmt::format("cannot reach {}: {}", shown, std::strerror(ENOENT)));
        }
        if (last) {
            if (*type != EntryType::file)
                return unexpected(
                    fmt::format("{} is not a regular file (kam never follows a symlink)", shown));
            break;
        }
        if (*type == EntryType::symlink)
            return unexpected(
                fmt::format("{} leads through the symlink {}; kam writes only inside the portfolio",
                            shown, walked));
        if (*type != EntryType::directory)
            return unexpected(fmt::format("{} is not a folder", walked));
        start = slash + 1;
    }
    return {};
}

}  // namespace kam
