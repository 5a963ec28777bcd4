// Schema checks driven by the field tables: types, required keys, enum values
// with "did you mean", ranges, unknown keys, and the kam.yaml maps.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kam/check/rules.hpp"
#include "kam/check/schema_check.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/model/build.hpp"
#include "kam/model/schema.hpp"

using namespace kam;

namespace {

const Schema& section(std::string_view name) {
    const SectionFile* s = find_section(name);
    REQUIRE_MESSAGE(s != nullptr, std::string(name));
    return *s->schema;
}

Node parse(std::string_view text) {
    DiagnosticSink sink("test.yaml");
    auto root = load_yaml(text, sink, default_event_source());
    for (const Diagnostic& d : sink.items()) FAIL_CHECK("loader: " << d.rule << " " << d.message);
    REQUIRE(root.has_value());
    return std::move(*root);
}

std::vector<Diagnostic> check(std::string_view text, const Schema& schema) {
    const Node root = parse(text);
    DiagnosticSink sink("test.yaml");
    check_schema(root, schema, sink);
    return sink.take();
}

// Exactly one finding, of `rule` at line:column.
Diagnostic one(const std::vector<Diagnostic>& found, Rule rule, uint32_t line, uint32_t column) {
    for (const Diagnostic& d : found)
        INFO(d.rule << " " << d.line << ":" << d.column << " " << d.message);
    REQUIRE(found.size() == 1);
    const Diagnostic& d = found.front();
    CHECK(d.rule == rule);
    CHECK(d.line == line);
    CHECK(d.column == column);
    CHECK_FALSE(d.message.empty());
    return d;
}

void none(const std::vector<Diagnostic>& found) {
    for (const Diagnostic& d : found)
        FAIL_CHECK("unexpected " << d.rule << " at " << d.line << ":" << d.column << ": "
                                 << d.message);
    CHECK(found.empty());
}

bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

// A valid risk with one line replaced or added (`extra`), for focused checks.
std::string risk(std::string_view likelihood = "3", std::string_view status = "open",
                 std::string_view extra = "") {
    return "risks:\n"                       // 1
           "  - id: R1\n"                   // 2
           "    title: Sponsor retiring\n"  // 3
           "    likelihood: " +
           std::string(likelihood) +
           "\n"               // 4
           "    impact: 2\n"  // 5
           "    status: " +
           std::string(status) + "\n"  // 6
           + std::string(extra);       // 7...
}

std::string contract(std::string_view extra) {
    return "contracts:\n"             // 1
           "  - id: C1\n"             // 2
           "    title: MSA\n"         // 3
           "    status: active\n"     // 4
           "    start: 2025-01-01\n"  // 5
           + std::string(extra);      // 6...
}

std::string portfolio(std::string_view extra) {
    return "kam: 1\n"           // 1
           "name: Portfolio\n"  // 2
           "currency: EUR\n"    // 3
           + std::string(extra);
}

}  // namespace

TEST_CASE("valid files give no findings") {
    none(check(risk(), section("risks")));
    none(check(contract("    end: 2027-12-31\n    annual_value: 1200000.50\n    notice_days: 90\n"
                        "    auto_renew: false\n    currency: USD\n    type: msa\n"),
               section("contracts")));
    none(
        check(portfolio("fx:\n  USD: 0.92\nfiscal_year_start: 4\npolicy:\n  review_every_days: 30\n"
                        "  require:\n    key: [profile, swot]\nrules:\n  contact-stale: warning\n"),
              portfolio_schema()));
    none(check("name: Acme\nstatus: active\ntier: key\nmanager: Dana\n", section("account")));
    none(check("", section("profile")));  // every profile field is optional
}

