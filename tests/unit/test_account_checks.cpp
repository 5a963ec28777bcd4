// The checks of the format's section 5, on a whole account loaded from an
// in-memory tree: each rule fires exactly where expected, and a clean account
// gives no finding at all. The as-of day is fixed: 2026-06-15.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "kam/check/account_checks.hpp"
#include "kam/check/rules.hpp"
#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/model/build.hpp"
#include "kam/portfolio/load.hpp"

using namespace kam;

namespace {

const char* const k_kam_yaml = "kam: 1\nname: Portfolio\ncurrency: EUR\nfx:\n  USD: 0.92\n";

// A clean key account; line numbers are noted for the positions below.
std::map<std::string, std::string> clean_files() {
    return {
        {"account.yaml",
         "name: Acme Manufacturing\n"  // 1
         "status: active\n"            // 2
         "tier: key\n"                 // 3
         "manager: Dana Whitfield\n"   // 4
         "client_since: 2019-04-01\n"  // 5
         "currency: USD\n"},           // 6
        {"profile.yaml",
         "industry: Machinery\n"           // 1
         "people:\n"                       // 2
         "  - id: P1\n"                    // 3
         "    name: Jordan Lee\n"          // 4
         "    role: decision-maker\n"      // 5
         "    relationship: good\n"        // 6
         "    last_contact: 2026-06-01\n"  // 7
         "  - id: P2\n"                    // 8
         "    name: Sam Roe\n"             // 9
         "    role: influencer\n"          // 10
         "    last_contact: 2025-01-01\n"  // 11
         // A second strong relationship, owned by someone else: not single-threaded.
         "    relationship: strong\n"  // 12
         "    owner: Lou Park\n"},     // 13
        {"swot.yaml", "strengths:\n  - Trusted by operations\n"},
        {"blueprint.yaml",
         "goals:\n"                     // 1
         "  - id: G1\n"                 // 2
         "    title: Grow services\n"   // 3
         "    status: on-track\n"       // 4
         "actions:\n"                   // 5
         "  - id: A1\n"                 // 6
         "    title: Value workshop\n"  // 7
         "    status: open\n"           // 8
         "    due: 2026-07-01\n"        // 9
         "    goal: G1\n"               // 10
         "  - id: A2\n"                 // 11
         "    title: Old workshop\n"    // 12
         "    status: done\n"           // 13
         "    due: 2026-01-01\n"},      // 14
        {"risks.yaml",
         "risks:\n"                       // 1
         "  - id: R1\n"                   // 2
         "    title: Sponsor retiring\n"  // 3
         "    likelihood: 3\n"            // 4
         "    impact: 4\n"                // 5
         "    status: open\n"             // 6
         "    review: 2026-07-01\n"       // 7
         "    contract: C1\n"             // 8
         "  - id: R2\n"                   // 9
         "    title: Old risk\n"          // 10
         "    likelihood: 1\n"            // 11
         "    impact: 1\n"                // 12
         "    status: closed\n"           // 13
         "    review: 2025-01-01\n"},     // 14
        {"contracts.yaml",
         "contracts:\n"                    // 1
         "  - id: C1\n"                    // 2
         "    title: MSA\n"                // 3
         "    status: active\n"            // 4
         "    start: 2025-01-01\n"         // 5
         "    end: 2027-12-31\n"           // 6
         "    notice_days: 90\n"           // 7
         "    annual_value: 1200000.00\n"  // 8
         "    currency: USD\n"             // 9
         "  - id: C2\n"                    // 10
         "    title: Old SOW\n"            // 11
         "    status: expired\n"           // 12
         "    start: 2020-01-01\n"         // 13
         "    end: 2021-12-31\n"},         // 14
        {"performance.yaml",
         "financials:\n"                    // 1
         "  - period: 2025\n"               // 2
         "    revenue: 1850000.00\n"        // 3
         "    cost: 1310000.00\n"           // 4
         "issues:\n"                        // 5
         "  - id: I1\n"                     // 6
         "    title: Late shipments\n"      // 7
         "    severity: medium\n"           // 8
         "    status: resolved\n"           // 9
         "    opened: 2026-03-20\n"         // 10
         "    resolved_on: 2026-04-02\n"},  // 11
        {"sales.yaml",
         "opportunities:\n"                                                                    // 1
         "  - id: O1\n"                                                                        // 2
         "    title: Pilot\n"                                                                  // 3
         "    stage: proposal\n"                                                               // 4
         "    value: 250000.00\n"                                                              // 5
         "    contact: P1\n"                                                                   // 6
         "    qualification: {budget: true, authority: true, need: true, timeline: true}\n"    // 7
         "  - id: O2\n"                                                                        // 8
         "    title: Old deal\n"                                                               // 9
         "    stage: lost\n"                                                                   // 10
         "    value: 1000\n"                                                                   // 11
         "    lost_reason: Price\n"                                                            // 12
         "  - id: O3\n"                                                                        // 13
         "    title: Won deal\n"                                                               // 14
         "    stage: won\n"                                                                    // 15
         "    value: 5000\n"                                                                   // 16
         "    qualification: {budget: true, authority: true, need: true, timeline: true}\n"},  // 17
        {"reviews.yaml",
         "reviews:\n"              // 1
         "  - date: 2026-05-01\n"  // 2
         "    type: qbr\n"         // 3
         "surveys:\n"              // 4
         "  - date: 2026-04-01\n"  // 5
         "    respondent: P1\n"    // 6
         "    nps: 9\n"},          // 7
    };
}

PortfolioSettings settings_from(std::string_view kam_yaml) {
    DiagnosticSink sink("kam.yaml");
    const auto root = load_yaml(kam_yaml, sink, default_event_source());
    REQUIRE(root.has_value());
    REQUIRE(sink.items().empty());
    return build_settings(*root);
}

struct Fixture {
    std::map<std::string, std::string> files = clean_files();
    PortfolioSettings settings = settings_from(k_kam_yaml);
    Date as_of = *parse_date("2026-06-15");
    Account account;

