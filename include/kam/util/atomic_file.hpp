#pragma once
// Replacing a file so that a crash, a full disk or a killed process leaves
// either the old content or the new one, never a mix. These are the POSIX
// calls behind RealFileSystem's writes (kam/io/file_system.hpp); code above
// io/ writes through that seam, not through these.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kam/util/expected.hpp"
#include "kam/util/text_sink.hpp"

namespace kam {

// What became of a write, for the caller to branch on (never the message text).
enum class WriteStatus : uint8_t {
    ok,
    exists,       // refused: the path exists (an exclusive create, a rename onto a full folder)
    changed,      // refused: the last check before publishing said no (the file changed)
    not_regular,  // refused: a symlink or something else that is not a regular file
    bad_path,     // refused: a folder on the way does not exist or is not a folder
    failed,       // the machine failed: a full disk, no permission, a read-only or broken device
};

// A write's status and, unless ok, its message ("cannot write PATH: No space left on device").
class [[nodiscard]] WriteResult {
  public:
    WriteResult() = default;
    WriteResult(WriteStatus status, std::string message)
        : status_(status), message_(std::move(message)) {}

    WriteStatus status() const { return status_; }
    bool has_value() const { return status_ == WriteStatus::ok; }
    explicit operator bool() const { return has_value(); }
    const std::string& error() const { return message_; }
    // Refused for a cause the user can see to (exit 2), not failed by the machine (exit 4).
    bool refused() const { return status_ != WriteStatus::ok && status_ != WriteStatus::failed; }

  private:
    WriteStatus status_ = WriteStatus::ok;
    std::string message_;
};

// The status of a failed system call by its errno: ENOENT and ENOTDIR name a
// path that does not lead anywhere (bad_path); anything else is `failed`.
WriteStatus status_of_errno(int err);

// Throws a failed write as what it is: UsageError (exit 2) for a refusal,
// EnvironmentError (exit 4) when the machine failed. `context` is prefixed
// to the message ("CONTEXT: MESSAGE") unless empty.
void throw_unless_written(const WriteResult& result, std::string_view context = {});

struct AtomicWriteOptions {
    unsigned new_mode = 0644;  // for a file that does not exist yet
    // Publish with link() instead of rename(): refused (`exists`) if `path` exists by then.
    bool must_not_exist = false;
    // The last check, run after the content is safely on disk and right before
    // it replaces `path`: a result that is not ok is returned, and `path` is
    // untouched. Editors use it to make sure nobody changed the file meanwhile.
    std::function<WriteResult()> before_publish;
    // Set to what the replaced file holds after the replacement, read through
    // a descriptor opened before it: a program that wrote to the old file in
    // the instant before the rename left its change there (locked_write).
    // Left empty when there was no old file or it could not be opened.
    std::optional<std::string>* replaced_content = nullptr;
};

// Writes `content` to a temporary file in the same folder (".NAME.kam-XXXXXX",
// a dot-file), fsyncs it, gives it the mode, owner and group of the file it
// replaces (owner and group where permitted), or for a new file `new_mode`
// less the umask, renames it over `path` and fsyncs the folder. On failure the
// temporary file is removed and `path` is untouched.
WriteResult write_file_atomically(const std::string& path, std::string_view content,
                                  const AtomicWriteOptions& options = {});

// The same for content too large to hold whole (the HTML report): `produce`
// is called once, with a function that writes each piece it is given to the
// temporary file, in order. After a piece that cannot be written the rest go
// nowhere and the write fails; an exception from `produce` removes the
// temporary file and goes on.
WriteResult write_pieces_atomically(const std::string& path,
                                    const std::function<void(const TextSink&)>& produce,
                                    const AtomicWriteOptions& options = {});

// Creates a file that must not exist yet (O_EXCL), writes and fsyncs it; a
// failed write removes it again.
WriteResult write_new_file(const std::string& path, std::string_view content, unsigned mode = 0644);

// Creates PREFIX + six random characters exclusively (mkstemp) with
// `content`, fsynced; its name, or the error.
Expected<std::string> write_unique_file(const std::string& prefix, std::string_view content);

// Removes the temporary files a killed write left in `dir` ("NAME.kam-XXXXXX"
// and ".NAME.kam-XXXXXX", regular files only); the number removed. Call it
// only while no other write can be under way there (under the account lock).
size_t remove_stale_temporaries(const std::string& dir);

// fsync of a folder, so that a rename or a new entry in it is durable.
WriteResult sync_directory(const std::string& dir);

}  // namespace kam
