// The files `kam init` and `kam new` write: placeholder filling, its errors,
// and every built-in template loading cleanly once filled.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "kam/check/schema_check.hpp"
#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/model/build.hpp"
#include "kam/model/schema.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/scaffold/templates.hpp"

using namespace kam;

namespace {

bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

// Values as `kam new` passes them, with a name and manager that need quoting.
const std::map<std::string, std::string>& sample_values() {
    static const std::map<std::string, std::string> values{
        {"name", "Acme: \"Yes\" #1"}, {"manager", "O'Brien, Dana"}, {"tier", "key"},
        {"status", "active"},         {"currency", "EUR"},          {"slug", "acme"},
        {"today", "2026-06-15"},      {"client_since", ""},
    };
    return values;
}

std::string fill_sample(std::string_view file, std::string client_since = "") {
    const auto text = builtin_template(file);
    REQUIRE_MESSAGE(text.has_value(), std::string(file));
    auto values = sample_values();
    values["client_since"] = std::move(client_since);
    const auto filled = fill_template(
        *text, values, {"tier", "status", "currency", "slug", "today", "client_since"});
    REQUIRE_MESSAGE(filled.has_value(), (filled ? std::string() : filled.error()));
    return *filled;
}

}  // namespace

TEST_CASE("kam new invents no date: client_since and the SWOT's updated stay empty unless given") {
    const std::string account = fill_sample("account.yaml");
    CHECK(contains(account, "\nclient_since:\n"));
    CHECK_FALSE(contains(account, "2026-06-15"));
    CHECK(contains(fill_sample("swot.yaml"), "\nupdated:\n"));
    CHECK_FALSE(contains(fill_sample("swot.yaml"), "2026-06-15"));
    const auto given = fill_template("client_since: {{client_since}}\n",
                                     {{"client_since", "2024-02-01"}}, {"client_since"});
    REQUIRE(given);
    CHECK(*given == "client_since: 2024-02-01\n");
}

TEST_CASE("fill_template replaces placeholders by YAML scalars") {
    const std::map<std::string, std::string> values{
        {"name", "Acme GmbH"}, {"word", "yes"}, {"day", "2026-01-01"}};
    const auto out = fill_template("name: {{name}}\nflag: {{word}}\n", values);
    REQUIRE(out);
    CHECK(*out == "name: Acme GmbH\nflag: \"yes\"\n");

    // Verbatim keys are inserted as they are; others are quoted where needed.
    const auto verbatim = fill_template("d: {{day}}\n", values, {"day"});
    REQUIRE(verbatim);
    CHECK(*verbatim == "d: 2026-01-01\n");
    const auto quoted = fill_template("d: {{day}}\n", values);
    REQUIRE(quoted);
    CHECK(*quoted == "d: \"2026-01-01\"\n");

    // The same placeholder twice, single braces and text without placeholders.
    const auto twice = fill_template("{{name}} and {{name}} {x} }}", values);
    REQUIRE(twice);
    CHECK(*twice == "Acme GmbH and Acme GmbH {x} }}");
    const auto plain = fill_template("no placeholders\n", {});
    REQUIRE(plain);
    CHECK(*plain == "no placeholders\n");

    // A value that looks like a placeholder is not expanded again.
    const auto nested = fill_template("a: {{name}}\n", {{"name", "{{word}}"}});
    REQUIRE(nested);
    CHECK(*nested == "a: \"{{word}}\"\n");
}

TEST_CASE("fill_template: an unknown placeholder or an unclosed {{ is an error naming the line") {
    const std::map<std::string, std::string> values{{"name", "Acme"}, {"manager", "Dana"}};
    const auto unknown = fill_template("name: {{name}}\n# note\nowner: {{owner}}\n", values);
    REQUIRE_FALSE(unknown.has_value());
    CHECK(contains(unknown.error(), "line 3"));
    CHECK(contains(unknown.error(), "{{owner}}"));
    CHECK(contains(unknown.error(), "manager"));  // the known ones are listed

    const auto unclosed = fill_template("name: {{name}}\nmanager: {{manager\n", values);
    REQUIRE_FALSE(unclosed.has_value());
    CHECK(contains(unclosed.error(), "line 2"));
    CHECK(contains(unclosed.error(), "never closed"));

    const auto first_line = fill_template("{{", values);
    REQUIRE_FALSE(first_line.has_value());
    CHECK(contains(first_line.error(), "line 1"));

    const auto empty = fill_template("a: {{}}\n", values);
    CHECK_FALSE(empty.has_value());
}