    // Replaces the one occurrence of `from` in `file`.
    void replace(const std::string& file, std::string_view from, std::string_view to) {
        REQUIRE(files.count(file));
        std::string& text = files[file];
        const size_t at = text.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, from);
        REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, from);
        text.replace(at, from.size(), to);
    }

    std::vector<Diagnostic> run() {
        MemoryFileSystem fs;
        for (const auto& [name, text] : files) fs.add_file("p/accounts/acme/" + name, text);
        std::vector<Diagnostic> out;
        account = load_account(fs, "p/accounts/acme", "accounts/acme", "acme", settings, as_of,
                               default_event_source(), out);
        return out;
    }
};

void print(const std::vector<Diagnostic>& found) {
    for (const Diagnostic& d : found)
        MESSAGE(d.path << ":" << d.line << ":" << d.column << ": " << severity_name(d.severity)
                       << ": " << d.message << " [" << d.rule << "]");
}

// Exactly one finding: `rule` in `file` at line:column, with `severity`.
Diagnostic exactly(const std::vector<Diagnostic>& found, Rule rule, std::string_view file,
                   uint32_t line, uint32_t column, Severity severity) {
    if (found.size() != 1) print(found);
    REQUIRE(found.size() == 1);
    const Diagnostic& d = found.front();
    CHECK(d.rule == rule);
    CHECK(d.path == "accounts/acme/" + std::string(file));
    CHECK(d.line == line);
    CHECK(d.column == column);
    CHECK(d.severity == severity);
    CHECK(d.account == "acme");
    CHECK_FALSE(d.message.empty());
    return d;
}

std::vector<Diagnostic> of_rule(const std::vector<Diagnostic>& found, Rule rule) {
    std::vector<Diagnostic> out;
    for (const Diagnostic& d : found)
        if (d.rule == rule) out.push_back(d);
    return out;
}

bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a clean account gives no finding") {
    Fixture f;
    const auto found = f.run();
    print(found);
    CHECK(found.empty());
    CHECK_FALSE(f.account.has_errors);
    CHECK(f.account.cover_ok);
    CHECK(f.account.present_files.size() == 9);
    REQUIRE(f.account.contracts.has_value());
    CHECK(f.account.contracts->size() == 2);
}

TEST_CASE("id-duplicate: an id used twice in one list, reported at the second") {
    {
        Fixture f;
        f.replace("profile.yaml", "  - id: P2", "  - id: P1");
        const Diagnostic d =
            exactly(f.run(), Rule::id_duplicate, "profile.yaml", 8, 9, Severity::error);
        CHECK(contains(d.message, "P1"));
        CHECK(contains(d.message, "line 3"));
        CHECK(f.account.has_errors);
    }
    {
        Fixture f;
        f.replace("contracts.yaml", "  - id: C2", "  - id: C1");
        exactly(f.run(), Rule::id_duplicate, "contracts.yaml", 10, 9, Severity::error);
    }
    {
        Fixture f;
        f.replace("blueprint.yaml", "  - id: A2", "  - id: A1");
        exactly(f.run(), Rule::id_duplicate, "blueprint.yaml", 11, 9, Severity::error);
    }
    {
        // A financial period is unique per account.
        Fixture f;
        f.replace("performance.yaml", "    cost: 1310000.00\n",
                  "    cost: 1310000.00\n  - period: 2025\n    revenue: 1\n");
        const auto found = f.run();
        const auto dup = of_rule(found, Rule::id_duplicate);
        REQUIRE(dup.size() == 1);
        CHECK(dup[0].line == 5);
        CHECK(dup[0].column == 13);
        CHECK(dup.size() == found.size());
    }
    {
        // The same id in different lists is fine.
        Fixture f;
        f.replace("blueprint.yaml", "  - id: A1", "  - id: G1");
        CHECK(f.run().empty());
    }
}

