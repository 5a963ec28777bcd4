#pragma once
// Loads a whole portfolio: kam.yaml, the tree walk and every account, in
// parallel. Each file's tree lives only while its account is being built.
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kam/io/file_system.hpp"
#include "kam/io/yaml_events.hpp"
#include "kam/model/account.hpp"
#include "kam/model/build.hpp"
#include "kam/util/date.hpp"
#include "kam/util/diagnostic.hpp"

namespace kam {

// What a caller keeps of each account, computed in the loader's workers
// while the model is alive (kam summary keeps its figures, not the model:
// report/report_digest.hpp). Like ninja's delegates.
class AccountVisitor {
  public:
    virtual ~AccountVisitor() = default;
    // Once, on the calling thread, before any account: how many there will be
    // (LoadedPortfolio::accounts' size) and the portfolio's settings.
    virtual void start(size_t count, const PortfolioSettings& settings) = 0;
    // Once for each account, from the worker that built it, as soon as it is
    // built and checked (`index`: its place in LoadedPortfolio::accounts).
    // Workers call it at once for different indices.
    virtual void visit(size_t index, const Account& account) = 0;
};

struct LoadOptions {
    Date as_of;
    unsigned jobs = 1;
    // Only these accounts (slugs); empty means all.
    std::set<std::string> only_accounts;
    bool skip_accounts = false;  // kam.yaml only
    // Keep the account models (reports need them; validate does not).
    bool keep_accounts = true;
    // Shown each account before it is kept or dropped; may be null.
    AccountVisitor* visitor = nullptr;
    // When set, paths in findings are relative to this folder (absolute path);
    // otherwise they are `display_root` joined with the portfolio-relative path.
    std::string working_dir;
};

struct LoadedPortfolio {
    PortfolioSettings settings;
    std::vector<Account> accounts;        // sorted by slug; contents dropped unless keep_accounts
    std::vector<Diagnostic> diagnostics;  // severities applied, sorted
    size_t account_count = 0;             // accounts looked at
    size_t files_read = 0;
    size_t bytes_read = 0;
};

// Account files parsed once per content within a run. What loading one file
// gives (its section built into a model, its findings, whether it could be
// read) depends only on its bytes and its kind, so it is kept by the file's
// kind and the content id its FileSystem knows (a git blob id). kam history
// loads revision after revision through one cache and parses each distinct
// blob once. Only the compact models are kept, never a file's tree. Safe to
// share between the loader's threads: a file asked for by two at once is
// parsed by one of them.
class ParsedFileCache {
  public:
    struct File {
        SectionModel section;              // monostate when the file could not be parsed
        std::vector<Diagnostic> findings;  // their paths are rewritten for each account
        bool unreadable = false;           // not read at all, or only in part
        bool partial = false;              // read in part: checked, then dropped
        size_t bytes = 0;
    };
    // The file stored under (kind, id), made by `parse` the first time.
    std::shared_ptr<const File> get(std::string_view kind, const std::string& id,
                                    const std::function<File()>& parse);
    size_t parsed() const;  // files parsed: one per distinct (kind, id), unless forgotten
    // Drops the file stored under (kind, id), if any: a caller that knows no
    // later get() asks for it frees its model (kam history, account after
    // account). Those holding it keep their copy.
    void forget(std::string_view kind, const std::string& id);
    // Whether a get() for (kind, id) would find it (parsed, or being parsed).
    bool contains(std::string_view kind, const std::string& id) const;

  private:
    struct Slot {
        std::once_flag once;
        std::shared_ptr<const File> file;
    };
    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<Slot>> slots_;
    size_t parsed_ = 0;
};

// `root` is the absolute root; `display_root` prefixes the paths in findings.
// Throws UsageError when the root itself cannot be read.
LoadedPortfolio load_portfolio(const FileSystem& fs, const std::string& root,
                               const std::string& display_root, const LoadOptions& options,
                               const YamlEventSource& source);

// kam.yaml, schema-checked into `sink`; the defaults when it cannot be read.
PortfolioSettings read_settings(const FileSystem& fs, const std::string& root, DiagnosticSink& sink,
                                const YamlEventSource& source, size_t* bytes_read = nullptr);

// The account a portfolio-relative path lies in ("accounts/acme/risks.yaml"
// -> "acme"), or "" when it lies in none or the folder is no valid slug.
std::string account_of_path(std::string_view relative_path);

// One account folder; used by load_portfolio and by commands that check a
// single account before writing (kam new). With a `cache`, a file whose
// content id the file system knows is parsed only if the cache has not seen
// it; the cross-file checks run on the assembled account every time.
Account load_account(const FileSystem& fs, const std::string& dir, const std::string& display_dir,
                     const std::string& slug, const PortfolioSettings& settings, Date as_of,
                     const YamlEventSource& source, std::vector<Diagnostic>& out,
                     size_t* bytes_read = nullptr, ParsedFileCache* cache = nullptr);

}  // namespace kam
