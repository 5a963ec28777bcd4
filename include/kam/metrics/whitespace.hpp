#pragma once
// Whitespace, or product selection (kam-metrics(7), "Whitespace"): the
// offerings of every blueprint as columns, the accounts as rows, each cell
// the stage of that offering in that account; per offering its penetration,
// per account the gaps its peers (same industry or same tier) already buy.
#include <string>
#include <vector>

#include "kam/metrics/exact.hpp"
#include "kam/metrics/figure.hpp"
#include "kam/metrics/source.hpp"
#include "kam/model/account.hpp"

namespace kam {

struct WhitespaceGap {
    size_t offering = 0;            // index into Whitespace::offerings
    int peers = 0;                  // peers that have it current
    int industry_peers = 0;         // of them, of the account's own industry
    std::string basis;              // "industry", "tier" or "industry, tier"
    std::vector<size_t> peer_rows;  // the peers, indices into Whitespace::rows
};

struct WhitespaceRow {
    size_t account = 0;
    bool known = false;               // the account has offerings on file
    std::string reason;               // why not
    std::vector<std::string> stages;  // per offering: its stage, or empty
    std::vector<size_t> written;      // per offering: its index in the blueprint's offerings
    // Those with an industry peer first (by industry_peers descending), then
    // by peers descending, then offering name.
    std::vector<WhitespaceGap> gaps;
};

struct OfferingColumn {
    std::string name;
    int current = 0, proposed = 0, planned = 0, retired = 0;
    int accounts = 0;  // accounts whose offerings are known
    Figure<Fixed> penetration_pct;
};

struct Whitespace {
    std::vector<OfferingColumn> offerings;  // by name
    std::vector<WhitespaceRow> rows;        // the accounts given, in their order
};

// Over `which` (indices into `accounts`); lost accounts are left out.
Whitespace compute_whitespace(const std::vector<Account>& accounts,
                              const std::vector<size_t>& which);

// The sources (kam-metrics(7), SOURCES) of the figures of `w`, computed over
// `accounts`: a cell's stage (none when the cell is empty); a gap's, each
// peer's offering with its industry or tier and the account's own; an
// offering's penetration, the offering of every account that has it current.
Sources whitespace_cell_sources(const std::vector<Account>& accounts, const Whitespace& w,
                                size_t row, size_t offering);
Sources whitespace_gap_sources(const std::vector<Account>& accounts, const Whitespace& w,
                               size_t row, const WhitespaceGap& gap);
Sources whitespace_penetration_sources(const std::vector<Account>& accounts, const Whitespace& w,
                                       size_t offering);

}  // namespace kam
