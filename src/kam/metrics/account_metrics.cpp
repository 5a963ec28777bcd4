#include "kam/metrics/account_metrics.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kam/metrics/fiscal.hpp"
#include "kam/metrics/fx.hpp"
#include "kam/metrics/opportunity.hpp"

namespace kam {

bool in_window(Date day, Date as_of, int days) {
    return day <= as_of && as_of - day < days;
}

namespace {

constexpr int k_critical_risk_score = 20;

}  // namespace

bool critical_risk(int score) {
    return score >= k_critical_risk_score;
}

std::string_view risk_band(int score) {
    if (critical_risk(score)) return "critical";
    if (score >= 10) return "high";
    if (score >= 5) return "medium";
    return score >= 1 ? "low" : "";
}

std::string account_currency(const Account& a) {
    return a.cover.currency.value_or(std::string());
}

Figure<Fixed> win_rate(int128 won, int128 lost, Date as_of) {
    if (won + lost == 0)
        return Figure<Fixed>::none(
            fmt::format("no opportunity won or lost in the 365 days to {}", as_of.to_string()));
    return Figure<Fixed>::of(percent_of(won, won + lost));
}

Figure<Fixed> win_rate_by_value(Money won_value, Money lost_value, int64_t closed,
                                const std::string& error, Date as_of) {
    if (!error.empty()) return Figure<Fixed>::none(error);
    const auto both = checked_add(won_value, lost_value);
    if (!both) return Figure<Fixed>::none(both.error());
    if (closed > 0 && both->cents == 0)
        return Figure<Fixed>::none("the opportunities won and lost are worth 0");
    return win_rate(won_value.cents, lost_value.cents, as_of);
}

namespace {

class Calculator {
  public:
    Calculator(const Account& a, const PortfolioSettings& s, Date as_of,
               FigureSources* sources = nullptr)
        : a_(a), s_(s), as_of_(as_of), fx_(s), currency_(account_currency(a)), src_(sources) {}

    AccountMetrics run() {
        m_.incomplete = !a_.cover_ok || a_.has_errors || !a_.unreadable_files.empty();
        revenue();
        contracts();
        sales();
        risks();
        surveys();
        reviews();
        coverage();
        m_.completeness = completeness(a_, src_ ? &(*src_)["completeness_pct"] : nullptr);
        in_.review_every_days = s_.policy.review_every_days;
        if (a_.performance)
            for (const DeliveryIssue& i : a_.performance->issues) {
                ++in_.issues_recorded;
                if (i.status != "open") continue;
                if (src_)
                    (*src_)["health_delivery"].push_back(
                        field_source(a_, "performance.yaml", i.severity_pos,
                                     fmt::format("performance.issues.{}.severity", i.id),
                                     fmt::format("{} (open)", i.severity)));
                if (i.severity == "critical")
                    ++in_.open_critical;
                else if (i.severity == "high")
                    ++in_.open_high;
                else if (i.severity == "medium")
                    ++in_.open_medium;
                else if (i.severity == "low")
                    ++in_.open_low;
            }
        m_.health = compute_health(in_, health_weights(s_.health_weights));
        if (src_) {
            (*src_)["health_coverage"] = src_->of("coverage_pct");
            Sources all;
            for (const HealthPart& p : m_.health.parts)
                if (p.score) append(all, src_->of(fmt::format("health_{}", p.name)));
            (*src_)["health"] = std::move(all);
            data_pct_sources(s_, a_.slug, "health_weights", "health_", m_.health.parts,
                             (*src_)["health_data_pct"], src_->derived["health_data_pct"]);
            // The figures that are the inputs of a health part.
            (*src_)["nps"] = src_->of("health_nps");
            (*src_)["days_since_review"] = src_->of("health_review");
            (*src_)["max_risk"] = src_->of("health_risk");
            (*src_)["win_rate_value_pct"] = src_->of("win_rate_pct");
        }
        return std::move(m_);
    }

  private:
    template <typename T>
    static Figure<T> none(std::string why) {
        return Figure<T>::none(std::move(why));
    }

    std::string_view currency_of(const std::optional<std::string>& own) const {
        return own ? std::string_view(*own) : std::string_view(currency_);
    }