TEST_CASE("ref-dangling: action.goal, risk.contract, opportunity.contact, survey.respondent") {
    {
        Fixture f;
        f.replace("blueprint.yaml", "    goal: G1", "    goal: G9");
        const Diagnostic d =
            exactly(f.run(), Rule::ref_dangling, "blueprint.yaml", 10, 11, Severity::error);
        CHECK(contains(d.message, "G9"));
        CHECK(contains(d.hint, "G1"));
    }
    {
        Fixture f;
        f.replace("risks.yaml", "    contract: C1", "    contract: C9");
        const Diagnostic d =
            exactly(f.run(), Rule::ref_dangling, "risks.yaml", 8, 15, Severity::error);
        CHECK(contains(d.message, "C9"));
        CHECK(contains(d.hint, "C1"));
        CHECK(contains(d.hint, "C2"));
    }
    {
        Fixture f;
        f.replace("sales.yaml", "    contact: P1", "    contact: P9");
        exactly(f.run(), Rule::ref_dangling, "sales.yaml", 6, 14, Severity::error);
    }
    {
        Fixture f;
        f.replace("reviews.yaml", "    respondent: P1", "    respondent: P9");
        exactly(f.run(), Rule::ref_dangling, "reviews.yaml", 6, 17, Severity::error);
    }
    {
        // The target file is absent: still dangling, and the message says so.
        Fixture f;
        f.files.erase("contracts.yaml");
        f.replace("account.yaml", "tier: key", "tier: growth");  // no section-required
        const Diagnostic d =
            exactly(f.run(), Rule::ref_dangling, "risks.yaml", 8, 15, Severity::error);
        CHECK(contains(d.message, "none"));
    }
    {
        Fixture f;
        f.files.erase("profile.yaml");
        f.replace("account.yaml", "tier: key", "tier: growth");
        const auto found = f.run();
        if (found.size() != 2) print(found);
        REQUIRE(found.size() == 2);
        CHECK(found[0].rule == Rule::ref_dangling);
        CHECK(found[0].path == "accounts/acme/sales.yaml");
        CHECK(found[1].rule == Rule::ref_dangling);
        CHECK(found[1].path == "accounts/acme/reviews.yaml");
    }
}

TEST_CASE("date-order: an end before its start") {
    {
        Fixture f;
        f.replace("contracts.yaml", "    end: 2021-12-31", "    end: 2019-12-31");
        const Diagnostic d =
            exactly(f.run(), Rule::date_order, "contracts.yaml", 14, 10, Severity::error);
        CHECK(contains(d.message, "C2"));
    }
    {
        // Ending on the day it starts is fine.
        Fixture f;
        f.replace("contracts.yaml", "    end: 2021-12-31", "    end: 2020-01-01");
        CHECK(f.run().empty());
    }
    {
        Fixture f;
        f.replace("account.yaml", "status: active", "status: lost");
        f.files["account.yaml"] += "lost_on: 2019-01-01\n";  // line 7, before client_since
        const Diagnostic d =
            exactly(f.run(), Rule::date_order, "account.yaml", 7, 10, Severity::error);
        CHECK(contains(d.message, "2019-04-01"));
    }
    {
        Fixture f;
        f.replace("performance.yaml", "    resolved_on: 2026-04-02", "    resolved_on: 2026-03-01");
        exactly(f.run(), Rule::date_order, "performance.yaml", 11, 18, Severity::error);
    }
}

TEST_CASE("lost-needs-date: status lost without lost_on") {
    {
        Fixture f;
        f.replace("account.yaml", "status: active", "status: lost");
        const Diagnostic d =
            exactly(f.run(), Rule::lost_needs_date, "account.yaml", 2, 9, Severity::error);
        CHECK(contains(d.message, "lost_on"));
    }
    {
        Fixture f;
        f.replace("account.yaml", "status: active", "status: lost");
        f.files["account.yaml"] += "lost_on: 2026-01-31\n";
        CHECK(f.run().empty());  // and a lost account is not judged on reviews or contacts
    }
}

TEST_CASE("fx-missing: a currency with no rate in kam.yaml") {
    {
        Fixture f;
        f.replace("contracts.yaml", "    currency: USD", "    currency: GBP");
        const Diagnostic d =
            exactly(f.run(), Rule::fx_missing, "contracts.yaml", 9, 15, Severity::error);
        CHECK(contains(d.message, "GBP"));
        CHECK(contains(d.hint, "GBP"));
    }
    {
        Fixture f;
        f.replace("account.yaml", "currency: USD", "currency: CHF");
        exactly(f.run(), Rule::fx_missing, "account.yaml", 6, 11, Severity::error);
    }
    {
        Fixture f;
        f.replace("sales.yaml", "    contact: P1", "    contact: P1\n    currency: JPY");
        exactly(f.run(), Rule::fx_missing, "sales.yaml", 7, 15, Severity::error);
    }
    {
        Fixture f;
        f.replace("performance.yaml", "    cost: 1310000.00",
                  "    cost: 1310000.00\n    currency: SEK");
        exactly(f.run(), Rule::fx_missing, "performance.yaml", 5, 15, Severity::error);
    }
    {
        // The base currency needs no rate.
        Fixture f;
        f.replace("account.yaml", "currency: USD", "currency: EUR");
        f.replace("contracts.yaml", "    currency: USD", "    currency: EUR");
        CHECK(f.run().empty());
    }
}

