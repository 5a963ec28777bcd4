#pragma once
// What every subcommand shares: the global options and the small services
// built from them (the root, the as-of day, colour, the file system).
#include <optional>
#include <string>

#include "kam/io/file_system.hpp"
#include "kam/io/portfolio_root.hpp"
#include "kam/util/date.hpp"

namespace kam::cli {

struct GlobalOptions {
    std::optional<std::string> root;
    std::string as_of;           // YYYY-MM-DD; empty for today
    std::string color = "auto";  // auto | always | never
    unsigned jobs = 0;           // 0: all cores
};

class Context {
  public:
    explicit Context(const GlobalOptions& options);

    const GlobalOptions& options() const { return options_; }
    const std::string& working_dir() const { return working_dir_; }
    const RealFileSystem& fs() const { return fs_; }
    // The same files, for the commands that write (init, new, set, rm, add).
    WritableFileSystem& writable_fs() const { return fs_; }
    // Throws UsageError when there is no portfolio.
    PortfolioRoot root() const;
    // Throws UsageError on a malformed --as-of.
    Date as_of() const;
    unsigned jobs() const;
    // Colour on a stream: --color, NO_COLOR and whether it is a terminal.
    bool color_for(int fd) const;
    // Columns a report table may use on stream `fd`: unlimited with `wide`,
    // else COLUMNS when it is a whole number of at least 20, else the
    // terminal's width, else 100 (not a terminal: deterministic).
    size_t table_width(int fd, bool wide) const;

  private:
    GlobalOptions options_;
    std::string working_dir_;
    mutable RealFileSystem fs_;  // no state: mutable only so that writers can have it
};

std::optional<std::string> env(const char* name);

}  // namespace kam::cli
