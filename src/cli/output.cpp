#include "output.hpp"

#include <fmt/format.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "kam/util/error.hpp"

namespace kam::cli {

namespace {

[[noreturn]] void lost(int error) {
    throw EnvironmentError(
        fmt::format("cannot write the output: {}", error ? std::strerror(error) : "write error"));
}

}  // namespace

void print_out(std::string_view text) {
    errno = 0;
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::ferror(stdout))
        lost(errno);
}

void flush_out() {
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) lost(errno);
}

}  // namespace kam::cli
