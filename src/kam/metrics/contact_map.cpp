#include "kam/metrics/contact_map.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace kam {

bool carries(const Person& p) {
    return p.relationship == "strong" || p.relationship == "good";
}

bool single_thread_matters(const Account& a) {
    const std::string& t = a.cover.tier;
    const std::string& s = a.cover.status;
    return (t == "key" || t == "strategic") && s != "lost" && s != "prospect";
}

ContactMap contact_map(const Account& a, Date as_of) {
    ContactMap m;
    if (!a.profile) {
        m.reason = "no profile.yaml";
        return m;
    }
    auto add_unique = [](std::vector<std::string>& v, const std::string& x) {
        if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
    };
    for (const Person& p : a.profile->people) {
        if (!p.current(as_of)) continue;
        ++m.people;
        ++m.counts[p.role.empty() ? "none" : p.role]
                  [p.relationship.empty() ? "none" : p.relationship];
        const std::string owner = p.owner.empty() ? a.cover.manager : p.owner;
        if (!owner.empty()) add_unique(m.owners, owner);
        if (p.role == "decision-maker" && !carries(p)) m.uncovered_decision_makers.push_back(&p);
        if (p.role == "blocker") m.blockers.push_back(&p);
        if (carries(p)) {
            m.carrying.push_back(&p);
            add_unique(m.carrying_owners, owner);
        }
    }
    if (m.people == 0) {
        m.reason = fmt::format("no person at the client on {} in profile.yaml", as_of.to_string());
        return m;
    }
    m.known = true;
    if (m.carrying.size() == 1) {
        m.single_threaded = true;
        m.single_threaded_reason =
            fmt::format("only {} has a strong or good relationship with us", m.carrying[0]->id);
    } else if (m.carrying.size() > 1 && m.carrying_owners.size() == 1) {
        m.single_threaded = true;
        m.single_threaded_reason =
            fmt::format("all {} strong or good relationships are owned by {}", m.carrying.size(),
                        m.carrying_owners[0].empty() ? "one person" : m.carrying_owners[0]);
    }
    return m;
}

}  // namespace kam
