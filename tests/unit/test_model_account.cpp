// The domain rules that live on the model's records (model/account.hpp):
// each is the one home that the checks, the alerts and the reports call.
#include <doctest/doctest.h>

#include "kam/model/account.hpp"
#include "kam/model/schema.hpp"

using namespace kam;

namespace {

Date day(int y, int m, int d) {
    return Date::from_ymd(y, m, d);
}

}  // namespace

TEST_CASE(
    "a contract is in force while active or renewing, and due when its end or notice is near") {
    Contract k;
    k.status = "active";
    k.end = day(2026, 3, 31);
    CHECK(k.in_force());
    const Date as_of = day(2026, 1, 1);
    CHECK(k.renewal_due(as_of, 89));  // ends on day 89
    CHECK_FALSE(k.renewal_due(as_of, 88));
    k.notice_days = 60;  // notice by 2026-01-30, day 29
    CHECK(k.renewal_due(as_of, 29));
    CHECK_FALSE(k.renewal_due(as_of, 28));
    k.status = "renewing";
    CHECK(k.renewal_due(as_of, 29));
    k.status = "expired";
    CHECK_FALSE(k.in_force());
    CHECK_FALSE(k.renewal_due(as_of, 365));
    k.status = "active";
    k.end.reset();  // open-ended: never due
    CHECK_FALSE(k.renewal_due(as_of, 365));
}

TEST_CASE("review-overdue: key and strategic accounts, not lost or prospect, past the interval") {
    Account a;
    a.cover.tier = "key";
    a.cover.status = "active";
    const Date as_of = day(2026, 6, 30);
    CHECK(a.reviews_expected());
    CHECK(a.review_overdue(as_of, 90));  // no review and no client_since
    a.cover.client_since = as_of - 90;   // a client for 90 days: not yet
    CHECK_FALSE(a.review_overdue(as_of, 90));
    a.reviews = Reviews{};
    a.reviews->reviews.push_back(
        {as_of - 91, "progress", "", {}, {}, std::nullopt, {}, 0, {}, {}, {}});
    a.reviews->reviews.push_back(
        {as_of + 1, "progress", "", {}, {}, std::nullopt, {}, 0, {}, {}, {}});
    CHECK(a.latest_review(as_of) == as_of - 91);  // a review after the as-of day does not count
    CHECK(a.review_overdue(as_of, 90));
    CHECK_FALSE(a.review_overdue(as_of, 91));
    a.cover.tier = "growth";
    CHECK_FALSE(a.review_overdue(as_of, 90));
    a.cover.tier = "strategic";
    a.cover.status = "prospect";
    CHECK_FALSE(a.review_overdue(as_of, 90));
}

TEST_CASE("open actions and live risks are overdue once their day has passed") {
    const Date as_of = day(2026, 6, 30);
    Action x;
    x.status = "open";
    x.due = as_of;
    CHECK_FALSE(x.overdue(as_of));
    x.due = as_of - 1;
    CHECK(x.overdue(as_of));
    x.status = "done";
    CHECK_FALSE(x.overdue(as_of));

    Risk r;
    r.status = "open";
    r.review = as_of - 1;
    CHECK(r.review_overdue(as_of));
    r.status = "closed";
    CHECK_FALSE(r.review_overdue(as_of));
    r.status.clear();  // invalid, reported already
    CHECK_FALSE(r.review_overdue(as_of));
}

TEST_CASE("the open stages are the pipeline's, in order") {
    Opportunity o;
    for (std::string_view s : k_open_stages) {
        o.stage = std::string(s);
        CHECK(o.open());
    }
    o.close = Date::from_ymd(2026, 6, 29);
    CHECK(o.stale(Date::from_ymd(2026, 6, 30)));  // open, its close day passed
    CHECK_FALSE(o.stale(Date::from_ymd(2026, 6, 29)));
    o.stage = "won";
    CHECK_FALSE(o.open());
    CHECK_FALSE(o.stale(Date::from_ymd(2026, 6, 30)));
    CHECK(k_open_stages.front() == "lead");
    CHECK(k_open_stages.back() == "negotiation");
}

TEST_CASE("a field's range is one test for the schema check and the model builder") {
    const FieldSpec likelihood{.key = "likelihood", .type = FieldType::integer, .min = 1, .max = 5};
    CHECK(likelihood.in_range(1));
    CHECK(likelihood.in_range(5));
    CHECK_FALSE(likelihood.in_range(0));
    CHECK_FALSE(likelihood.in_range(6));
    const FieldSpec rate{.key = "rate", .type = FieldType::number, .min = 0, .min_exclusive = true};
    CHECK_FALSE(rate.in_range(0));
    CHECK(rate.in_range(0.5));
    const FieldSpec share{.key = "share", .type = FieldType::percent};
    CHECK(share.in_range(0));
    CHECK(share.in_range(100));
    CHECK_FALSE(share.in_range(100.5));
}
