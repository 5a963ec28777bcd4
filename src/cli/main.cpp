// The one place that turns exceptions into exit statuses.
#include <fmt/format.h>
#include <cstdio>
#include <exception>

#include "app.hpp"
#include "kam/util/error.hpp"
#include "kam/util/safe_text.hpp"
#include "output.hpp"

int main(int argc, char** argv) {
    // Messages may quote a key or a path from the files: escaped for the
    // terminal. Their own line breaks stay; a file's are escaped where they are quoted.
    using kam::escape_controls;
    try {
        const int status = kam::cli::run(argc, argv);
        kam::cli::flush_out();
        return status;
    } catch (const kam::UsageError& e) {
        fmt::print(stderr, "kam: error: {}\n", escape_controls(e.what(), kam::LineBreaks::keep));
        return static_cast<int>(kam::ExitCode::usage);
    } catch (const kam::EnvironmentError& e) {
        fmt::print(stderr, "kam: error: {}\n", escape_controls(e.what(), kam::LineBreaks::keep));
        return static_cast<int>(kam::ExitCode::environment);
    } catch (const std::exception& e) {
        fmt::print(stderr, "kam: internal error: {}\n",
                   escape_controls(e.what(), kam::LineBreaks::keep));
        return static_cast<int>(kam::ExitCode::internal);
    }
}
