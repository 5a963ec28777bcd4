// libFuzzer target: arbitrary bytes as each account file in turn, through the
// loader, the schema check, the model builder and the account checks.
// Findings are fine; crashes, hangs, leaks and undefined behaviour are not.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kam/io/file_system.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/model/schema.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/render/diagnostics.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    // The first byte picks the file the rest is read as; kam.yaml included.
    const auto sections = kam::section_files();
    const size_t pick = data[0] % (sections.size() + 1);
    const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);

    kam::MemoryFileSystem fs;
    fs.add_file("p/kam.yaml", pick == sections.size() ? body : "kam: 1\nname: F\ncurrency: EUR\n");
    fs.add_file("p/accounts/a/account.yaml", "name: A\nstatus: lost\ntier: key\nmanager: M\n");
    if (pick < sections.size())
        fs.add_file("p/accounts/a/" + std::string(sections[pick].file), body);

    kam::LoadOptions options;
    options.as_of = kam::Date::from_ymd(2026, 11, 23);
    const auto loaded = kam::load_portfolio(fs, "p", "p", options, kam::default_event_source());
    // Every renderer must cope with whatever the findings say.
    const auto counts = kam::count_findings(loaded.diagnostics, loaded.account_count);
    (void)kam::render_json(loaded.diagnostics, counts);
    (void)kam::render_sarif(loaded.diagnostics, "fuzz");
    (void)kam::render_junit(loaded.diagnostics, {});
    (void)kam::render_github(loaded.diagnostics);
    // Whatever the input, the text format is one line per finding, and no
    // control character from the files reaches the terminal.
    const std::string text = kam::render_text(loaded.diagnostics, {}, {});
    size_t findings = 0;  // lines that start a finding; hint lines are indented
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c != '\n' && (c < 0x20 || c == 0x7F)) __builtin_trap();
        if ((i == 0 || text[i - 1] == '\n') && c != ' ') ++findings;
    }
    if (findings != loaded.diagnostics.size()) __builtin_trap();
    return 0;
}