TEST_CASE("schema-type: a value of the wrong type") {
    const Diagnostic d = one(check(risk("high"), section("risks")), Rule::schema_type, 4, 17);
    CHECK(contains(d.message, "likelihood"));
    one(check(risk("2.5"), section("risks")), Rule::schema_type, 4, 17);
    one(check(risk("[3]"), section("risks")), Rule::schema_type, 4, 17);
    // A list field given a scalar, and a list item that is not a mapping.
    one(check("risks: none\n", section("risks")), Rule::schema_type, 1, 8);
    one(check("risks:\n  - R1\n", section("risks")), Rule::schema_type, 2, 5);
    one(check("strengths:\n  - [a, b]\n", section("swot")), Rule::schema_type, 2, 5);
    one(check("updated: yesterday\n", section("swot")), Rule::schema_type, 1, 10);
    one(check("employees: 1.5\n", section("profile")), Rule::schema_type, 1, 12);
    one(check("procurement: yes\n", section("profile")), Rule::schema_type, 1, 14);
    one(check("people:\n  - id: -P1\n    name: Jo\n", section("profile")), Rule::schema_type, 2, 9);
    one(check(portfolio("fx:\n  usd: 1.1\n"), portfolio_schema()), Rule::schema_type, 5, 3);
    one(check(portfolio("fx:\n  USD: lots\n"), portfolio_schema()), Rule::schema_type, 5, 8);
    one(check("name: Acme\nstatus: active\ntier: key\nmanager: Dana\ncurrency: eur\n",
              section("account")),
        Rule::schema_type, 5, 11);
    one(check("financials:\n  - period: 2026-Q5\n    revenue: 1\n", section("performance")),
        Rule::schema_type, 2, 13);
    one(check("opportunities:\n  - id: O1\n    title: T\n    stage: lead\n    value: 1\n    "
              "probability: high\n",
              section("sales")),
        Rule::schema_type, 6, 18);
}

TEST_CASE("schema-required: a missing key, or a key present without a value") {
    // Missing: reported at the mapping that lacks it.
    const std::string missing_title =
        "risks:\n  - id: R1\n    likelihood: 2\n    impact: 2\n    status: open\n";
    const Diagnostic d = one(check(missing_title, section("risks")), Rule::schema_required, 2, 5);
    CHECK(contains(d.message, "'title'"));
    // Present but empty, null or ~: reported at the key.
    for (const char* empty : {"    title:\n", "    title: null\n", "    title: ~\n"}) {
        CAPTURE(empty);
        const std::string text = "risks:\n  - id: R1\n" + std::string(empty) +
                                 "    likelihood: 2\n    impact: 2\n    status: open\n";
        const Diagnostic e = one(check(text, section("risks")), Rule::schema_required, 3, 5);
        CHECK(contains(e.message, "title"));
    }
    // The cover sheet needs name, status, tier and manager.
    const auto cover = check("mission: Serve them\n", section("account"));
    REQUIRE(cover.size() == 4);
    for (const Diagnostic& c : cover) {
        CHECK(c.rule == Rule::schema_required);
        CHECK(c.line == 1);
        CHECK(c.column == 1);
    }
    one(check("kam: 1\nname: P\n", portfolio_schema()), Rule::schema_required, 1, 1);
    one(check(portfolio("fx:\n  USD:\n"), portfolio_schema()), Rule::schema_required, 5, 3);
}

TEST_CASE("schema-enum: not one of the values, with a did-you-mean hint") {
    const Diagnostic d = one(check(risk("3", "opne"), section("risks")), Rule::schema_enum, 6, 13);
    CHECK(d.hint == "did you mean 'open'?");
    CHECK(contains(d.message, "opne"));
    CHECK(contains(d.message, "mitigating"));  // the allowed values are listed
    // Too far from every value: no guess.
    const Diagnostic far =
        one(check(risk("3", "whatever"), section("risks")), Rule::schema_enum, 6, 13);
    CHECK(far.hint.empty());
    // Enum values are case-sensitive.
    one(check(risk("3", "Open"), section("risks")), Rule::schema_enum, 6, 13);
    const Diagnostic tier =
        one(check("name: A\nstatus: active\ntier: strategc\nmanager: D\n", section("account")),
            Rule::schema_enum, 3, 7);
    CHECK(tier.hint == "did you mean 'strategic'?");
}

