// validate --new-since: findings are matched by rule, account, file and
// message, never by line numbers.
#include <doctest/doctest.h>

#include "kam/check/baseline.hpp"

using namespace kam;

namespace {
Diagnostic finding(Rule rule, uint32_t line, std::string message) {
    Diagnostic d;
    d.rule = rule;
    d.path = "accounts/acme/risks.yaml";
    d.account = "acme";
    d.line = line;
    d.message = std::move(message);
    return d;
}
}  // namespace

TEST_CASE("a finding that only moved is not new; one the change made is") {
    const std::vector<Diagnostic> before = {
        finding(Rule::schema_enum, 4, "status 'opn' is not one of open, closed"),
        finding(Rule::id_duplicate, 9, "id R1 again (first at line 2)")};
    const std::vector<Diagnostic> after = {
        finding(Rule::schema_enum, 14, "status 'opn' is not one of open, closed"),
        finding(Rule::id_duplicate, 19, "id R1 again (first at line 12)"),
        finding(Rule::schema_enum, 30, "status 'clsed' is not one of open, closed")};
    const auto fresh = new_findings(after, before);
    REQUIRE(fresh.size() == 1);
    CHECK(fresh[0].line == 30);
}

TEST_CASE("identical findings are counted") {
    const Diagnostic d =
        finding(Rule::risk_review_overdue, 3, "risk R1 was not reviewed for 120 days");
    const auto fresh = new_findings({d, d, d}, {d, d});
    CHECK(fresh.size() == 1);
    CHECK(new_findings({d}, {d, d}).empty());
}

TEST_CASE("the same message in another account or file is another finding") {
    Diagnostic a = finding(Rule::schema_enum, 4, "status 'opn' is not one of open, closed");
    Diagnostic b = a;
    b.account = "beta";
    b.path = "accounts/beta/risks.yaml";
    CHECK(new_findings({b}, {a}).size() == 1);
    CHECK(finding_fingerprint(a) != finding_fingerprint(b));
}
