#include "kam/edit/locked_write.hpp"

#include <fmt/format.h>

#include "kam/io/yaml_loader.hpp"

namespace kam {

namespace {
WriteResult still_holds(const FileSystem& fs, const std::string& path, std::string_view before) {
    auto now = fs.read_file(path, k_max_file_bytes);
    if (!now)
        return {WriteStatus::changed, fmt::format("cannot read {} again: {}", path, now.error())};
    if (*now != before)
        return {WriteStatus::changed, fmt::format("{} changed while kam was editing it", path)};
    return {};
}

// Keeps what another program wrote into the replaced file, beside it.
std::string keep_other_version(WritableFileSystem& fs, const std::string& path,
                               std::string_view content) {
    auto name = fs.create_unique(path + ".kam-lost-", content);
    return name ? *name : std::string();
}
}  // namespace

WriteResult replace_if_unchanged(WritableFileSystem& fs, const std::string& path,
                                 std::string_view before, std::string_view after,
                                 const WriteWindowHook& in_window, std::string* kept_in) {
    // First here, so that a changed file costs no temporary file; then again
    // right before the rename, which narrows the window to a few system calls.
    if (auto same = still_holds(fs, path, before); !same) return same;
    std::optional<std::string> replaced;
    AtomicWriteOptions options;
    options.before_publish = [&]() -> WriteResult {
        auto same = still_holds(fs, path, before);
        if (same && in_window) in_window();
        return same;
    };
    options.replaced_content = &replaced;
    WriteResult w = fs.replace_atomically(path, after, options);
    // A write that reached the old file after the last compare is in it now.
    if (w && replaced && *replaced != before && kept_in)
        *kept_in = keep_other_version(fs, path, *replaced);
    return w;
}

WriteResult create_file(WritableFileSystem& fs, const std::string& path, std::string_view content) {
    AtomicWriteOptions options;
    options.must_not_exist = true;
    WriteResult w = fs.replace_atomically(path, content, options);
    if (w.status() == WriteStatus::exists)
        return {WriteStatus::exists, fmt::format("{} was created while kam was editing it", path)};
    return w;
}

}  // namespace kam
