#pragma once
// The contact map of an account (kam-metrics(7), "Contact map"): its current
// people by role and relationship, the decision-makers not covered, the
// blockers, who on our side owns the contacts and whether the relationships
// that carry the account (strong or good) run through one person on either side.
#include <map>
#include <string>
#include <vector>

#include "kam/metrics/figure.hpp"
#include "kam/model/account.hpp"

namespace kam {

struct ContactMap {
    bool known = false;
    std::string reason;  // why not known: no profile.yaml, no current person
    // role ("none" when not written) -> relationship ("none" when not written) -> people
    std::map<std::string, std::map<std::string, int>> counts;
    int people = 0;
    std::vector<const Person*> uncovered_decision_makers, blockers, carrying;
    std::vector<std::string> owners;           // distinct, in order of appearance
    std::vector<std::string> carrying_owners;  // owners of the carrying contacts
    bool single_threaded = false;
    std::string single_threaded_reason;  // how, when it is
};

// A relationship that carries the account: strong or good (as coverage counts it).
bool carries(const Person& person);

ContactMap contact_map(const Account& account, Date as_of);

// The rule single-threaded applies to this account: tier key or strategic,
// status neither lost nor prospect.
bool single_thread_matters(const Account& account);

}  // namespace kam
