#include "kam/metrics/matrix.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/metrics/fx.hpp"

namespace kam {

namespace {

using Part = Figure<Fixed>;

Part level_part(std::string_view level, std::string_view field, bool high_is_strong) {
    if (level.empty()) return Part::none(fmt::format("no {} in account.yaml", field));
    int64_t v = level == "high" ? 1000 : level == "medium" ? 500 : 0;
    if (!high_is_strong) v = 1000 - v;
    return Part::of(Fixed{v, 1});
}

// 2.5 x a percentage in tenths, plus `offset` tenths.
Part times_two_and_a_half(const Figure<Fixed>& pct, int128 offset) {
    if (!pct) return Part::none(pct.reason);
    return clamped_part(offset + round_div(static_cast<int128>(pct->units) * 5, 2));
}

Figure<Money> client_revenue(const Account& a, const Converter& fx) {
    if (!a.profile) return Figure<Money>::none("no profile.yaml");
    if (!a.profile->annual_revenue) return Figure<Money>::none("no annual_revenue in profile.yaml");
    auto v = fx.to_base(*a.profile->annual_revenue, account_currency(a));
    return v ? Figure<Money>::of(*v) : Figure<Money>::none(v.error());
}

// The inputs of each part present, in k_*_part_names order.
void add_sources(MatrixEntry& e, const Account& a, const FigureSources& f,
                 const PortfolioSettings& settings) {
    auto& ap = e.attractiveness.parts;
    auto& sp = e.strength.parts;
    if (e.size_basis == "annual_revenue")
        ap[0].sources = f.of("annual_revenue");
    else if (e.size_basis == "client_revenue")
        ap[0].sources = {field_source(a, "profile.yaml", a.profile->annual_revenue_pos,
                                      "profile.annual_revenue",
                                      a.profile->annual_revenue->to_decimal())};
    ap[1].sources = f.of("growth_pct");
    ap[2].sources = {cover_source(a, "growth_potential", a.cover.growth_potential_pos,
                                  written_or_not(a.cover.growth_potential))};
    ap[3].sources = f.of("margin_pct");
    ap[4].sources = f.of("weighted_pipeline");
    append(ap[4].sources, f.of("annual_revenue"));
    sp[0].sources = f.of("coverage_pct");
    sp[1].sources = f.of("health");
    sp[2].sources = {cover_source(a, "replaceability", a.cover.replaceability_pos,
                                  written_or_not(a.cover.replaceability))};
    if (a.cover.share_of_wallet)
        sp[3].sources = {cover_source(a, "share_of_wallet", a.cover.share_of_wallet_pos,
                                      number_text(*a.cover.share_of_wallet))};
    if (a.cover.client_since)
        sp[4].sources = {cover_source(a, "client_since", a.cover.client_since_pos,
                                      a.cover.client_since->to_string())};
    for (auto* parts : {&ap, &sp})
        for (ScorePart& p : *parts)
            if (!p.score) p.sources.clear();
    e.tier_sources = {cover_source(a, "tier", a.cover.tier_pos, written_or_not(a.cover.tier))};
    data_pct_sources(settings, a.slug, "attractiveness_weights", "attractiveness_", ap,
                     e.attractiveness.data_sources, e.attractiveness.data_from);
    data_pct_sources(settings, a.slug, "strength_weights", "strength_", sp, e.strength.data_sources,
                     e.strength.data_from);
    for (const auto& [name, score] : {std::pair{"attractiveness", &e.attractiveness.score},
                                      std::pair{"strength", &e.strength.score}})
        if (*score) e.quadrant_from.push_back({a.slug, name, std::to_string(**score)});
}

}  // namespace

const MatrixEntry* find_entry(const PortfolioMatrix& matrix, size_t account) {
    // entries are in account order (compute_matrix).
    const auto it =
        std::lower_bound(matrix.entries.begin(), matrix.entries.end(), account,
                         [](const MatrixEntry& e, size_t wanted) { return e.account < wanted; });
    return it != matrix.entries.end() && it->account == account ? &*it : nullptr;
}

const QuadrantInfo& quadrant_of(int64_t attractiveness, int64_t strength) {
    const bool a = attractiveness >= k_matrix_high, s = strength >= k_matrix_high;
    return k_quadrants[a ? (s ? 0 : 1) : (s ? 2 : 3)];
}

std::string tier_mismatch(const QuadrantInfo& q, std::string_view tier) {
    if (tier.empty() || tier == q.agreeing_tiers[0] || tier == q.agreeing_tiers[1]) return {};
    return fmt::format("tier {}, but quadrant {} suggests {}", tier, q.name, q.suggested_tier);
}

PortfolioMatrix compute_matrix(const std::vector<Account>& accounts,
                               const std::vector<AccountMetrics>& metrics,
                               const PortfolioSettings& settings, Date as_of,
                               const std::vector<FigureSources>* sources) {
    PortfolioMatrix out;
    const Converter fx(settings);
    std::vector<size_t> which;
    std::vector<Figure<Money>> client(accounts.size());
    std::optional<Money> largest, largest_client;
    size_t largest_client_account = 0;
    for (size_t i = 0; i < accounts.size(); ++i) {
        if (accounts[i].cover.status == "lost") continue;
        which.push_back(i);
        if (const auto& r = metrics[i].annual_revenue; r && (!largest || *r > *largest))
            largest = *r;
        client[i] = client_revenue(accounts[i], fx);
        if (client[i] && (!largest_client || *client[i] > *largest_client)) {
            largest_client = *client[i];
            largest_client_account = i;
        }
    }
    if (sources && largest_client) {
        const Account& a = accounts[largest_client_account];
        out.largest_client_sources = {field_source(a, "profile.yaml", a.profile->annual_revenue_pos,
                                                   "profile.annual_revenue",
                                                   a.profile->annual_revenue->to_decimal())};
    }
    out.largest_revenue = largest && largest->cents > 0
                              ? Figure<Money>::of(*largest)
                              : Figure<Money>::none("no account has an annual_revenue above 0");
    out.largest_client_revenue =
        largest_client && largest_client->cents > 0
            ? Figure<Money>::of(*largest_client)
            : Figure<Money>::none("no account has a client annual_revenue above 0");

    const auto aw = score_weights(k_attractiveness_part_names, k_attractiveness_default_weights,
                                  settings.attractiveness_weights);
    const auto sw =
        score_weights(k_strength_part_names, k_strength_default_weights, settings.strength_weights);
    for (const size_t i : which) {
        const Account& a = accounts[i];
        const AccountMetrics& m = metrics[i];
        MatrixEntry e;
        e.account = i;

        Part size;
        if (m.annual_revenue && out.largest_revenue) {
            size = Part::of(percent_of(std::max<int64_t>(0, m.annual_revenue->cents),
                                       out.largest_revenue->cents));
            e.size_basis = "annual_revenue";
        } else if (client[i] && out.largest_client_revenue) {
            size = Part::of(percent_of(std::max<int64_t>(0, client[i]->cents),
                                       out.largest_client_revenue->cents));
            e.size_basis = "client_revenue";
        } else {
            size = Part::none(fmt::format("no annual_revenue ({}) and no client revenue ({})",
                                          m.annual_revenue.reason, client[i].reason));
        }
        Part pipeline;
        if (!m.weighted_pipeline)
            pipeline = Part::none(m.weighted_pipeline.reason);
        else if (!m.annual_revenue)
            pipeline = Part::none(m.annual_revenue.reason);
        else if (m.annual_revenue->cents <= 0)
            pipeline = Part::none("annual_revenue is not above 0");
        else
            pipeline =
                clamped_part(percent_of(m.weighted_pipeline->cents, m.annual_revenue->cents).units);
        e.attractiveness =
            combine_score("attractiveness", k_attractiveness_part_names,
                          {size, times_two_and_a_half(m.growth_pct, 500),
                           level_part(a.cover.growth_potential, "growth_potential", true),
                           times_two_and_a_half(m.margin_pct, 0), pipeline},
                          aw);

        Part tenure;
        if (!a.cover.client_since)
            tenure = Part::none("no client_since in account.yaml");
        else
            tenure = clamped_part(
                percent_of(std::max<int64_t>(0, as_of - *a.cover.client_since), k_tenure_full_days)
                    .units);
        Part wallet = Part::none("no share_of_wallet in account.yaml");
        if (a.cover.share_of_wallet) {
            const Decimal d = decimal_from_double(*a.cover.share_of_wallet);
            int128 scale = 1;
            for (int k = 0; k < d.scale; ++k) scale *= 10;
            wallet = clamped_part(round_div(d.units * 10, scale));
        }
        const Part health =
            m.health.score ? Part::of(Fixed{*m.health.score.value * 10, 1})
                           : Part::none(fmt::format("health unknown: {}", m.health.score.reason));
        e.strength = combine_score(
            "strength", k_strength_part_names,
            {m.coverage_pct, health, level_part(a.cover.replaceability, "replaceability", false),
             wallet, tenure},
            sw);

        if (sources) add_sources(e, a, (*sources)[i], settings);
        if (!e.attractiveness.score)
            e.quadrant_reason = e.attractiveness.score.reason;
        else if (!e.strength.score)
            e.quadrant_reason = e.strength.score.reason;
        else {
            e.quadrant = &quadrant_of(*e.attractiveness.score, *e.strength.score);
            e.tier_mismatch = tier_mismatch(*e.quadrant, a.cover.tier);
        }
        out.entries.push_back(std::move(e));
    }
    return out;
}

}  // namespace kam
