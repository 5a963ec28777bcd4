// Edit distance (with adjacent transpositions) and "did you mean".
#include <doctest/doctest.h>

#include <array>
#include <string_view>

#include "kam/util/spell.hpp"

using kam::closest_match;
using kam::closest_name;
using kam::did_you_mean;
using kam::edit_distance;
using kam::no_account_message;
using kam::with_suggestion;

TEST_CASE("edit_distance counts insertions, deletions, substitutions and transpositions") {
    CHECK(edit_distance("", "") == 0u);
    CHECK(edit_distance("abc", "abc") == 0u);
    CHECK(edit_distance("", "abc") == 3u);
    CHECK(edit_distance("abc", "") == 3u);
    CHECK(edit_distance("kitten", "sitting") == 3u);
    CHECK(edit_distance("flaw", "lawn") == 2u);
    CHECK(edit_distance("titel", "title") == 1u);    // one transposition
    CHECK(edit_distance("stauts", "status") == 1u);  // one transposition
    CHECK(edit_distance("ab", "ba") == 1u);
    CHECK(edit_distance("opne", "open") == 1u);
    CHECK(edit_distance("status", "statuses") == 2u);
    CHECK(edit_distance("a", "b") == 1u);
    CHECK(edit_distance("abc", "ca") == 3u);  // optimal string alignment distance
}

TEST_CASE("edit_distance is symmetric") {
    const std::array<std::string_view, 5> words{"status", "stauts", "title", "tier", ""};
    for (std::string_view a : words)
        for (std::string_view b : words) CHECK(edit_distance(a, b) == edit_distance(b, a));
}

TEST_CASE("closest_match suggests only close candidates") {
    constexpr std::array<std::string_view, 5> keys{"name", "status", "tier", "manager", "title"};
    CHECK(closest_match("stauts", keys) == "status");
    CHECK(closest_match("titel", keys) == "title");
    CHECK(closest_match("manger", keys) == "manager");
    CHECK(closest_match("status", keys) == "status");
    CHECK_FALSE(closest_match("zzzzzzzz", keys));
    CHECK_FALSE(closest_match("revenue", keys));
    CHECK_FALSE(closest_match("xyz", keys));

    constexpr std::array<std::string_view, 4> values{"open", "mitigating", "accepted", "closed"};
    CHECK(closest_match("opne", values) == "open");
    CHECK(closest_match("clsoed", values) == "closed");
    CHECK_FALSE(closest_match("done", values));  // two edits from "open": a guess, not a help

    CHECK_FALSE(closest_match("anything", std::span<const std::string_view>{}));
}

TEST_CASE("closest_name also offers the one name that starts with the word") {
    constexpr std::array<std::string_view, 4> slugs{"acme-manufacturing", "acme-retail",
                                                    "borealis-energy", "orion-foods"};
    CHECK(closest_name("borealis", slugs) == "borealis-energy");
    CHECK(closest_name("orion", slugs) == "orion-foods");
    CHECK(closest_name("acme-manufactoring", slugs) == "acme-manufacturing");  // a typo still
    CHECK_FALSE(closest_name("acme", slugs));  // two names start with it: no guess
    CHECK_FALSE(closest_name("or", slugs));    // too short to be a prefix worth offering
    CHECK_FALSE(closest_name("tessera", slugs));
}

TEST_CASE("did you mean: one spelling for hints, messages and unknown accounts") {
    const std::string_view kinds[] = {"contact", "risk", "action"};
    CHECK(did_you_mean("risk") == "did you mean 'risk'?");
    CHECK(did_you_mean("rsik", kinds) == "did you mean 'risk'?");
    CHECK(did_you_mean("zebra", kinds).empty());
    CHECK(with_suggestion("no kind 'rsik'", closest_match("rsik", kinds)) ==
          "no kind 'rsik'; did you mean 'risk'?");
    CHECK(with_suggestion("no kind 'zebra'", closest_match("zebra", kinds)) == "no kind 'zebra'");
    const std::string_view slugs[] = {"acme", "borealis-energy"};
    CHECK(no_account_message("acne", "accounts", slugs) ==
          "no account 'acne' in accounts; did you mean 'acme'?");
    CHECK(no_account_message("bor", "the portfolio", slugs) ==
          "no account 'bor' in the portfolio; did you mean 'borealis-energy'?");
    CHECK(no_account_message("zeta", "accounts", slugs) == "no account 'zeta' in accounts");
}