TEST_CASE("schema-range: numbers outside their range") {
    const Diagnostic d = one(check(risk("7"), section("risks")), Rule::schema_range, 4, 17);
    CHECK(contains(d.message, "likelihood"));
    one(check(risk("0"), section("risks")), Rule::schema_range, 4, 17);
    one(check(risk("-1"), section("risks")), Rule::schema_range, 4, 17);
    none(check(risk("5"), section("risks")));
    none(check(risk("1"), section("risks")));

    const std::string opp =
        "opportunities:\n  - id: O1\n    title: T\n    stage: lead\n    value: 1\n";
    one(check(opp + "    probability: 101\n", section("sales")), Rule::schema_range, 6, 18);
    one(check(opp + "    probability: -0.5\n", section("sales")), Rule::schema_range, 6, 18);
    none(check(opp + "    probability: 100\n", section("sales")));
    none(check(opp + "    probability: 0\n", section("sales")));

    // fx rates must be greater than zero.
    const Diagnostic fx =
        one(check(portfolio("fx:\n  USD: 0\n"), portfolio_schema()), Rule::schema_range, 5, 8);
    CHECK(contains(fx.message, "greater than 0"));
    one(check(portfolio("fx:\n  USD: -1.5\n"), portfolio_schema()), Rule::schema_range, 5, 8);
    none(check(portfolio("fx:\n  USD: 0.0001\n"), portfolio_schema()));

    one(check(portfolio("fiscal_year_start: 13\n"), portfolio_schema()), Rule::schema_range, 4, 20);
    one(check(portfolio("fiscal_year_start: 0\n"), portfolio_schema()), Rule::schema_range, 4, 20);
    none(check(portfolio("fiscal_year_start: 12\n"), portfolio_schema()));
    one(check("kam: 2\nname: P\ncurrency: EUR\n", portfolio_schema()), Rule::schema_range, 1, 6);

    const std::string survey = "surveys:\n  - date: 2026-01-01\n";
    one(check(survey + "    nps: 11\n", section("reviews")), Rule::schema_range, 3, 10);
    one(check(survey + "    csat: 0.5\n", section("reviews")), Rule::schema_range, 3, 11);
    none(check(survey + "    nps: 0\n    csat: 5\n", section("reviews")));
    one(check("employees: -5\n", section("profile")), Rule::schema_range, 1, 12);
}

TEST_CASE("unknown keys: a warning with a hint; x- keys are the user's own") {
    const Diagnostic d = one(check(risk("3", "open", "    titel: again\n"), section("risks")),
                             Rule::unknown_key, 7, 5);
    CHECK(d.hint == "did you mean 'title'?");
    CHECK(contains(d.message, "titel"));
    std::vector<Diagnostic> as_reported{d};
    apply_severities(as_reported, {});
    REQUIRE(as_reported.size() == 1);
    CHECK(as_reported[0].severity == Severity::warning);  // unknown keys warn; they do not fail
    const Diagnostic top = one(check("riks: []\n", section("risks")), Rule::unknown_key, 1, 1);
    CHECK(top.hint == "did you mean 'risks'?");
    const Diagnostic far =
        one(check("completely_unrelated: 1\n", section("risks")), Rule::unknown_key, 1, 1);
    CHECK(far.hint.empty());

    none(check("x-crm-id: 4711\nx-notes:\n  anything: [goes, here]\n", section("risks")));
    none(check(risk("3", "open", "    x-jira: KAM-12\n"), section("risks")));
    none(check(portfolio("x-owner: finance\npolicy:\n  x-comment: later\n"), portfolio_schema()));
    // "x-" alone is not an extension key.
    one(check("x-: 1\n", section("risks")), Rule::unknown_key, 1, 1);
}

