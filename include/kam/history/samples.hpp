#pragma once
// Which commit stands for the portfolio at the end of a period: the last
// commit of the first-parent chain made on or before that day's end (UTC).
//
// Commit dates are what the committers' clocks said, so they can run
// backwards along a chain (a rebased or cherry-picked commit, a skewed
// clock). A commit is taken to be made no earlier than its parent: its
// effective time is the latest commit time of itself and everything before
// it on the chain. That keeps samples in chain order, so a later period never
// shows an older state than an earlier one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kam/util/date.hpp"

namespace kam {

struct ChainCommit {
    std::string id;
    int64_t commit_time = 0;  // seconds since 1970-01-01 UTC
};

struct Sample {
    std::optional<size_t> commit;  // index into the chain (oldest first); none before its start
};

// `chain` oldest first; `ends` the sampling days, oldest first.
std::vector<Sample> choose_samples(const std::vector<ChainCommit>& chain,
                                   const std::vector<Date>& ends);

// The UTC day a commit time falls on.
Date commit_day(int64_t commit_time);

}  // namespace kam