TEST_CASE("section-required: sections the tier's policy asks for") {
    {
        Fixture f;
        f.files.erase("swot.yaml");
        const Diagnostic d =
            exactly(f.run(), Rule::section_required, "account.yaml", 1, 1, Severity::warning);
        CHECK(contains(d.message, "swot"));
        CHECK_FALSE(f.account.has_errors);  // a warning only
    }
    {
        Fixture f;
        f.files.erase("swot.yaml");
        f.replace("account.yaml", "tier: key", "tier: strategic");
        exactly(f.run(), Rule::section_required, "account.yaml", 1, 1, Severity::warning);
    }
    {
        // By default only key and strategic accounts have requirements.
        Fixture f;
        f.files.erase("swot.yaml");
        f.files.erase("profile.yaml");
        f.files.erase("sales.yaml");
        f.files.erase("reviews.yaml");
        f.replace("account.yaml", "tier: key", "tier: growth");
        CHECK(f.run().empty());
    }
    {
        // A portfolio's own policy replaces the default.
        Fixture f;
        f.settings = settings_from(std::string(k_kam_yaml) +
                                   "policy:\n  require:\n    growth: [performance]\n");
        f.files.erase("performance.yaml");
        f.files.erase("swot.yaml");  // key has no requirements any more
        f.replace("account.yaml", "tier: key", "tier: growth");
        const Diagnostic d =
            exactly(f.run(), Rule::section_required, "account.yaml", 1, 1, Severity::warning);
        CHECK(contains(d.message, "performance"));
    }
}

TEST_CASE("contract-expired: an active contract whose end has passed") {
    {
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-06-14");
        const Diagnostic d =
            exactly(f.run(), Rule::contract_expired, "contracts.yaml", 6, 10, Severity::warning);
        CHECK(contains(d.message, "C1"));
    }
    {
        // Its last day is the as-of day: not expired yet (notice long passed, though).
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-06-15");
        f.replace("contracts.yaml", "    notice_days: 90\n", "");
        CHECK(f.run().empty());
    }
    {
        // Only active contracts: a renewing one past its end is not flagged.
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-01-31");
        f.replace("contracts.yaml", "    status: active", "    status: renewing");
        CHECK(f.run().empty());
    }
    {
        // An auto-renewing contract rolls on by its renewal term: 2026-01-31
        // plus 12 months is 2027-01-31, after the as-of day. Not expired.
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-01-31");
        f.replace("contracts.yaml", "    notice_days: 90",
                  "    notice_days: 90\n    auto_renew: true\n    renewal_term_months: 12");
        CHECK(f.run().empty());
    }
    {
        // Without a term the default is 12 months too.
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-01-31");
        f.replace("contracts.yaml", "    notice_days: 90",
                  "    notice_days: 90\n    auto_renew: true");
        CHECK(f.run().empty());
    }
}

TEST_CASE("notice-passed: an active, not auto-renewing contract past its notice deadline") {
    {
        // 2026-08-01 minus 90 days is 2026-05-03.
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-08-01");
        const Diagnostic d =
            exactly(f.run(), Rule::notice_passed, "contracts.yaml", 6, 10, Severity::warning);
        CHECK(contains(d.message, "2026-05-03"));
    }
    {
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-08-01");
        f.replace("contracts.yaml", "    notice_days: 90",
                  "    notice_days: 90\n    auto_renew: true");
        CHECK(f.run().empty());
    }
    {
        // auto_renew: false is the same as absent.
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-08-01");
        f.replace("contracts.yaml", "    notice_days: 90",
                  "    notice_days: 90\n    auto_renew: false");
        exactly(f.run(), Rule::notice_passed, "contracts.yaml", 6, 10, Severity::warning);
    }
    {
        // 2026-09-13 minus 90 days is the as-of day: the deadline has not passed.
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-09-13");
        CHECK(f.run().empty());
        f.replace("contracts.yaml", "    end: 2026-09-13", "    end: 2026-09-12");
        exactly(f.run(), Rule::notice_passed, "contracts.yaml", 6, 10, Severity::warning);
    }
    {
        // No notice period: nothing to miss.
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-08-01");
        f.replace("contracts.yaml", "    notice_days: 90\n", "");
        CHECK(f.run().empty());
    }
}

TEST_CASE("a notice deadline before year 1 is a finding, and no date is made of it") {
    Fixture f;
    f.replace("contracts.yaml", "    start: 2020-01-01\n    end: 2021-12-31",
              "    start: 0040-01-01\n    end: 0050-01-01\n    notice_days: 36500");
    const Diagnostic d =
        exactly(f.run(), Rule::schema_range, "contracts.yaml", 15, 18, Severity::error);
    CHECK(d.message ==
          "contract C2's notice deadline (end 0050-01-01 minus 36500 days) falls before year 1");
    const Account& a = f.account;
    REQUIRE(a.contracts);
    CHECK_FALSE((*a.contracts)[1].notice_days);
    CHECK((*a.contracts)[1].notice_deadline(*parse_date("2026-06-15"))->year() == 50);
}

