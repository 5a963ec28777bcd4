// The one place that turns exceptions into exit statuses.
#include <fmt/format.h>
#include <cstdio>
#include <exception>

#include "app.hpp"
#include "kam/util/error.hpp"

int main(int argc, char** argv) {
    try {
        return kam::cli::run(argc, argv);
    } catch (const kam::UsageError& e) {
        fmt::print(stderr, "kam: error: {}\n", e.what());
        return static_cast<int>(kam::ExitCode::usage);
    } catch (const std::exception& e) {
        fmt::print(stderr, "kam: internal error: {}\n", e.what());
        return static_cast<int>(kam::ExitCode::internal);
    }
}
