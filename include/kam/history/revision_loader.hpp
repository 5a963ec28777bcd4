#pragma once
// The portfolio as it was at a commit, for kam history and kam log: kam.yaml
// and every account read from the commit's tree through GitTreeFileSystem,
// with the loader and builder the working tree uses. Loading commit after
// commit, an account is built again only when one of its files (or
// kam.yaml) has another blob id than at the previous load; otherwise its
// model is kept. Building it again parses only the files whose blob the run
// has not parsed before (ParsedFileCache, by blob id): a history parses each
// distinct blob once, not each version of an account's every file.
#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "kam/io/git_source.hpp"
#include "kam/io/yaml_events.hpp"
#include "kam/model/account.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/util/date.hpp"

namespace kam {

struct RevisionAccount {
    std::shared_ptr<const Account> account;  // null when unreadable
    // Not empty when a file of the account could not be read at all (a
    // syntax error, a bad encoding, over a limit): its figures are unknown.
    std::string unreadable;
};

struct RevisionPortfolio {
    std::string commit;
    PortfolioSettings settings;
    std::map<std::string, RevisionAccount> accounts;  // by slug
};

class RevisionLoader {
  public:
    // `root` is the absolute portfolio root the findings would name.
    // `only`: these accounts (slugs) and no other; empty means all.
    RevisionLoader(const GitSource& git, std::string root, const YamlEventSource& source,
                   unsigned jobs, std::set<std::string> only = {});

    // The portfolio at `commit`. Throws UsageError when the commit's tree
    // cannot be listed.
    const RevisionPortfolio& load(const std::string& commit);

    // Files parsed (kam.yaml and account files), one per distinct blob.
    size_t files_parsed() const { return settings_parsed_ + files_.parsed(); }
    size_t accounts_parsed() const { return accounts_parsed_; }

  private:
    struct Cached {
        std::string key;  // kam.yaml's blob and the account's (path, blob) pairs
        RevisionAccount state;
    };

    const GitSource& git_;
    std::string root_;
    const YamlEventSource& source_;
    unsigned jobs_;
    std::set<std::string> only_;
    std::string settings_blob_;
    std::map<std::string, Cached> cache_;  // by slug: the last version loaded
    RevisionPortfolio current_;
    ParsedFileCache files_;
    size_t settings_parsed_ = 0, accounts_parsed_ = 0;
};

}  // namespace kam