TEST_CASE("scalars are read strictly by the schema") {
    // Money: at most two fraction digits.
    const Diagnostic money = one(check(contract("    annual_value: 1.234\n"), section("contracts")),
                                 Rule::schema_type, 6, 19);
    CHECK(contains(money.message, "1.234"));
    one(check(contract("    annual_value: 1e6\n"), section("contracts")), Rule::schema_type, 6, 19);
    one(check(contract("    annual_value: 1,000\n"), section("contracts")), Rule::schema_type, 6,
        19);
    none(check(contract("    annual_value: 1000.5\n"), section("contracts")));

    // Dates: real calendar days, quoted or not.
    one(check(contract("    end: 2026-02-30\n"), section("contracts")), Rule::schema_type, 6, 10);
    one(check(contract("    end: 2025-02-29\n"), section("contracts")), Rule::schema_type, 6, 10);
    one(check(contract("    end: 2026-1-01\n"), section("contracts")), Rule::schema_type, 6, 10);
    none(check(contract("    end: \"2026-03-01\"\n"), section("contracts")));
    none(check(contract("    end: 2028-02-29\n"), section("contracts")));

    // Text is taken as written.
    none(check(risk("3", "open", "    owner: 2027\n    mitigation: yes\n"), section("risks")));
    none(check("name: 2027\nstatus: active\ntier: key\nmanager: true\n", section("account")));

    // Integers: 012 is twelve.
    const std::string twelve = contract("    notice_days: 012\n");
    none(check(twelve, section("contracts")));
    const auto built = build_contracts(parse(twelve));
    REQUIRE(built.size() == 1);
    REQUIRE(built[0].notice_days.has_value());
    CHECK(*built[0].notice_days == 12);

    // Booleans: true or false only.
    for (const char* word : {"yes", "no", "True", "on", "1"}) {
        CAPTURE(word);
        one(check(contract("    auto_renew: " + std::string(word) + "\n"), section("contracts")),
            Rule::schema_type, 6, 17);
    }
    none(check(contract("    auto_renew: true\n"), section("contracts")));
}

TEST_CASE("kam.yaml rules: unknown rule ids and bad severities") {
    const auto found = check(portfolio("rules:\n"                    // 4
                                       "  contact-stale: warning\n"  // 5
                                       "  contact-stal: error\n"     // 6
                                       "  action-overdue: loud\n"    // 7
                                       "  id-duplicate: eror\n"),    // 8
                             portfolio_schema());
    REQUIRE(found.size() == 3);
    CHECK(found[0].rule == Rule::unknown_key);
    CHECK(found[0].line == 6);
    CHECK(found[0].column == 3);
    CHECK(found[0].hint == "did you mean 'contact-stale'?");
    CHECK(found[1].rule == Rule::schema_enum);
    CHECK(found[1].line == 7);
    CHECK(found[1].column == 19);
    CHECK(found[2].rule == Rule::schema_enum);
    CHECK(found[2].line == 8);
    CHECK(found[2].column == 17);
    CHECK(found[2].hint == "did you mean 'error'?");
    one(check(portfolio("rules:\n  contact-stale: [warning]\n"), portfolio_schema()),
        Rule::schema_type, 5, 18);
    one(check(portfolio("rules: off\n"), portfolio_schema()), Rule::schema_type, 4, 8);
}

TEST_CASE("kam.yaml rules: yaml-syntax, yaml-encoding and yaml-limit cannot be lowered") {
    const auto found = check(portfolio("rules:\n"                   // 4
                                       "  yaml-syntax: off\n"       // 5
                                       "  yaml-encoding: error\n"   // 6
                                       "  yaml-limit: warning\n"),  // 7
                             portfolio_schema());
    REQUIRE(found.size() == 2);
    CHECK(found[0].rule == Rule::schema_enum);
    CHECK(found[0].line == 5);
    CHECK(found[0].column == 16);
    CHECK(found[0].message ==
          "'yaml-syntax' is always an error (a file kam cannot read must not pass unseen); "
          "its severity cannot be 'off'");
    CHECK(found[1].line == 7);
}