    void revenue() {
        const int fy = latest_complete_fiscal_year(as_of_, s_.fiscal_year_start);
        m_.fiscal_year = fy;
        m_.ytd_year = fy + 1;
        if (!a_.performance) {
            m_.ytd_revenue = m_.run_rate = none<Money>("no performance.yaml");
            m_.annual_revenue = m_.prior_revenue = none<Money>("no performance.yaml");
            m_.growth_pct = m_.margin_pct = none<Fixed>("no performance.yaml");
            return;
        }
        const auto& rows = a_.performance->financials;
        const auto year = fiscal_year_amounts(rows, fy, s_.fiscal_year_start, fx_, currency_);
        const auto prior = fiscal_year_amounts(rows, fy - 1, s_.fiscal_year_start, fx_, currency_);
        m_.annual_revenue = year ? Figure<Money>::of(year->revenue) : none<Money>(year.reason);
        m_.prior_revenue = prior ? Figure<Money>::of(prior->revenue) : none<Money>(prior.reason);
        if (src_) {
            Sources& annual = (*src_)["annual_revenue"];
            Sources& before = (*src_)["prior_revenue"];
            Sources& margin = (*src_)["margin_pct"];
            if (year)
                for (const Financial* f : year->rows) {
                    annual.push_back(revenue_source(a_, *f));
                    margin.push_back(revenue_source(a_, *f));
                    margin.push_back(cost_source(a_, *f));
                }
            if (prior)
                for (const Financial* f : prior->rows) before.push_back(revenue_source(a_, *f));
            Sources growth = annual;
            append(growth, before);
            (*src_)["growth_pct"] = std::move(growth);
        }
        auto ytd = year_to_date(rows, fy + 1, as_of_, s_.fiscal_year_start, fx_, currency_);
        if (ytd && ytd->months == 0) {
            auto before = year_to_date(rows, fy, as_of_, s_.fiscal_year_start, fx_, currency_);
            if (!before || before->months > 0) ytd = std::move(before);
        }
        if (ytd) {
            m_.ytd_year = ytd->year;
            m_.ytd_months = ytd->months;
            m_.ytd_revenue = ytd->months == 0 ? run_rate(*ytd) : Figure<Money>::of(ytd->revenue);
            m_.run_rate = run_rate(*ytd);
            if (src_) {
                // Both rest on the rows to date (none when no period has begun).
                Sources to_date;
                for (const Financial* f : ytd->rows) to_date.push_back(revenue_source(a_, *f));
                (*src_)["ytd_revenue"] = to_date;
                (*src_)["run_rate"] = std::move(to_date);
            }
        } else {
            m_.ytd_revenue = m_.run_rate = none<Money>(ytd.reason);
        }

        if (!year)
            m_.growth_pct = none<Fixed>(year.reason);
        else if (!prior)
            m_.growth_pct = none<Fixed>(prior.reason);
        else if (prior->revenue.cents <= 0)
            m_.growth_pct = none<Fixed>(
                fmt::format("revenue for {} is not above 0", fiscal_year_label(fy - 1)));
        else
            m_.growth_pct = Figure<Fixed>::of(
                percent_of(static_cast<int128>(year->revenue.cents) - prior->revenue.cents,
                           prior->revenue.cents));

        if (!year)
            m_.margin_pct = none<Fixed>(year.reason);
        else if (!year->cost)
            m_.margin_pct = none<Fixed>(year->cost_reason);
        else if (year->revenue.cents == 0)
            m_.margin_pct = none<Fixed>(fmt::format("revenue for {} is 0", fiscal_year_label(fy)));
        else
            m_.margin_pct = Figure<Fixed>::of(percent_of(
                static_cast<int128>(year->revenue.cents) - year->cost->cents, year->revenue.cents));
    }

