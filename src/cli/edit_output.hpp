#pragma once
// How set, rm and add report an edit: the diff on stdout under --dry-run (so
// it can be piped to a file or to patch), the one-line summary on stderr.
#include <fmt/format.h>
#include <cstdio>

#include "kam/edit/field_edit.hpp"
#include "kam/util/safe_text.hpp"
#include "output.hpp"

namespace kam::cli {

inline int print_edit_result(const EditResult& result, bool dry_run) {
    if (dry_run) print_out(result.diff);
    fmt::print(stderr, "{}{}\n", escape_controls(result.summary),
               dry_run ? " (dry run: nothing written)" : "");
    return 0;
}

}  // namespace kam::cli
