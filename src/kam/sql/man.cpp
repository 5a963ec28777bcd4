#include "kam/sql/man.hpp"

#include <fmt/format.h>

#include "kam/sql/schema.hpp"

namespace kam::sql {

namespace {

// Text for roff: backslashes and hyphens escaped, no line starting with '.' or '\''.
std::string roff(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
    return out;
}

std::string joined(const std::vector<std::string_view>& names) {
    std::string out;
    for (const std::string_view n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

void table_section(std::string& out, const TableDef& t) {
    out += fmt::format(".SS {}{}\n", roff(t.name), t.kind == TableKind::view ? " (view)" : "");
    out += roff(t.description) + "\n";
    if (!t.primary_key.empty()) out += fmt::format(".br\nKey: {}.\n", roff(joined(t.primary_key)));
    for (const ForeignKey& fk : t.foreign_keys)
        out += fmt::format(".br\nReferences: ({}) \\(-> {} ({}).\n", roff(joined(fk.columns)),
                           roff(fk.table), roff(joined(fk.references)));
    for (const ColumnDef& c : t.columns) {
        std::string type(type_name(c.type));
        if (!c.unit.empty() && c.unit != type) type += ", " + std::string(c.unit);
        if (c.not_null) type += ", not null";
        out += fmt::format(".TP\n.B {}\n({}) {}\n", roff(c.name), roff(type), roff(c.description));
    }
}

}  // namespace

std::string render_tables_man() {
    std::string out =
        ".\\\" kam-tables(7): generated from src/kam/sql/schema.cpp; do not edit by hand.\n"
        ".\\\" Regenerate: KAM_UPDATE_GOLDEN=1 build/tests/kam_unit_tests -tc='kam-tables*'\n"
        ".TH KAM-TABLES 7 2026\\-12\\-01 \"kam 0.1.0\" \"Miscellaneous Information Manual\"\n"
        ".nr HY 0\n.nh\n.ad l\n"
        ".SH NAME\nkam-tables \\- the tables of kam query and kam export\n"
        ".SH DESCRIPTION\n"
        ".B kam query\nruns SQL on, and\n.B kam export\nwrites, one relational model of the "
        "portfolio, built from the same typed model and figures as every report.\n"
        "In\n.B kam query\nthe tables are read\\-only virtual tables with the same rows, "
        "values and declared columns as the export's; only the references are not declared "
        "there (see kam(1)).\n"
        "This page lists its tables and views, their columns in order, keys and references.\n"
        "It is generated from the same definitions that create the database, which also holds "
        "them as data:\n.B kam_tables\nand\n.BR kam_columns .\n"
        ".PP\n" +
        fmt::format("This is schema version {}. ", k_schema_version) +
        "Column names and order are a contract: within a version, columns are only added at "
        "the end of a table, and tables only added.\n"
        ".SH TYPES\n"
        ".TP\n.B text\nTEXT (UTF\\-8). A field the file leaves out is NULL.\n"
        ".TP\n.B integer\nINTEGER.\n"
        ".TP\n.B real\nREAL: numbers as written; columns named\n.I *_pct\nare percentages "
        "(0\\-100).\n"
        ".TP\n.B date\nTEXT declared DATE: ISO\n.IR YYYY\\-MM\\-DD ,\nCHECKed to be a real "
        "day.\n"
        ".TP\n.B boolean\nINTEGER 0 or 1, CHECKed (true/false in CSV and JSON Lines).\n"
        ".TP\n.B cents\nINTEGER money in cents, never REAL: columns named\n.I *_cents\nare in "
        "the row's\n.B currency\ncolumn,\n.I *_base_cents\nin the portfolio's base currency "
        "(NULL when kam.yaml has no rate).\n"
        ".TP\n.B numeric\nINTEGER or REAL (a figure's value; report columns).\n"
        ".PP\nEvery row carries\n.B account\n(the slug) and, where the format has one, its own "
        "id; rows of lists without ids carry their 1\\-based\n.BR position .\n"
        ".B source_file\nand\n.B source_line\npoint at the file and line to edit.\n"
        "Rows are in key order in every export.\n";
    const std::pair<std::string_view, std::string_view> groups[] = {
        {"data", "THE ACCOUNT FILES"},
        {"figures", "FINDINGS AND FIGURES"},
        {"reports", "REPORTS"},
        {"meta", "METADATA"}};
    for (const auto& [group, title] : groups) {
        out += fmt::format(".SH {}\n", title);
        if (group == "figures")
            out +=
                "The figures are those of\n.BR kam\\-metrics (7),\ncomputed once by the metrics "
                "layer; money figures are in cents of the base currency.\n";
        if (group == "reports")
            out +=
                "Each report table holds the main table of a report exactly as\n.B kam REPORT "
                "\\-\\-format csv\nprints it with its default options (money in whole units of "
                "the base currency, as in the report); its columns follow the report.\n";
        for (const TableDef& t : tables())
            if (t.group == group) table_section(out, t);
    }
    out +=
        ".SH SEE ALSO\n.BR kam (1),\n.BR kam\\-files (5),\n.BR kam\\-metrics (7),\n"
        ".BR sqlite3 (1)\n";
    return out;
}

}  // namespace kam::sql
