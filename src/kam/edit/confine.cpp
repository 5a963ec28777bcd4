#include "kam/edit/confine.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <cerrno>
#include <cstring>

#include "kam/io/file_system.hpp"

namespace kam {

Expected<Unit> check_inside_portfolio(const std::string& root, const std::string& relative,
                                      const std::string& shown) {
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
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0) {
            if (last && errno == ENOENT) return Unit{};  // a file still to be created
            return unexpected(fmt::format("cannot reach {}: {}", shown, std::strerror(errno)));
        }
        if (last) {
            if (!S_ISREG(st.st_mode))
                return unexpected(
                    fmt::format("{} is not a regular file (kam never follows a symlink)", shown));
            break;
        }
        if (S_ISLNK(st.st_mode))
            return unexpected(
                fmt::format("{} leads through the symlink {}; kam writes only inside the portfolio",
                            shown, walked));
        if (!S_ISDIR(st.st_mode)) return unexpected(fmt::format("{} is not a folder", walked));
        start = slash + 1;
    }
    return Unit{};
}

}  // namespace kam
