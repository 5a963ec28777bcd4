#pragma once
// The portfolio matrix (kam-metrics(7), "The portfolio matrix"): every
// account that is not lost placed on attractiveness x strength, two scores
// of five parts each, with its quadrant, the tier the quadrant suggests and
// a mismatch when the file's tier is not one that agrees.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "kam/metrics/account_metrics.hpp"
#include "kam/metrics/score.hpp"

namespace kam {

inline constexpr std::array<std::string_view, 5> k_attractiveness_part_names = {
    "size", "growth", "potential", "margin", "pipeline"};
inline constexpr std::array<int64_t, 5> k_attractiveness_default_weights = {35, 15, 15, 20, 15};
inline constexpr std::array<std::string_view, 5> k_strength_part_names = {
    "coverage", "health", "replaceability", "share_of_wallet", "tenure"};
inline constexpr std::array<int64_t, 5> k_strength_default_weights = {25, 25, 20, 15, 15};

// A score at or above this is high.
inline constexpr int64_t k_matrix_high = 50;
// Tenure scores 100 from this many days.
inline constexpr int64_t k_tenure_full_days = 1825;

struct QuadrantInfo {
    std::string_view name, action, suggested_tier;
    std::array<std::string_view, 2> agreeing_tiers;  // an empty second when only one
};
inline constexpr std::array<QuadrantInfo, 4> k_quadrants = {{
    {"strategic", "invest", "key", {"key", "strategic"}},
    {"develop", "build the relationship", "growth", {"strategic", "growth"}},
    {"status", "maintain efficiently", "maintain", {"maintain", ""}},
    {"streamline", "serve at low cost", "transactional", {"maintain", "transactional"}},
}};

struct MatrixEntry {
    size_t account = 0;  // index into the accounts
    Score attractiveness, strength;
    std::string size_basis;                  // "annual_revenue", "client_revenue" or empty
    const QuadrantInfo* quadrant = nullptr;  // null when either score is unknown
    std::string quadrant_reason;             // why there is no quadrant
    std::string tier_mismatch;               // empty, or how the file's tier disagrees
    Sources tier_sources;                    // account.tier, when sources were asked for
    FigureRefs quadrant_from;                // the two scores, when sources were asked for
};

struct PortfolioMatrix {
    std::vector<MatrixEntry> entries;  // in account order; lost accounts left out
    Figure<Money> largest_revenue, largest_client_revenue;  // the sizes' denominators
    // When sources were asked for: the profile.annual_revenue that is the largest.
    Sources largest_client_sources;
};

// The entry of `account`, or null (a lost account has none).
const MatrixEntry* find_entry(const PortfolioMatrix& matrix, size_t account);

// The quadrant of two known scores.
const QuadrantInfo& quadrant_of(int64_t attractiveness, int64_t strength);
// Empty when `tier` is one the quadrant agrees with (or is empty).
std::string tier_mismatch(const QuadrantInfo& quadrant, std::string_view tier);

// With `sources` (sources[i] those of metrics[i]), each part present lists
// its inputs (ScorePart::sources): the figures' sources it rests on and the
// cover-sheet and profile fields it reads.
PortfolioMatrix compute_matrix(const std::vector<Account>& accounts,
                               const std::vector<AccountMetrics>& metrics,
                               const PortfolioSettings& settings, Date as_of,
                               const std::vector<FigureSources>* sources = nullptr);

}  // namespace kam
