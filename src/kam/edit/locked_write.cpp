#include "kam/edit/locked_write.hpp"

#include <fmt/format.h>

#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"

namespace kam {

namespace {
Expected<Unit> still_holds(const std::string& path, std::string_view before) {
    RealFileSystem fs;
    auto now = fs.read_file(path, k_max_file_bytes);
    if (!now) return unexpected(fmt::format("cannot read {} again: {}", path, now.error()));
    if (*now != before) return unexpected(fmt::format("{} changed while kam was editing it", path));
    return Unit{};
}
}  // namespace

Expected<Unit> replace_if_unchanged(const std::string& path, std::string_view before,
                                    std::string_view after) {
    // First here, so that a changed file costs no temporary file; then again
    // right before the rename, which narrows the window to a few system calls.
    if (auto same = still_holds(path, before); !same) return same;
    AtomicWriteOptions options;
    options.before_publish = [&] { return still_holds(path, before); };
    return write_file_atomically(path, after, options);
}

Expected<Unit> create_file(const std::string& path, std::string_view content) {
    AtomicWriteOptions options;
    options.must_not_exist = true;
    auto w = write_file_atomically(path, content, options);
    if (!w && w.error().ends_with("exists already"))
        return unexpected(fmt::format("{} was created while kam was editing it", path));
    return w;
}

}  // namespace kam
