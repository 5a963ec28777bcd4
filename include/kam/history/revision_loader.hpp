#pragma once
// The portfolio along a series of commits, for kam history: which version of
// each account stands at each commit, then each version built with the
// loader and builder the working tree uses, account after account.
//
// track() lists the first commit's tree and then only what changed from one
// commit to the next (`git diff-tree`), so a point costs the size of its
// changes, not of the portfolio. An account gets a new version where one of
// its files (or kam.yaml, whose settings shape the model) has another blob
// id than at the point before; otherwise the version of the point before
// stands.
//
// load() builds one version; a file is parsed only if the run has not parsed
// its blob before (ParsedFileCache, by kind and blob id), so a history parses
// each distinct blob once. The blobs to parse are read in one round trip to
// git per version, or from the working tree when a file there is the blob. Taking the accounts one
// at a time (done() when an account's last version is built), only the accounts being built are in
// memory: done() forgets the parsed files no other account holds.
#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "kam/io/git_source.hpp"
#include "kam/io/yaml_events.hpp"
#include "kam/model/account.hpp"
#include "kam/portfolio/load.hpp"

namespace kam {

struct AccountVersion {
    std::string settings_blob;    // kam.yaml's blob at it; empty when there is none
    std::vector<GitEntry> files;  // every entry below accounts/<slug>/, sorted by path
};

struct AccountTrack {
    std::vector<AccountVersion> versions;  // in the order they first stand
    std::vector<int> at;                   // at[point]: index into versions, -1 where absent
};

struct RevisionTracks {
    std::map<std::string, AccountTrack> accounts;  // by slug
    std::vector<std::string> settings_blob;        // at[point]: kam.yaml's blob
};

struct RevisionAccount {
    std::shared_ptr<const Account> account;  // null when unreadable
    // Not empty when a file of the account could not be read at all (a
    // syntax error, a bad encoding, over a limit): its figures are unknown.
    std::string unreadable;
};

class RevisionLoader {
  public:
    // `root` is the absolute portfolio root the findings would name. With a
    // `worktree` (the file system `root` is on), a file there whose bytes
    // hash to the blob wanted is read from it instead of from git: most of
    // a history's blobs are those of the checkout.
    RevisionLoader(const GitSource& git, std::string root, const YamlEventSource& source,
                   const FileSystem* worktree = nullptr);

    // The versions of every account (of `only`, unless empty) at `commits`
    // (one per point, oldest first; empty where no commit stands for the
    // point). Reads the settings of each kam.yaml met. Call once. Throws
    // UsageError when a tree or a diff cannot be read.
    RevisionTracks track(const std::vector<std::string>& commits,
                         const std::set<std::string>& only = {});

    // The settings of the kam.yaml with this blob (the defaults for "").
    const PortfolioSettings& settings(const std::string& blob) const;

    // One version of an account. Safe to call from several threads.
    RevisionAccount load(const std::string& slug, const AccountVersion& version);
    // No later load() asks for this account's files: forgets those that no
    // account still to be loaded holds. Safe to call from several threads.
    void done(const AccountTrack& track);

    // Files parsed (kam.yaml and account files), one per distinct blob.
    size_t files_parsed() const { return settings_parsed_ + files_.parsed(); }
    size_t accounts_parsed() const { return accounts_parsed_; }

  private:
    const GitSource& git_;
    std::string root_;
    const YamlEventSource& source_;
    const FileSystem* worktree_;
    std::map<std::string, PortfolioSettings> settings_;  // by kam.yaml's blob
    ParsedFileCache files_;
    // The files (kind and blob) several accounts hold: how many have not
    // been done yet. A file only one account holds is not in it.
    std::mutex shared_mutex_;
    std::unordered_map<std::string, size_t> shared_;
    size_t settings_parsed_ = 0;
    std::atomic<size_t> accounts_parsed_{0};
};

}  // namespace kam
