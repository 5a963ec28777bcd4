#pragma once
// Whitespace, or product selection (kam-metrics(7), "Whitespace"): the
// offerings of every blueprint as columns, the accounts as rows, each cell
// the stage of that offering in that account; per offering its penetration,
// per account the gaps its peers (same industry or same tier) already buy.
#include <string>
#include <string_view>
#include <vector>

#include "kam/metrics/exact.hpp"
#include "kam/metrics/figure.hpp"
#include "kam/metrics/source.hpp"
#include "kam/model/account.hpp"

namespace kam {

inline constexpr size_t k_peer_examples = 5;

struct WhitespaceGap {
    size_t offering = 0;     // index into Whitespace::offerings
    int peers = 0;           // peers that have it current
    int industry_peers = 0;  // of them, of the account's own industry
    std::string basis;       // "industry", "tier" or "industry, tier"
    // The first peers (at most k_peer_examples, in row order), indices into
    // Whitespace::rows: a gap names some of its peers, never all of them (a
    // tier of 10,000 accounts would make every gap a list of 10,000);
    // whitespace_peer_rows finds them all.
    std::vector<size_t> first_peers;
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

// Over every account, in account order: what each account's cross-sell is
// read against.
Whitespace whitespace_of_everyone(const std::vector<Account>& accounts);

// The peers behind `gap` of w.rows[row], indices into w.rows: found again
// here, one pass over the rows, rather than kept for every gap (a portfolio of
// 50,000 accounts would keep billions).
std::vector<size_t> whitespace_peer_rows(const std::vector<Account>& accounts, const Whitespace& w,
                                         size_t row, const WhitespaceGap& gap);

// The row of `account`, or null: `w` must be over ascending indices (as over
// every account), so that its rows are in account order.
const WhitespaceRow* find_row(const Whitespace& w, size_t account);

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
// An offering's counts: for `stage` ("current", "proposed", "planned",
// "retired"), the offering's stage in each account where it has that stage;
// for an empty `stage` (the accounts whose offerings are known, the
// penetration's denominator), the first offering of each such account.
Sources whitespace_count_sources(const std::vector<Account>& accounts, const Whitespace& w,
                                 size_t offering, std::string_view stage);

}  // namespace kam
