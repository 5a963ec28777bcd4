#include "kam/metrics/whitespace.hpp"

#include <algorithm>
#include <set>

namespace kam {

Whitespace compute_whitespace(const std::vector<Account>& accounts,
                              const std::vector<size_t>& which) {
    Whitespace w;
    std::set<std::string> names;
    std::vector<size_t> rows;
    for (const size_t i : which) {
        if (accounts[i].cover.status == "lost") continue;
        rows.push_back(i);
        if (accounts[i].blueprint)
            for (const Offering& o : accounts[i].blueprint->offerings)
                if (!o.name.empty()) names.insert(o.name);
    }
    for (const std::string& n : names) w.offerings.push_back({n, 0, 0, 0, 0, 0, {}});
    auto column = [&](const std::string& name) {
        return static_cast<size_t>(std::distance(names.begin(), names.find(name)));
    };
    for (const size_t i : rows) {
        const Account& a = accounts[i];
        WhitespaceRow r;
        r.account = i;
        r.stages.assign(w.offerings.size(), {});
        r.written.assign(w.offerings.size(), 0);
        if (!a.blueprint) {
            r.reason = "no blueprint.yaml";
        } else if (a.blueprint->offerings.empty()) {
            r.reason = "no offerings in blueprint.yaml";
        } else {
            r.known = true;
            const auto& offerings = a.blueprint->offerings;
            for (size_t k = 0; k < offerings.size(); ++k) {
                const Offering& o = offerings[k];
                if (o.name.empty()) continue;
                std::string& cell = r.stages[column(o.name)];
                if (!cell.empty()) continue;
                cell = o.stage.empty() ? "current" : o.stage;
                r.written[column(o.name)] = k;
            }
        }
        w.rows.push_back(std::move(r));
    }
    for (OfferingColumn& c : w.offerings) {
        const size_t k = column(c.name);
        for (const WhitespaceRow& r : w.rows) {
            if (!r.known) continue;
            ++c.accounts;
            const std::string& s = r.stages[k];
            c.current += s == "current";
            c.proposed += s == "proposed";
            c.planned += s == "planned";
            c.retired += s == "retired";
        }
        c.penetration_pct = c.accounts == 0 ? Figure<Fixed>::none("no account has offerings")
                                            : Figure<Fixed>::of(percent_of(c.current, c.accounts));
    }
    for (WhitespaceRow& r : w.rows) {
        if (!r.known) continue;
        const Account& a = accounts[r.account];
        const std::string industry = a.profile ? a.profile->industry : std::string();
        for (size_t k = 0; k < w.offerings.size(); ++k) {
            if (!r.stages[k].empty()) continue;
            int peers = 0, industry_peers = 0;
            bool by_industry = false, by_tier = false;
            std::vector<size_t> peer_rows;
            for (const WhitespaceRow& p : w.rows) {
                if (&p == &r || !p.known || p.stages[k] != "current") continue;
                const Account& b = accounts[p.account];
                const bool same_industry =
                    !industry.empty() && b.profile && b.profile->industry == industry;
                const bool same_tier = !a.cover.tier.empty() && b.cover.tier == a.cover.tier;
                if (!same_industry && !same_tier) continue;
                ++peers;
                industry_peers += same_industry;
                peer_rows.push_back(static_cast<size_t>(&p - w.rows.data()));
                by_industry |= same_industry;
                by_tier |= same_tier;
            }
            if (peers == 0) continue;
            r.gaps.push_back({k, peers, industry_peers,
                              by_industry && by_tier ? "industry, tier"
                              : by_industry          ? "industry"
                                                     : "tier",
                              std::move(peer_rows)});
        }
        // Offerings the account's own industry buys first (the stronger case), then by peers.
        std::stable_sort(r.gaps.begin(), r.gaps.end(),
                         [](const WhitespaceGap& x, const WhitespaceGap& y) {
                             if (x.industry_peers != y.industry_peers)
                                 return x.industry_peers > y.industry_peers;
                             return x.peers > y.peers;
                         });
    }
    return w;
}

Sources whitespace_cell_sources(const std::vector<Account>& accounts, const Whitespace& w,
                                size_t row, size_t offering) {
    const WhitespaceRow& r = w.rows[row];
    if (!r.known || r.stages[offering].empty()) return {};
    const Account& a = accounts[r.account];
    return {offering_source(a, a.blueprint->offerings[r.written[offering]])};
}

Sources whitespace_gap_sources(const std::vector<Account>& accounts, const Whitespace& w,
                               size_t row, const WhitespaceGap& gap) {
    auto basis = [&](const Account& a, Sources& out) {
        if (gap.basis.find("industry") != std::string::npos && a.profile)
            out.push_back(field_source(a, "profile.yaml", a.profile->industry_pos,
                                       "profile.industry", a.profile->industry));
        if (gap.basis.find("tier") != std::string::npos)
            out.push_back(cover_source(a, "tier", a.cover.tier_pos, a.cover.tier));
    };
    Sources out;
    basis(accounts[w.rows[row].account], out);
    for (const size_t p : gap.peer_rows) {
        append(out, whitespace_cell_sources(accounts, w, p, gap.offering));
        basis(accounts[w.rows[p].account], out);
    }
    return out;
}

Sources whitespace_penetration_sources(const std::vector<Account>& accounts, const Whitespace& w,
                                       size_t offering) {
    Sources out;
    for (size_t r = 0; r < w.rows.size(); ++r)
        if (w.rows[r].known && w.rows[r].stages[offering] == "current")
            append(out, whitespace_cell_sources(accounts, w, r, offering));
    return out;
}

}  // namespace kam