    void contracts() {
        if (!a_.contracts) {
            m_.acv = none<Money>("no contracts.yaml");
            m_.next_renewal = m_.notice_deadline = none<Date>("no contracts.yaml");
            m_.next_renewal_value = none<Money>("no contracts.yaml");
            return;
        }
        Money acv;
        std::string acv_error;
        const Contract* next = nullptr;
        Date next_end;
        Money next_value;
        std::string next_value_error;
        for (const Contract& k : *a_.contracts) {
            if (!k.in_force()) continue;
            for (const Sla& sla : k.slas) {
                if (!sla.actual) continue;
                ++in_.slas_measured;
                if (!sla.breached()) ++in_.slas_met;
                if (src_)
                    (*src_)["health_delivery"].push_back(field_source(
                        a_, "contracts.yaml", sla.actual_pos,
                        fmt::format("contracts.{}.slas.{}.actual", k.id, sla.id),
                        fmt::format("{} (target {}{})", number_text(*sla.actual),
                                    number_text(sla.target), sla.breached() ? ", breached" : "")));
            }
            if (src_)
                (*src_)["acv"].push_back(field_source(
                    a_, "contracts.yaml", k.annual_value ? k.annual_value_pos : k.pos,
                    fmt::format("contracts.{}.annual_value", k.id),
                    k.annual_value ? (currency_of(k.currency).empty()
                                          ? k.annual_value->to_decimal()
                                          : fmt::format("{} {}", k.annual_value->to_decimal(),
                                                        currency_of(k.currency)))
                                   : std::string("not written")));
            Money value;
            std::string value_error =
                k.annual_value ? "" : fmt::format("contract {} has no annual_value", k.id);
            if (k.annual_value) {
                auto v = fx_.to_base(*k.annual_value, currency_of(k.currency));
                if (v)
                    value = *v;
                else
                    value_error = v.error();
                if (acv_error.empty()) {
                    auto sum = v ? checked_add(acv, *v) : v;
                    if (sum)
                        acv = *sum;
                    else
                        acv_error = sum.error();
                }
            }
            const std::optional<Date> end = k.current_end(as_of_);
            if (!end || *end < as_of_) continue;
            // Ties on the end day: the earliest notice deadline is the one that matters.
            if (!next || *end < next_end ||
                (*end == next_end && k.notice_days.value_or(0) > next->notice_days.value_or(0))) {
                next = &k;
                next_end = *end;
                next_value = value;
                next_value_error = value_error;
            }
        }
        m_.acv = acv_error.empty() ? Figure<Money>::of(acv) : none<Money>(acv_error);
        if (!next) {
            const std::string why = fmt::format(
                "no active or renewing contract ends on or after {}", as_of_.to_string());
            m_.next_renewal = m_.notice_deadline = none<Date>(why);
            m_.next_renewal_value = none<Money>(why);
            return;
        }
        m_.next_renewal = Figure<Date>::of(next_end);
        m_.next_renewal_contract = next->id;
        if (src_) {
            const Source end = field_source(
                a_, "contracts.yaml", next->end_pos, fmt::format("contracts.{}.end", next->id),
                next->end && *next->end == next_end
                    ? next_end.to_string()
                    : fmt::format("{} (rolled forward to {})",
                                  next->end ? next->end->to_string() : "", next_end.to_string()));
            (*src_)["next_renewal"] = {end};
            Sources notice{end};
            if (next->notice_days)
                notice.push_back(field_source(a_, "contracts.yaml", next->notice_days_pos,
                                              fmt::format("contracts.{}.notice_days", next->id),
                                              std::to_string(*next->notice_days)));
            (*src_)["notice_deadline"] = std::move(notice);
        }
        m_.next_renewal_value = next_value_error.empty() ? Figure<Money>::of(next_value)
                                                         : none<Money>(next_value_error);
        m_.notice_deadline =
            next->notice_days ? Figure<Date>::of(*next->notice_deadline(as_of_))
                              : none<Date>(fmt::format("contract {} has no notice_days", next->id));
    }