TEST_CASE("kam.yaml fx: a rate kam cannot convert with exactly is a finding") {
    one(check(portfolio("fx:\n  USD: 1e308\n"), portfolio_schema()), Rule::schema_range, 5, 8);
    one(check(portfolio("fx:\n  USD: 1e-19\n"), portfolio_schema()), Rule::schema_range, 5, 8);
    const auto many = check(portfolio("fx:\n  USD: 1.2345678901234567891\n"), portfolio_schema());
    REQUIRE(many.size() == 1);
    CHECK(many[0].message ==
          "the fx rate for USD cannot be used: '1.2345678901234567891' has more digits than kam "
          "can hold exactly (18 significant digits)");
    CHECK(check(portfolio("fx:\n  USD: 1.15\n  GBP: 0.000000000000000001\n"), portfolio_schema())
              .empty());
}

TEST_CASE("kam.yaml policy.require: unknown tiers and sections") {
    const auto found = check(portfolio("policy:\n"                    // 4
                                       "  require:\n"                 // 5
                                       "    vip: [profile]\n"         // 6
                                       "    key: [profil, swot]\n"),  // 7
                             portfolio_schema());
    REQUIRE(found.size() == 2);
    CHECK(found[0].rule == Rule::schema_enum);
    CHECK(found[0].line == 6);
    CHECK(found[0].column == 5);
    CHECK(contains(found[0].message, "vip"));
    CHECK(found[1].rule == Rule::schema_enum);
    CHECK(found[1].line == 7);
    CHECK(found[1].column == 11);
    CHECK(found[1].hint == "did you mean 'profile'?");
    one(check(portfolio("policy:\n  require:\n    key: profile\n"), portfolio_schema()),
        Rule::schema_type, 6, 10);
    // Sections may be named by their section name; the file name is not a section name.
    none(check(portfolio("policy:\n  require:\n    growth: [risks, contracts]\n"),
               portfolio_schema()));
}

TEST_CASE("health_weights: unknown parts and negative weights") {
    none(check(portfolio("health_weights:\n  nps: 2\n  risk: 0\n"), portfolio_schema()));
    const Diagnostic d = one(check(portfolio("health_weights:\n  npss: 1\n"), portfolio_schema()),
                             Rule::unknown_key, 5, 3);
    CHECK(d.hint == "did you mean 'nps'?");
    one(check(portfolio("health_weights:\n  nps: -1\n"), portfolio_schema()), Rule::schema_range, 5,
        8);
}

