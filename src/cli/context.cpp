#include "context.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <charconv>
#include <filesystem>
#include <limits>
#include <thread>

#include "kam/util/error.hpp"

namespace kam::cli {

std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

Context::Context(const GlobalOptions& options) : options_(options) {
    std::error_code ec;
    working_dir_ = std::filesystem::current_path(ec).string();
    if (ec)
        throw UsageError(fmt::format("cannot determine the working directory: {}", ec.message()));
}

PortfolioRoot Context::root() const {
    return find_portfolio_root(options_.root, env("KAM_ROOT"), working_dir_);
}

Date Context::as_of() const {
    if (options_.as_of.empty()) return today_utc();
    const auto d = parse_date(options_.as_of);
    if (!d)
        throw UsageError(fmt::format("--as-of '{}' is not a date (YYYY-MM-DD)", options_.as_of));
    return *d;
}

unsigned Context::jobs() const {
    if (options_.jobs > 0) return options_.jobs;
    return std::max(1u, std::thread::hardware_concurrency());
}

bool Context::color_for(int fd) const {
    if (options_.color == "always") return true;
    if (options_.color == "never") return false;
    if (const auto no = env("NO_COLOR"); no && !no->empty()) return false;
    if (const auto term = env("TERM"); term && *term == "dumb") return false;
    return ::isatty(fd) == 1;
}

size_t Context::table_width(int fd, bool wide) const {
    if (wide) return std::numeric_limits<size_t>::max();
    if (const auto columns = env("COLUMNS"); columns && !columns->empty()) {
        size_t n = 0;
        const char* end = columns->data() + columns->size();
        const auto [ptr, ec] = std::from_chars(columns->data(), end, n);
        if (ec == std::errc() && ptr == end && n >= 20) return n;
    }
    winsize ws{};
    if (::isatty(fd) == 1 && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    return 100;
}

}  // namespace kam::cli