    void sales() {
        if (!a_.opportunities) {
            m_.pipeline = m_.weighted_pipeline = none<Money>("no sales.yaml");
            m_.win_rate_pct = m_.win_rate_value_pct = none<Fixed>("no sales.yaml");
            return;
        }
        Money pipeline, weighted;
        std::string error;
        int won = 0, lost = 0;
        for (const Opportunity& o : *a_.opportunities) {
            if ((o.stage == "won" || o.stage == "lost") && o.close &&
                in_window(*o.close, as_of_, 365)) {
                ++(o.stage == "won" ? won : lost);
                if (src_)
                    (*src_)["win_rate_pct"].push_back(
                        field_source(a_, "sales.yaml", o.stage_pos,
                                     fmt::format("sales.opportunities.{}.stage", o.id),
                                     fmt::format("{} (closed {})", o.stage, o.close->to_string())));
                Money& sum = o.stage == "won" ? m_.won_value : m_.lost_value;
                auto v = fx_.to_base(o.value, currency_of(o.currency));
                if (v) v = checked_add(sum, *v);
                if (!v)
                    m_.won_lost_value_error = v.error();
                else
                    sum = *v;
            }
            if (!o.open() || !error.empty()) continue;
            auto v = fx_.to_base(o.value, currency_of(o.currency));
            if (!v) {
                error = v.error();
                continue;
            }
            // value x probability / 100, rounded to cents for each opportunity.
            auto w = weighted_value(*v, o);
            if (w) w = checked_add(weighted, *w);
            v = checked_add(pipeline, *v);
            if (!v || !w) {
                error = v ? w.error() : v.error();
                continue;
            }
            pipeline = *v;
            weighted = *w;
            if (src_) {
                Source value = field_source(
                    a_, "sales.yaml", o.value_pos,
                    fmt::format("sales.opportunities.{}.value", o.id),
                    currency_of(o.currency).empty()
                        ? o.value.to_decimal()
                        : fmt::format("{} {}", o.value.to_decimal(), currency_of(o.currency)));
                (*src_)["pipeline"].push_back(value);
                Sources& ws = (*src_)["weighted_pipeline"];
                ws.push_back(std::move(value));
                ws.push_back(
                    o.probability
                        ? field_source(a_, "sales.yaml", o.probability_pos,
                                       fmt::format("sales.opportunities.{}.probability", o.id),
                                       fmt::format("{}%", number_text(*o.probability)))
                        : field_source(a_, "sales.yaml", o.stage_pos,
                                       fmt::format("sales.opportunities.{}.stage", o.id),
                                       fmt::format("{}: {}% by default", o.stage,
                                                   number_text(o.effective_probability()))));
            }
        }
        m_.pipeline = error.empty() ? Figure<Money>::of(pipeline) : none<Money>(error);
        m_.weighted_pipeline = error.empty() ? Figure<Money>::of(weighted) : none<Money>(error);
        m_.won = won;
        m_.lost = lost;
        m_.win_rate_pct = win_rate(won, lost, as_of_);
        m_.win_rate_value_pct = win_rate_by_value(m_.won_value, m_.lost_value, won + lost,
                                                  m_.won_lost_value_error, as_of_);
    }

    void risks() {
        if (!a_.risks) {
            m_.risk_exposure = m_.max_risk = none<int64_t>("no risks.yaml");
            return;
        }
        in_.risk_register = true;
        int64_t exposure = 0;
        int max = 0;
        for (const Risk& r : *a_.risks) {
            if (!r.live()) continue;
            exposure += r.score();
            max = std::max(max, r.score());
        }
        if (src_) {
            Sources& exposure_sources = (*src_)["risk_exposure"];
            for (const Risk& r : *a_.risks)
                if (r.live())
                    exposure_sources.push_back(
                        field_source(a_, "risks.yaml", r.pos, fmt::format("risks.{}", r.id),
                                     fmt::format("likelihood {} x impact {} = {} ({})",
                                                 r.likelihood, r.impact, r.score(), r.status)));
            Sources& risk = (*src_)["health_risk"];
            for (const Risk& r : *a_.risks)
                if (r.live() && r.score() == max && max > 0)
                    risk.push_back(
                        field_source(a_, "risks.yaml", r.pos, fmt::format("risks.{}", r.id),
                                     fmt::format("likelihood {} x impact {} = {} ({})",
                                                 r.likelihood, r.impact, r.score(), r.status)));
            if (max == 0)
                risk.push_back(field_source(a_, "risks.yaml", Pos{}, "risks", "no live risk"));
        }
        in_.max_live_risk = max;
        m_.risk_exposure = Figure<int64_t>::of(exposure);
        m_.max_risk = max > 0 ? Figure<int64_t>::of(max) : none<int64_t>("no live risk");
    }

