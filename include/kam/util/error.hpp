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
    environment = 4,  // the machine failed a write: a full disk, no permission, a closed file
};

// A problem the user can fix: printed as "kam: error: MESSAGE", exit status 2.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The environment failed kam, not the input: the output or a file kam writes
// could not be written (a full disk, no permission, a read-only or failing
// device). Printed as "kam: error: MESSAGE", exit status 4. Writes report
// which it was by WriteStatus (util/atomic_file: throw_unless_written).
class EnvironmentError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace kam