TEST_CASE("review-overdue: key and strategic accounts need a recent progress review") {
    {
        // 2026-01-01 to 2026-06-15 is 165 days.
        Fixture f;
        f.replace("reviews.yaml", "  - date: 2026-05-01", "  - date: 2026-01-01");
        const Diagnostic d =
            exactly(f.run(), Rule::review_overdue, "reviews.yaml", 1, 1, Severity::warning);
        CHECK(contains(d.message, "165"));
    }
    {
        Fixture f;
        f.replace("reviews.yaml", "  - date: 2026-05-01", "  - date: 2026-03-17");  // 90 days ago
        CHECK(f.run().empty());
        f.replace("reviews.yaml", "  - date: 2026-03-17", "  - date: 2026-03-16");  // 91 days ago
        exactly(f.run(), Rule::review_overdue, "reviews.yaml", 1, 1, Severity::warning);
    }
    {
        Fixture f;
        f.replace("reviews.yaml", "  - date: 2026-05-01", "  - date: 2026-01-01");
        f.replace("account.yaml", "tier: key", "tier: strategic");
        exactly(f.run(), Rule::review_overdue, "reviews.yaml", 1, 1, Severity::warning);
    }
    {
        Fixture f;
        f.replace("reviews.yaml", "  - date: 2026-05-01", "  - date: 2026-01-01");
        f.replace("account.yaml", "tier: key", "tier: growth");
        CHECK(f.run().empty());
    }
    {
        // No reviews at all for a client of many years.
        Fixture f;
        f.files.erase("reviews.yaml");
        exactly(f.run(), Rule::review_overdue, "account.yaml", 1, 1, Severity::warning);
    }
    {
        // A client newer than review_every_days cannot be overdue yet.
        Fixture f;
        f.files.erase("reviews.yaml");
        f.replace("account.yaml", "client_since: 2019-04-01", "client_since: 2026-05-01");
        CHECK(f.run().empty());
    }
    {
        // A review dated in the future does not count as held, and its date is a finding.
        Fixture f;
        f.replace("reviews.yaml", "  - date: 2026-05-01", "  - date: 2026-07-01");
        auto found = f.run();
        REQUIRE(found.size() == 2);
        std::erase_if(found, [](const Diagnostic& d) { return d.rule == Rule::date_future; });
        exactly(found, Rule::review_overdue, "reviews.yaml", 1, 1, Severity::warning);
    }
    {
        // The portfolio's interval applies.
        Fixture f;
        f.settings = settings_from(std::string(k_kam_yaml) + "policy:\n  review_every_days: 30\n");
        const Diagnostic d =
            exactly(f.run(), Rule::review_overdue, "reviews.yaml", 1, 1, Severity::warning);
        CHECK(contains(d.message, "45"));
    }
}

TEST_CASE("risk-review-overdue: a live risk whose review date has passed") {
    {
        Fixture f;
        f.replace("risks.yaml", "    review: 2026-07-01", "    review: 2026-06-01");
        const Diagnostic d =
            exactly(f.run(), Rule::risk_review_overdue, "risks.yaml", 7, 13, Severity::warning);
        CHECK(contains(d.message, "R1"));
    }
    {
        Fixture f;
        f.replace("risks.yaml", "    review: 2026-07-01", "    review: 2026-06-15");  // due today
        CHECK(f.run().empty());
    }
    {
        // Mitigating and accepted risks are live too; closed ones (R2) are not.
        Fixture f;
        f.replace("risks.yaml", "    review: 2026-07-01", "    review: 2026-06-01");
        f.replace("risks.yaml", "    status: open", "    status: accepted");
        exactly(f.run(), Rule::risk_review_overdue, "risks.yaml", 7, 13, Severity::warning);
    }
    {
        Fixture f;
        f.replace("risks.yaml", "    review: 2026-07-01", "    review: 2026-06-01");
        f.replace("risks.yaml", "    status: open", "    status: closed");
        CHECK(f.run().empty());
    }
}

TEST_CASE("action-overdue: an open action past its due date") {
    {
        Fixture f;
        f.replace("blueprint.yaml", "    due: 2026-07-01", "    due: 2026-06-01");
        const Diagnostic d =
            exactly(f.run(), Rule::action_overdue, "blueprint.yaml", 9, 10, Severity::info);
        CHECK(contains(d.message, "A1"));
        CHECK_FALSE(f.account.has_errors);
    }
    {
        Fixture f;
        f.replace("blueprint.yaml", "    due: 2026-07-01", "    due: 2026-06-01");
        f.replace("blueprint.yaml", "    status: open", "    status: cancelled");
        CHECK(f.run().empty());
    }
}

TEST_CASE("Person::stale, the one rule contact-stale and kam show share") {
    Person p;
    p.role = "decision-maker";
    const Date as_of = Date::from_ymd(2026, 6, 15);
    CHECK(p.stale(as_of, 60));  // no last_contact
    p.last_contact = as_of - 60;
    CHECK_FALSE(p.stale(as_of, 60));
    p.last_contact = as_of - 61;
    CHECK(p.stale(as_of, 60));
    p.role = "champion";  // only decision-makers
    CHECK_FALSE(p.stale(as_of, 60));
}

TEST_CASE("ScorecardRow::met, the one rule kam show's scorecard uses") {
    ScorecardRow r;
    r.target = 60;
    CHECK_FALSE(r.met());  // no actual: unknown
    r.actual = 60;
    CHECK(*r.met());  // reaching the target is meeting it
    r.actual = 59.5;
    CHECK_FALSE(*r.met());
    r.better = "lower";  // days sales outstanding
    CHECK(*r.met());
    r.actual = 61;
    CHECK_FALSE(*r.met());
}