    void surveys() {
        const int window = s_.policy.survey_every_days;
        if (!a_.reviews) {
            m_.nps = m_.csat = none<Fixed>("no reviews.yaml");
            in_.nps_reason = "no reviews.yaml";
            return;
        }
        std::vector<Decimal> csats;
        for (const Survey& s : a_.reviews->surveys) {
            if (!in_window(s.date, as_of_, window)) continue;
            if (s.nps) {
                if (src_)
                    (*src_)["health_nps"].push_back(
                        field_source(a_, "reviews.yaml", s.nps_pos,
                                     fmt::format("reviews.surveys.{}.nps", s.index),
                                     fmt::format("{} ({})", *s.nps, s.date.to_string())));
                ++in_.responses;
                if (*s.nps >= 9)
                    ++in_.promoters;
                else if (*s.nps <= 6)
                    ++in_.detractors;
            }
            if (s.csat) csats.push_back(decimal_from_double(*s.csat));
            if (s.csat && src_)
                (*src_)["csat"].push_back(field_source(
                    a_, "reviews.yaml", s.csat_pos, fmt::format("reviews.surveys.{}.csat", s.index),
                    fmt::format("{} ({})", number_text(*s.csat), s.date.to_string())));
        }
        m_.nps_n = in_.responses;
        m_.csat_n = static_cast<int>(csats.size());
        if (in_.responses == 0) {
            in_.nps_reason = fmt::format("no survey with an nps in the last {} days", window);
            m_.nps = none<Fixed>(in_.nps_reason);
        } else {
            m_.nps = Figure<Fixed>::of(percent_of(in_.promoters - in_.detractors, in_.responses));
        }
        if (csats.empty()) {
            m_.csat = none<Fixed>(fmt::format("no survey with a csat in the last {} days", window));
            return;
        }
        // The mean of exact decimals, to two places.
        int scale = 0;
        for (const Decimal& d : csats) scale = std::max(scale, d.scale);
        int128 sum = 0;
        const int128 unit = pow10(scale);
        for (const Decimal& d : csats) sum += d.units * pow10(scale - d.scale);
        m_.csat = Figure<Fixed>::of(Fixed{
            static_cast<int64_t>(round_div(sum * 100, unit * static_cast<int128>(csats.size()))),
            2});
    }

    void reviews() {
        if (!a_.reviews) {
            m_.days_since_review = none<int64_t>("no reviews.yaml");
            in_.review_reason = m_.days_since_review.reason;
            return;
        }
        const std::optional<Date> latest = a_.latest_review(as_of_);
        if (!latest) {
            m_.days_since_review = none<int64_t>(
                fmt::format("no progress review on or before {}", as_of_.to_string()));
            in_.review_reason = m_.days_since_review.reason;
            return;
        }
        m_.days_since_review = Figure<int64_t>::of(as_of_ - *latest);
        if (src_)
            for (const Review& r : a_.reviews->reviews)
                if (r.date == *latest)
                    (*src_)["health_review"].push_back(
                        field_source(a_, "reviews.yaml", r.date_pos,
                                     fmt::format("reviews.reviews.{}.date", r.index),
                                     fmt::format("{} ({} days before {})", r.date.to_string(),
                                                 as_of_ - r.date, as_of_.to_string())));
        in_.days_since_review = as_of_ - *latest;
    }

    void coverage() {
        if (!a_.profile) {
            m_.coverage_pct = none<Fixed>("no profile.yaml");
            in_.coverage_reason = m_.coverage_pct.reason;
            return;
        }
        for (const Person& p : a_.profile->people) {
            if (p.role != "decision-maker" || !p.current(as_of_)) continue;
            ++in_.decision_makers;
            if (p.relationship == "strong" || p.relationship == "good") ++in_.covered;
            if (src_) (*src_)["coverage_pct"].push_back(person_source(a_, p, "relationship"));
        }
        m_.coverage_pct = in_.decision_makers == 0
                              ? none<Fixed>("no decision-maker in profile.yaml")
                              : Figure<Fixed>::of(percent_of(in_.covered, in_.decision_makers));
        in_.coverage_reason = m_.coverage_pct.reason;
    }

    const Account& a_;
    const PortfolioSettings& s_;
    Date as_of_;
    Converter fx_;
    std::string currency_;
    AccountMetrics m_;
    HealthInputs in_;
    FigureSources* src_;
};

}  // namespace

AccountMetrics compute_account_metrics(const Account& account, const PortfolioSettings& settings,
                                       Date as_of) {
    return Calculator(account, settings, as_of).run();
}

AccountMetrics compute_account_metrics(const Account& account, const PortfolioSettings& settings,
                                       Date as_of, FigureSources& sources) {
    return Calculator(account, settings, as_of, &sources).run();
}

AccountMetrics compute_account_metrics_in_own_currency(const Account& account,
                                                       const PortfolioSettings& settings,
                                                       Date as_of) {
    const std::string own = account_currency(account);
    if (own.empty() || own == settings.currency)
        return compute_account_metrics(account, settings, as_of);
    PortfolioSettings s = settings;
    s.currency = own;
    s.fx.clear();
    s.fx_text.clear();
    return compute_account_metrics(account, s, as_of);
}

}  // namespace kam
