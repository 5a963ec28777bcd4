#include "kam/model/account.hpp"

#include <algorithm>

namespace kam {

double Opportunity::effective_probability() const {
    if (probability) return *probability;
    // The format's defaults by stage.
    if (stage == "lead") return 10;
    if (stage == "qualified") return 25;
    if (stage == "proposal") return 50;
    if (stage == "negotiation") return 75;
    if (stage == "won") return 100;
    return 0;
}

std::optional<Date> Contract::current_end(Date as_of) const {
    if (!end || *end >= as_of || !auto_renew.value_or(false)) return end;
    const int64_t term = renewal_term_months.value_or(k_default_renewal_term_months);
    if (term <= 0) return end;
    // The k-th renewal ends the day before the day k terms after the first day
    // after `end`; counted from `end` so that month ends do not drift.
    const Date first = *end + 1;
    Date last = *end;
    for (int64_t k = 1; last < as_of; ++k) last = add_months(first, k * term) - 1;
    return last;
}

std::optional<Date> Contract::notice_deadline(Date as_of) const {
    const auto last = current_end(as_of);
    if (!last) return std::nullopt;
    return *last - static_cast<int>(notice_days.value_or(0));
}

bool Contract::renewal_due(Date as_of, int within) const {
    const std::optional<Date> last = current_end(as_of);
    if (!in_force() || !last) return false;
    auto inside = [&](Date d) { return d >= as_of && d - as_of <= within; };
    return inside(*last) || (notice_days && inside(*notice_deadline(as_of)));
}

bool Account::reviews_expected() const {
    return (cover.tier == "key" || cover.tier == "strategic") && cover.status != "lost" &&
           cover.status != "prospect";
}

std::optional<Date> Account::latest_review(Date as_of) const {
    std::optional<Date> latest;
    if (reviews)
        for (const Review& r : reviews->reviews)
            if (r.date <= as_of && (!latest || r.date > *latest)) latest = r.date;
    return latest;
}

bool Account::review_overdue(Date as_of, int every_days) const {
    if (!reviews_expected()) return false;
    if (const auto latest = latest_review(as_of)) return as_of - *latest > every_days;
    return !cover.client_since || as_of - *cover.client_since > every_days;
}

bool Account::has_file(std::string_view section) const {
    return std::find(present_files.begin(), present_files.end(), section) != present_files.end();
}

std::string Account::file_path(std::string_view file) const {
    return dir.empty() ? std::string(file) : dir + "/" + std::string(file);
}

}  // namespace kam