TEST_CASE("there is a built-in template for kam.yaml and each of the nine section files") {
    CHECK(section_files().size() == 9);
    for (const SectionFile& s : section_files()) {
        CAPTURE(s.file);
        const auto text = builtin_template(s.file);
        REQUIRE(text.has_value());
        CHECK_FALSE(text->empty());
    }
    CHECK(builtin_template("kam.yaml").has_value());
    CHECK_FALSE(builtin_template("notes.md").has_value());
    CHECK_FALSE(builtin_template("risks").has_value());
}

TEST_CASE("every built-in template, filled, loads and passes its schema without findings") {
    for (const SectionFile& s : section_files()) {
        CAPTURE(s.file);
        const std::string text = fill_sample(s.file);
        DiagnosticSink sink(std::string(s.file));
        const auto root = load_yaml(text, sink, default_event_source());
        REQUIRE(root.has_value());
        check_schema(*root, *s.schema, sink);
        for (const Diagnostic& d : sink.items())
            FAIL_CHECK(d.line << ":" << d.column << ": " << d.message << " [" << d.rule << "]");
    }

    const auto kam_text =
        fill_template(*builtin_template("kam.yaml"),
                      {{"name", "Key accounts: \"EMEA\""}, {"currency", "CHF"}}, {"currency"});
    REQUIRE(kam_text);
    DiagnosticSink sink("kam.yaml");
    const auto root = load_yaml(*kam_text, sink, default_event_source());
    REQUIRE(root.has_value());
    check_schema(*root, portfolio_schema(), sink);
    for (const Diagnostic& d : sink.items())
        FAIL_CHECK(d.line << ":" << d.column << ": " << d.message);
    const PortfolioSettings settings = build_settings(*root);
    CHECK(settings.name == "Key accounts: \"EMEA\"");
    CHECK(settings.currency == "CHF");
    CHECK(settings.policy.review_every_days == 90);
    CHECK(settings.policy.require.at("key").size() == 5);
}

TEST_CASE("the filled templates make an account that loads with no finding at all") {
    // As kam new --client-since writes it: a client that new is not overdue for anything.
    MemoryFileSystem fs;
    for (const SectionFile& s : section_files())
        fs.add_file("new/" + std::string(s.file), fill_sample(s.file, "2026-06-15"));
    PortfolioSettings settings;
    {
        DiagnosticSink sink("kam.yaml");
        const auto root =
            load_yaml(*fill_template(*builtin_template("kam.yaml"),
                                     {{"name", "P"}, {"currency", "EUR"}}, {"currency"}),
                      sink, default_event_source());
        REQUIRE(root.has_value());
        settings = build_settings(*root);
    }
    std::vector<Diagnostic> found;
    const Account account = load_account(fs, "new", "accounts/acme", "acme", settings,
                                         *parse_date("2026-06-15"), default_event_source(), found);
    for (const Diagnostic& d : found)
        FAIL_CHECK(d.path << ":" << d.line << ": " << d.message << " [" << d.rule << "]");
    CHECK(found.empty());
    CHECK(account.cover_ok);
    // The quoted values read back as they were given.
    CHECK(account.cover.name == "Acme: \"Yes\" #1");
    CHECK(account.cover.manager == "O'Brien, Dana");
    CHECK(account.cover.tier == "key");
    CHECK(account.cover.status == "active");
    REQUIRE(account.cover.client_since.has_value());
    CHECK(account.cover.client_since->to_string() == "2026-06-15");
    REQUIRE(account.swot.has_value());
    CHECK_FALSE(account.swot->updated.has_value());
}
