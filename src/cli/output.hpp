#pragma once
// Standard output that cannot fail silently: output lost to a full disk or a
// closed file is an environment error (exit status 4), never a success.
#include <string_view>

namespace kam::cli {

// Writes the text to stdout; throws EnvironmentError when it cannot.
void print_out(std::string_view text);

// Flushes stdout; throws EnvironmentError when what was written is lost.
void flush_out();

}  // namespace kam::cli
