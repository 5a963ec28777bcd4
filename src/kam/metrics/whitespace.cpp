#include "kam/metrics/whitespace.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kam {

namespace {

// What makes two accounts peers: the same industry (profile.yaml) or the
// same tier, each only when written.
struct PeerKey {
    std::string industry, tier;
    // Both at once, as one map key ('\n' is in neither: both are one line).
    std::string both() const { return industry + '\n' + tier; }
};

PeerKey peer_key(const Account& a) {
    return {a.profile ? a.profile->industry : std::string(), a.cover.tier};
}

bool peers(const PeerKey& a, const PeerKey& b, bool& same_industry, bool& same_tier) {
    same_industry = !a.industry.empty() && b.industry == a.industry;
    same_tier = !a.tier.empty() && b.tier == a.tier;
    return same_industry || same_tier;
}

}  // namespace

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
    // Peers are counted per group, never pair by pair: a portfolio of 50,000
    // accounts has billions of pairs. For each offering, how many accounts of
    // an industry, of a tier, and of both have it current; a row's peers are
    // then industry + tier - both (the row itself never counts: a gap is an
    // offering the row has not got).
    // The first few buyers of each group are kept too (in row order), so a
    // gap can name some of its peers without a pass over every row.
    struct Counts {
        std::map<std::string, std::vector<int>> industry, tier, both;
        std::map<std::string, std::vector<std::vector<size_t>>> first_industry, first_tier;
    } counts;
    const size_t width = w.offerings.size();
    auto bump = [&](std::map<std::string, std::vector<int>>& m, const std::string& key, size_t k) {
        std::vector<int>& v = m[key];
        if (v.empty()) v.assign(width, 0);
        ++v[k];
    };
    auto keep = [&](std::map<std::string, std::vector<std::vector<size_t>>>& m,
                    const std::string& key, size_t k, size_t row) {
        std::vector<std::vector<size_t>>& v = m[key];
        if (v.empty()) v.resize(width);
        if (v[k].size() < k_peer_examples) v[k].push_back(row);
    };
    auto first = [&](const std::map<std::string, std::vector<std::vector<size_t>>>& m,
                     const std::string& key, size_t k) {
        const auto it = m.find(key);
        return it == m.end() ? std::vector<size_t>{} : it->second[k];
    };
    auto count = [&](const std::map<std::string, std::vector<int>>& m, const std::string& key,
                     size_t k) {
        const auto it = m.find(key);
        return it == m.end() ? 0 : it->second[k];
    };
    for (size_t row = 0; row < w.rows.size(); ++row) {
        const WhitespaceRow& p = w.rows[row];
        if (!p.known) continue;
        const PeerKey key = peer_key(accounts[p.account]);
        for (size_t k = 0; k < width; ++k) {
            if (p.stages[k] != "current") continue;
            if (!key.industry.empty()) {
                bump(counts.industry, key.industry, k);
                keep(counts.first_industry, key.industry, k, row);
            }
            if (!key.tier.empty()) {
                bump(counts.tier, key.tier, k);
                keep(counts.first_tier, key.tier, k, row);
            }
            if (!key.industry.empty() && !key.tier.empty()) bump(counts.both, key.both(), k);
        }
    }
    for (WhitespaceRow& r : w.rows) {
        if (!r.known) continue;
        const PeerKey key = peer_key(accounts[r.account]);
        for (size_t k = 0; k < width; ++k) {
            if (!r.stages[k].empty()) continue;
            const int by_industry =
                key.industry.empty() ? 0 : count(counts.industry, key.industry, k);
            const int by_tier = key.tier.empty() ? 0 : count(counts.tier, key.tier, k);
            const int by_both =
                key.industry.empty() || key.tier.empty() ? 0 : count(counts.both, key.both(), k);
            const int peers = by_industry + by_tier - by_both;
            if (peers == 0) continue;
            // The first peers in row order: the first of the union of two
            // lists is among the first of each.
            std::vector<size_t> named;
            if (!key.industry.empty()) named = first(counts.first_industry, key.industry, k);
            if (!key.tier.empty())
                for (const size_t x : first(counts.first_tier, key.tier, k)) named.push_back(x);
            std::sort(named.begin(), named.end());
            named.erase(std::unique(named.begin(), named.end()), named.end());
            if (named.size() > k_peer_examples) named.resize(k_peer_examples);
            r.gaps.push_back({k, peers, by_industry,
                              by_industry > 0 && by_tier > 0 ? "industry, tier"
                              : by_industry > 0              ? "industry"
                                                             : "tier",
                              std::move(named)});
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

std::vector<size_t> whitespace_peer_rows(const std::vector<Account>& accounts, const Whitespace& w,
                                         size_t row, const WhitespaceGap& gap) {
    std::vector<size_t> out;
    const PeerKey key = peer_key(accounts[w.rows[row].account]);
    for (size_t p = 0; p < w.rows.size(); ++p) {
        const WhitespaceRow& r = w.rows[p];
        bool same_industry = false, same_tier = false;
        if (p == row || !r.known || r.stages[gap.offering] != "current") continue;
        if (peers(key, peer_key(accounts[r.account]), same_industry, same_tier)) out.push_back(p);
    }
    return out;
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
    for (const size_t p : whitespace_peer_rows(accounts, w, row, gap)) {
        append(out, whitespace_cell_sources(accounts, w, p, gap.offering));
        basis(accounts[w.rows[p].account], out);
    }
    return out;
}

Sources whitespace_penetration_sources(const std::vector<Account>& accounts, const Whitespace& w,
                                       size_t offering) {
    return whitespace_count_sources(accounts, w, offering, "current");
}

Sources whitespace_count_sources(const std::vector<Account>& accounts, const Whitespace& w,
                                 size_t offering, std::string_view stage) {
    Sources out;
    for (size_t r = 0; r < w.rows.size(); ++r) {
        const WhitespaceRow& row = w.rows[r];
        if (!row.known) continue;
        if (!stage.empty()) {
            if (row.stages[offering] == stage)
                append(out, whitespace_cell_sources(accounts, w, r, offering));
            continue;
        }
        // Known means blueprint.yaml lists offerings: the first one says so.
        const Account& a = accounts[row.account];
        const Offering& first = a.blueprint->offerings.front();
        out.push_back(record_source(a, "blueprint.yaml", "blueprint.offerings", "0.name", first.pos,
                                    first.name));
    }
    return out;
}

Whitespace whitespace_of_everyone(const std::vector<Account>& accounts) {
    std::vector<size_t> everyone(accounts.size());
    for (size_t k = 0; k < everyone.size(); ++k) everyone[k] = k;
    return compute_whitespace(accounts, everyone);
}

const WhitespaceRow* find_row(const Whitespace& w, size_t account) {
    const auto it =
        std::lower_bound(w.rows.begin(), w.rows.end(), account,
                         [](const WhitespaceRow& r, size_t wanted) { return r.account < wanted; });
    return it != w.rows.end() && it->account == account ? &*it : nullptr;
}

}  // namespace kam