TEST_CASE("an empty list item is reported on its own line") {
    // The finding must point at the empty item (line 2), not at the valid item after it.
    const auto found = check(
        "risks:\n"
        "  -\n"
        "  - id: R1\n"
        "    title: T\n"
        "    likelihood: 2\n"
        "    impact: 2\n"
        "    status: open\n",
        section("risks"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == Rule::schema_type);
    CHECK(found[0].line == 2);
}

TEST_CASE("range messages state the bounds the format gives") {
    using namespace kam;
    auto findings = [](const char* text, const Schema& schema) {
        DiagnosticSink sink("f.yaml");
        auto root = load_yaml(text, sink, default_event_source());
        REQUIRE(root);
        check_schema(*root, schema, sink);
        return sink.take();
    };
    const auto employees = findings("employees: -1\n", *find_section("profile")->schema);
    REQUIRE(employees.size() == 1);
    CHECK(employees[0].rule == Rule::schema_range);
    CHECK(employees[0].message.find("at least 0") != std::string::npos);
    const auto fx = findings("kam: 1\nname: T\ncurrency: EUR\nfx:\n  USD: 0\n", portfolio_schema());
    REQUIRE(fx.size() == 1);
    CHECK(fx[0].rule == Rule::schema_range);
    CHECK(fx[0].message.find("fx.USD") != std::string::npos);
    CHECK(fx[0].message.find("greater than 0") != std::string::npos);
}

TEST_CASE("schema-quoted: a quoted number or boolean is read, with a warning") {
    const Diagnostic d = one(check(risk("\"3\""), section("risks")), Rule::schema_quoted, 4, 17);
    CHECK(d.hint == "write 3 without quotes");
    one(check(contract("    auto_renew: 'true'\n"), section("contracts")), Rule::schema_quoted, 6,
        17);
    // Dates and texts are often quoted, and that is fine.
    none(check(contract("    end: \"2027-12-31\"\n    owner: \"42\"\n"), section("contracts")));
}

TEST_CASE("text-comment: a plain text cut short by ' #'") {
    const Diagnostic d =
        one(check(risk("3", "open", "    mitigation: Data centre exit #2 slips into Q3\n"),
                  section("risks")),
            Rule::text_comment, 7, 17);
    CHECK(contains(d.message, "'Data centre exit'"));
    // A comment set off as one is the user's comment.
    none(check(risk("3", "open", "    mitigation: Exit plan  # agreed\n"), section("risks")));
    none(check(risk("3", "open", "    mitigation: Exit plan # agreed\n"), section("risks")));
    none(check(risk("3", "open", "    mitigation: \"Exit #2\"\n"), section("risks")));
    // List items too.
    one(check("strengths:\n  - Won tender #3 in 2025\n", section("swot")), Rule::text_comment, 2,
        5);
    one(check("name: A\nstatus: active\ntier: key\nmanager: D\ntags:\n  - region #north\n",
              section("account")),
        Rule::text_comment, 6, 5);
}

TEST_CASE("hints for values written another way") {
    auto hint = [](std::string_view text, std::string_view name) {
        const auto found = check(text, section(name));
        REQUIRE(found.size() == 1);
        return found[0].hint;
    };
    CHECK(hint("updated: 31/12/2016\n", "swot") == "did you mean '2016-12-31'?");
    CHECK(hint("updated: 31.12.2016\n", "swot") == "did you mean '2016-12-31'?");
    CHECK(hint("updated: 2016/12/31\n", "swot") == "did you mean '2016-12-31'?");
    CHECK(hint("updated: 05/06/2016\n", "swot").empty());  // day and month could swap
    const std::string opp = "opportunities:\n  - id: O1\n    title: T\n    stage: lead\n";
    CHECK(hint(opp + "    value: 14,000\n", "sales") == "did you mean '14000'?");
    CHECK(hint(opp + "    value: 1 250.50\n", "sales") == "did you mean '1250.50'?");
    CHECK(hint(opp + "    value: 1\n    probability: 40%\n", "sales") == "did you mean '40'?");
    CHECK(hint("employees: 1,200\n", "profile") == "did you mean '1200'?");
    CHECK(hint(opp + "    value: 14,00\n", "sales").empty());
}

TEST_CASE("schema-enum: other case and common synonyms get a hint") {
    auto hint = [](std::string_view text, std::string_view name) {
        const auto found = check(text, section(name));
        REQUIRE(found.size() == 1);
        CHECK(found[0].rule == Rule::schema_enum);
        return found[0].hint;
    };
    CHECK(hint("reviews:\n  - date: 2026-01-01\n    type: QBR\n", "reviews") ==
          "did you mean 'qbr'?");
    CHECK(hint("opportunities:\n  - id: O1\n    title: T\n    stage: closed-lost\n    value: 1\n",
               "sales") == "did you mean 'lost'?");
    CHECK(hint("goals:\n  - id: G1\n    title: T\n    status: done\n", "blueprint") ==
          "did you mean 'achieved'?");
    CHECK(hint(risk("3", "done"), "risks") == "did you mean 'closed'?");
    CHECK(hint(risk("3", "Open"), "risks") == "did you mean 'open'?");
    const auto sev = check(portfolio("rules:\n  contact-stale: warn\n"), portfolio_schema());
    REQUIRE(sev.size() == 1);
    CHECK(sev[0].hint == "did you mean 'warning'?");
}

TEST_CASE("a misspelt required key is one finding that names both") {
    const Diagnostic d =
        one(check("nmae: Acme\nstatus: active\ntier: key\nmanager: Dana\n", section("account")),
            Rule::schema_required, 1, 1);
    CHECK(d.message == "account.yaml is missing the required key 'name'; 'nmae' is not a key");
    CHECK(d.hint == "did you mean 'name'?");
    // A key far from every missing one stays an unknown key.
    const auto found =
        check("colour: blue\nstatus: active\ntier: key\nmanager: Dana\n", section("account"));
    REQUIRE(found.size() == 2);
}
