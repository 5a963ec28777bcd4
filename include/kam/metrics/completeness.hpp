#pragma once
// completeness_pct: the share of the fifteen Account File components present.
//
// Section 6 of the format names sixteen things for "fifteen" components. kam
// counts fifteen by treating names joined with "/" or "or" as one component
// that is present when any of its parts is, and by joining the client
// overview (account.yaml `overview`) with the client profile (profile.yaml):
// both describe the client, and the practice the format comes from treats the
// overview as the summary of the profile. The list, in report order:
//
//   mission                  account.yaml mission
//   manager                  account.yaml manager
//   background/history       account.yaml background, or at least one history event
//   overview/profile         account.yaml overview, or profile.yaml with any field
//   position/objectives      account.yaml position: current, scope or an objective
//   strategy                 blueprint.yaml strategy
//   goals                    blueprint.yaml: at least one goal
//   swot                     swot.yaml: at least one item in any quadrant
//   competition              blueprint.yaml: at least one competitor
//   financials               performance.yaml: at least one financials row
//   scorecard                performance.yaml: at least one scorecard row
//   opportunities            sales.yaml: at least one opportunity
//   reviews/surveys          reviews.yaml: at least one review or survey
//   risks                    risks.yaml: at least one risk
//   contracts                contracts.yaml: at least one contract
#include <array>
#include <string_view>
#include <vector>

#include "kam/metrics/exact.hpp"
#include "kam/metrics/source.hpp"
#include "kam/model/account.hpp"

namespace kam {

inline constexpr std::array<std::string_view, 15> k_components = {
    "mission",
    "manager",
    "background/history",
    "overview/profile",
    "position/objectives",
    "strategy",
    "goals",
    "swot",
    "competition",
    "financials",
    "scorecard",
    "opportunities",
    "reviews/surveys",
    "risks",
    "contracts",
};

struct Completeness {
    Fixed pct;                              // present / 15 x 100
    std::vector<std::string_view> missing;  // names from k_components, in that order
};

// With `present`, each component present adds where it is written (its
// field, its list's first record, a SWOT quadrant's key; profile.yaml with
// content at its first line): completeness_pct's sources.
Completeness completeness(const Account& account, Sources* present = nullptr);

}  // namespace kam
