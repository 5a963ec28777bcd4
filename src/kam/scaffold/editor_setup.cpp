#include "kam/scaffold/editor_setup.hpp"

#include <fmt/format.h>

#include "kam/io/file_system.hpp"
#include "kam/render/json_schema.hpp"
#include "kam/util/atomic_file.hpp"
#include "kam/util/error.hpp"

namespace kam {

namespace {

void make_dir(WritableFileSystem& fs, const std::string& dir) {
    if (fs.type_of(dir) == EntryType::directory) return;
    if (WriteResult w = fs.make_dir(dir); !w && w.status() != WriteStatus::exists)
        throw_unless_written(w);
}

void make_dirs(WritableFileSystem& fs, const std::string& dir) {
    for (size_t slash = dir.find('/', 1); slash != std::string::npos;
         slash = dir.find('/', slash + 1))
        make_dir(fs, dir.substr(0, slash));
    make_dir(fs, dir);
}

// Every file of the schema folder with its content.
std::vector<std::pair<std::string, std::string>> schema_files() {
    std::vector<std::pair<std::string, std::string>> files;
    for (const SchemaKind& k : schema_kinds())
        files.emplace_back(schema_file_name(k), json_schema(k));
    files.emplace_back(std::string(k_schema_bundle_file), json_schema_bundle());
    return files;
}

bool same_content(const FileSystem& fs, const std::string& path, const std::string& content) {
    auto bytes = fs.read_file(path, 4 << 20);
    return bytes && *bytes == content;
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::vector<std::string> write_schema_folder(WritableFileSystem& fs, const std::string& dir) {
    make_dirs(fs, dir);
    std::vector<std::string> written;
    for (const auto& [name, content] : schema_files()) {
        const std::string path = join_path(dir, name);
        if (same_content(fs, path, content)) continue;
        throw_unless_written(fs.replace_atomically(path, content));
        written.push_back(name);
    }
    return written;
}

std::vector<std::string> stale_schema_files(const FileSystem& fs, const std::string& dir) {
    std::vector<std::string> stale;
    for (const auto& [name, content] : schema_files())
        if (!same_content(fs, join_path(dir, name), content)) stale.push_back(name);
    return stale;
}

std::vector<std::string> write_vscode_settings(WritableFileSystem& fs, const std::string& root) {
    const std::string dir = join_path(root, ".vscode");
    make_dir(fs, dir);
    std::vector<std::string> written;

    std::string settings = "{\n  \"yaml.schemas\": {\n";
    const auto kinds = schema_kinds();
    for (size_t i = 0; i < kinds.size(); ++i)
        settings += fmt::format(
            "    {}: [{}]{}\n",
            json_string(fmt::format("./{}/{}", k_schema_dir, schema_file_name(kinds[i]))),
            json_string(kinds[i].file), i + 1 < kinds.size() ? "," : "");
    settings += "  }\n}\n";
    const std::string extensions = "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n";

    for (const auto& [name, content] :
         {std::pair<std::string, std::string>{"settings.json", settings},
          {"extensions.json", extensions}}) {
        const std::string path = join_path(dir, name);
        if (fs.type_of(path)) continue;  // the user's own settings are never replaced
        throw_unless_written(fs.create_exclusive(path, content));
        written.push_back(".vscode/" + name);
    }
    return written;
}

std::string schema_modeline(std::string_view file) {
    const SchemaKind* kind = find_schema_kind(file);
    if (!kind) return {};
    const std::string_view up = kind->name == "kam" ? "" : "../../";
    return fmt::format("# yaml-language-server: $schema={}{}/{}\n", up, k_schema_dir,
                       schema_file_name(*kind));
}

}  // namespace kam
