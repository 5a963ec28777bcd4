#pragma once
// Fatal errors: thrown deep, caught once in main, mapped to an exit status.
#include <stdexcept>
#include <string>

namespace kam {

enum class ExitCode : int {
    ok = 0,
    findings = 1,     // validation failed (errors, or warnings under --strict)
    usage = 2,        // bad command line, no portfolio, unreadable root, refused write
    internal = 3,     // a bug: an exception nobody expected
    environment = 4,  // the output could not be written (a full disk, a closed file)
};

// A problem the user can fix: printed as "kam: error: MESSAGE", exit status 2.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The environment failed kam, not the input: the output could not be written.
// Printed as "kam: error: MESSAGE", exit status 4.
class EnvironmentError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace kam