TEST_CASE("contact-stale: decision-makers not contacted within contact_every_days") {
    {
        // 2026-03-01 to 2026-06-15 is 106 days.
        Fixture f;
        f.replace("profile.yaml", "    last_contact: 2026-06-01", "    last_contact: 2026-03-01");
        const Diagnostic d =
            exactly(f.run(), Rule::contact_stale, "profile.yaml", 7, 19, Severity::info);
        CHECK(contains(d.message, "P1"));
        CHECK(contains(d.message, "106"));
    }
    {
        Fixture f;
        f.replace("profile.yaml", "    last_contact: 2026-06-01",
                  "    last_contact: 2026-04-16");  // 60 days
        CHECK(f.run().empty());
    }
    {
        // Someone who left the client is no longer stale, and the survey naming them stays valid.
        Fixture f;
        f.replace("profile.yaml", "    last_contact: 2026-06-01", "    left_on: 2026-05-01");
        // No contact-stale; with P1 gone, P2 alone carries the key account.
        exactly(f.run(), Rule::single_threaded, "profile.yaml", 8, 5, Severity::warning);
    }
    {
        // A decision-maker with no contact on record, reported at the person.
        Fixture f;
        f.replace("profile.yaml", "    last_contact: 2026-06-01\n", "");
        exactly(f.run(), Rule::contact_stale, "profile.yaml", 3, 5, Severity::info);
    }
    {
        // Other roles are never stale (P2, an influencer, was last seen in 2025).
        Fixture f;
        f.replace("profile.yaml", "    role: decision-maker", "    role: champion");
        f.replace("profile.yaml", "    last_contact: 2026-06-01", "    last_contact: 2020-01-01");
        CHECK(f.run().empty());
    }
}

TEST_CASE("lost-reason-missing: a lost opportunity without lost_reason") {
    {
        Fixture f;
        f.replace("sales.yaml", "    lost_reason: Price\n", "");
        const Diagnostic d =
            exactly(f.run(), Rule::lost_reason_missing, "sales.yaml", 8, 5, Severity::info);
        CHECK(contains(d.message, "O2"));
    }
    {
        // A won opportunity (O3) needs no reason; neither does an open one.
        Fixture f;
        f.replace("sales.yaml", "    stage: won", "    stage: negotiation");
        CHECK(f.run().empty());
    }
}

TEST_CASE("a survey needs nps or csat (schema-required)") {
    {
        Fixture f;
        f.replace("reviews.yaml", "    nps: 9\n", "");
        exactly(f.run(), Rule::schema_required, "reviews.yaml", 5, 5, Severity::error);
    }
    {
        Fixture f;
        f.replace("reviews.yaml", "    nps: 9\n", "    csat: 4.5\n");
        CHECK(f.run().empty());
    }
}

TEST_CASE("a survey whose nps is out of range gets one finding, not two") {
    // nps is written but out of range: schema-range says so; a second finding
    // claiming that neither nps nor csat is there would be wrong.
    Fixture f;
    f.replace("reviews.yaml", "    nps: 9", "    nps: 11");
    exactly(f.run(), Rule::schema_range, "reviews.yaml", 7, 10, Severity::error);
}

TEST_CASE("a survey whose nps is not a number gets one finding, not two") {
    Fixture f;
    f.replace("reviews.yaml", "    nps: 9", "    nps: high");
    exactly(f.run(), Rule::schema_type, "reviews.yaml", 7, 10, Severity::error);
}

TEST_CASE("an account folder without account.yaml") {
    Fixture f;
    f.files.erase("account.yaml");
    const auto found = f.run();
    const auto missing = of_rule(found, Rule::schema_required);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].path == "accounts/acme/account.yaml");
    CHECK(missing[0].line == 1);
    CHECK(f.account.has_errors);
    CHECK_FALSE(f.account.cover_ok);
}

TEST_CASE("apply_severities: defaults, overrides and rules turned off") {
    auto make = [](Rule rule) {
        Diagnostic d;
        d.rule = rule;
        d.severity = Severity::error;  // producers leave the default; apply_severities decides
        return d;
    };
    std::vector<Diagnostic> list{make(Rule::contact_stale), make(Rule::action_overdue),
                                 make(Rule::id_duplicate),  make(Rule::review_overdue),
                                 make(Rule::notice_passed), make(Rule::unknown_key)};
    apply_severities(list, {{"contact-stale", "warning"},
                            {"action-overdue", "off"},
                            {"id-duplicate", "info"},
                            {"review-overdue", "loud"},  // not a severity: the default stays
                            {"unknown-key", "error"}});
    REQUIRE(list.size() == 5);
    CHECK(list[0].rule == Rule::contact_stale);
    CHECK(list[0].severity == Severity::warning);
    CHECK(list[1].rule == Rule::id_duplicate);
    CHECK(list[1].severity == Severity::info);
    CHECK(list[2].rule == Rule::review_overdue);
    CHECK(list[2].severity == Severity::warning);
    CHECK(list[3].rule == Rule::notice_passed);
    CHECK(list[3].severity == Severity::warning);
    CHECK(list[4].rule == Rule::unknown_key);
    CHECK(list[4].severity == Severity::error);
}

TEST_CASE("rules: one row per enumerator, ids that find their rule") {
    size_t i = 0;
    for (const RuleInfo& r : all_rules()) {
        CAPTURE(r.id);
        CHECK(static_cast<size_t>(r.rule) == i++);
        CHECK(&rule_info(r.rule) == &r);
        CHECK(rule_id(r.rule) == r.id);
        CHECK(find_rule(r.id) == r.rule);
        CHECK(r.default_severity != Severity::off);  // every rule has a default that is not off
        CHECK_FALSE(r.description.empty());
    }
    CHECK(i == static_cast<size_t>(k_last_rule) + 1);
    CHECK_FALSE(find_rule("contract-expird"));
    CHECK(fmt::format("[{}]", Rule::schema_enum) == "[schema-enum]");
    CHECK(rule_info(Rule::yaml_syntax).always_error());
    CHECK_FALSE(rule_info(Rule::yaml_alias).always_error());
    CHECK(rule_info(Rule::tree_entry).whole_file());
    CHECK_FALSE(rule_info(Rule::schema_enum).whole_file());
    CHECK(parse_severity("warning") == Severity::warning);
    CHECK_FALSE(parse_severity("Warning"));
}

TEST_CASE("rules: overrides from kam.yaml reach an account's findings") {
    {
        Fixture f;
        f.settings = settings_from(std::string(k_kam_yaml) + "rules:\n  contact-stale: error\n");
        f.replace("profile.yaml", "    last_contact: 2026-06-01", "    last_contact: 2026-03-01");
        exactly(f.run(), Rule::contact_stale, "profile.yaml", 7, 19, Severity::error);
        CHECK(f.account.has_errors);
    }
    {
        Fixture f;
        f.settings = settings_from(std::string(k_kam_yaml) + "rules:\n  ref-dangling: warning\n");
        f.replace("sales.yaml", "    contact: P1", "    contact: P9");
        exactly(f.run(), Rule::ref_dangling, "sales.yaml", 6, 14, Severity::warning);
        CHECK_FALSE(f.account.has_errors);
    }
    {
        Fixture f;
        f.settings = settings_from(std::string(k_kam_yaml) + "rules:\n  section-required: off\n");
        f.files.erase("swot.yaml");
        CHECK(f.run().empty());
    }
}

TEST_CASE("check_account on a model built by hand") {
    PortfolioSettings settings;
    settings.currency = "EUR";
    Account a;
    a.slug = "beta";
    a.dir = "accounts/beta";
    a.cover.status = "active";
    a.cover.tier = "growth";
    a.present_files = {"account", "contracts"};
    Contract c;
    c.id = "K1";
    c.status = "active";
    c.start = *parse_date("2025-01-01");
    c.end = *parse_date("2026-07-15");
    c.notice_days = 60;  // deadline 2026-05-16
    c.end_pos = Pos{6, 10};
    a.contracts = std::vector<Contract>{c};

    const Date as_of = *parse_date("2026-06-15");
    std::vector<Diagnostic> out;
    check_account(a, CheckContext{settings, as_of}, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].rule == Rule::notice_passed);
    CHECK(out[0].path == "accounts/beta/contracts.yaml");
    CHECK(out[0].line == 6);
    CHECK(out[0].column == 10);
    CHECK(out[0].account == "beta");
    CHECK(contains(out[0].message, "2026-05-16"));

    // Auto-renewing: nothing to report.
    a.contracts->front().auto_renew = true;
    out.clear();
    check_account(a, CheckContext{settings, as_of}, out);
    CHECK(out.empty());

    // Past its end: expired, not "notice passed".
    a.contracts->front().auto_renew = false;
    a.contracts->front().end = *parse_date("2026-06-01");
    out.clear();
    check_account(a, CheckContext{settings, as_of}, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].rule == Rule::contract_expired);
}

TEST_CASE("ref-unchecked: references into a file with a syntax error are not called dangling") {
    Fixture f;
    // Line 4 breaks profile.yaml; sales.yaml and reviews.yaml both refer to P1.
    f.replace("profile.yaml", "    name: Jordan Lee\n", "    name: Jordan Lee: CEO\n");
    const auto found = f.run();
    CHECK(of_rule(found, Rule::ref_dangling).empty());
    const auto unchecked = of_rule(found, Rule::ref_unchecked);
    REQUIRE(unchecked.size() == 1);
    CHECK(unchecked[0].path == "accounts/acme/sales.yaml");
    CHECK(unchecked[0].severity == Severity::info);
    CHECK(unchecked[0].message ==
          "cannot check 'P1' and 1 more references to people in "
          "profile.yaml: profile.yaml has errors");
    CHECK(of_rule(found, Rule::yaml_syntax).size() == 1);
}

TEST_CASE("ref-dangling: a name where the id belongs is one finding that names the id") {
    Fixture f;
    f.replace("sales.yaml", "    contact: P1", "    contact: Mr. Lee");
    const Diagnostic d = exactly(f.run(), Rule::ref_dangling, "sales.yaml", 6, 14, Severity::error);
    CHECK(d.hint == "did you mean 'P1'? a reference is the id, not the name (P1 is Jordan Lee)");
}

TEST_CASE("date-future: what has happened cannot be dated after the as-of day") {
    {
        Fixture f;
        f.replace("profile.yaml", "    last_contact: 2026-06-01", "    last_contact: 2026-07-01");
        const Diagnostic d =
            exactly(f.run(), Rule::date_future, "profile.yaml", 7, 19, Severity::warning);
        CHECK(contains(d.message, "P1"));
    }
    {
        Fixture f;
        f.replace("reviews.yaml", "  - date: 2026-04-01", "  - date: 2026-06-16");
        exactly(f.run(), Rule::date_future, "reviews.yaml", 5, 11, Severity::warning);
    }
    {
        // The close date of a won deal is when it was won.
        Fixture f;
        f.replace("sales.yaml", "    stage: won\n", "    stage: won\n    close: 2026-09-30\n");
        exactly(f.run(), Rule::date_future, "sales.yaml", 16, 12, Severity::warning);
    }
    {
        Fixture f;
        f.files["account.yaml"] += "history:\n  - date: 2027-01-01\n    event: Signed\n";
        exactly(f.run(), Rule::date_future, "account.yaml", 8, 11, Severity::warning);
    }
    {
        // An open deal's close date is expected, so the future is fine; the as-of day too.
        Fixture f;
        f.replace("sales.yaml", "    stage: proposal\n",
                  "    stage: proposal\n    close: 2026-09-30\n");
        f.replace("profile.yaml", "    last_contact: 2026-06-01", "    last_contact: 2026-06-15");
        CHECK(f.run().empty());
    }
}

TEST_CASE("opportunity-stale: an open opportunity whose close date has passed") {
    Fixture f;
    f.replace("sales.yaml", "    stage: proposal\n",
              "    stage: proposal\n    close: 2026-06-14\n");
    const Diagnostic d =
        exactly(f.run(), Rule::opportunity_stale, "sales.yaml", 5, 12, Severity::warning);
    CHECK(contains(d.message, "O1"));
    // Lost and won deals are closed: a past close date is their history.
    Fixture g;
    g.replace("sales.yaml", "    stage: lost\n", "    stage: lost\n    close: 2026-01-14\n");
    CHECK(g.run().empty());
}

TEST_CASE("goal-overdue: a goal past due that is neither achieved nor dropped") {
    Fixture f;
    f.replace("blueprint.yaml", "    status: on-track\n",
              "    status: on-track\n    due: 2026-06-01\n");
    const auto found = of_rule(f.run(), Rule::goal_overdue);
    REQUIRE(found.size() == 1);
    CHECK(found[0].line == 5);
    CHECK(found[0].severity == Severity::warning);
    CHECK(contains(found[0].message, "on-track"));
    Fixture g;
    g.replace("blueprint.yaml", "    status: on-track\n",
              "    status: achieved\n    due: 2026-06-01\n");
    CHECK(of_rule(g.run(), Rule::goal_overdue).empty());
}

TEST_CASE("lost-on-not-lost, value-negative, probability-fraction") {
    {
        Fixture f;
        f.files["account.yaml"] += "lost_on: 2026-01-31\n";
        exactly(f.run(), Rule::lost_on_not_lost, "account.yaml", 7, 10, Severity::warning);
    }
    {
        Fixture f;
        f.replace("sales.yaml", "    value: 250000.00", "    value: -250000.00");
        exactly(f.run(), Rule::value_negative, "sales.yaml", 5, 12, Severity::error);
    }
    {
        Fixture f;
        f.replace("contracts.yaml", "    annual_value: 1200000.00",
                  "    annual_value: -1200000.00");
        const Diagnostic d =
            exactly(f.run(), Rule::value_negative, "contracts.yaml", 8, 19, Severity::error);
        CHECK(contains(d.message, "C1"));
    }
    {
        Fixture f;
        f.replace("sales.yaml", "    value: 250000.00\n",
                  "    value: 250000.00\n    probability: 0.4\n");
        const Diagnostic d =
            exactly(f.run(), Rule::probability_fraction, "sales.yaml", 6, 18, Severity::warning);
        CHECK(d.hint == "probability is a percentage: for 40 %, write 40");
        for (const char* fine : {"0", "1", "40"}) {
            Fixture g;
            g.replace("sales.yaml", "    value: 250000.00\n",
                      "    value: 250000.00\n    probability: " + std::string(fine) + "\n");
            CHECK(g.run().empty());
        }
    }
}

TEST_CASE("contract-expired: the advice fits the contract") {
    {
        // An end before the start is date-order alone: which date is wrong is not known.
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2024-12-31");
        exactly(f.run(), Rule::date_order, "contracts.yaml", 6, 10, Severity::error);
    }
    {
        // An auto-renewing contract does not expire: it rolls forward by its renewal
        // term (Contract::current_end), so there is nothing to advise.
        Fixture f;
        f.replace("contracts.yaml", "    end: 2027-12-31", "    end: 2026-06-14");
        f.replace("contracts.yaml", "    notice_days: 90",
                  "    notice_days: 90\n    auto_renew: true");
        for (const Diagnostic& d : f.run()) CHECK(d.rule != Rule::contract_expired);
    }
}

TEST_CASE("apply_severities: the rules that say a file was not read stay errors") {
    std::vector<Diagnostic> list;
    for (const Rule rule :
         {Rule::yaml_syntax, Rule::yaml_encoding, Rule::yaml_limit, Rule::yaml_alias}) {
        Diagnostic d;
        d.rule = rule;
        list.push_back(d);
    }
    apply_severities(list, {{"yaml-syntax", "off"},
                            {"yaml-encoding", "warning"},
                            {"yaml-limit", "info"},
                            {"yaml-alias", "warning"}});
    REQUIRE(list.size() == 4);
    CHECK(list[0].severity == Severity::error);
    CHECK(list[1].severity == Severity::error);
    CHECK(list[2].severity == Severity::error);
    CHECK(list[3].severity == Severity::warning);  // the file was read; the override stands
}
