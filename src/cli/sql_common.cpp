#include "sql_common.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kam/io/yaml_loader.hpp"
#include "kam/metrics/account_metrics.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/sql/load.hpp"
#include "kam/util/parallel.hpp"

namespace kam::cli {

namespace {

namespace fs = std::filesystem;

std::string read_small(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return {};
    std::string text(256, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

bool is_commit(const std::string& s) {
    return s.size() == 40 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// The ref's commit from the loose ref file or packed-refs.
std::string resolve(const fs::path& git_dir, const fs::path& common_dir, const std::string& ref) {
    for (const fs::path& d : {git_dir, common_dir}) {
        const std::string loose = read_small(d / ref);
        if (is_commit(loose)) return loose;
        std::ifstream packed(d / "packed-refs");
        std::string line;
        while (std::getline(packed, line))
            if (line.size() > 41 && line.compare(41, std::string::npos, ref) == 0 &&
                is_commit(line.substr(0, 40)))
                return line.substr(0, 40);
    }
    return {};
}

}  // namespace

std::string git_head_commit(const std::string& dir) {
    // Read, never run: .git (a folder, or a file naming one for worktrees),
    // HEAD, then the ref it names.
    std::error_code ec;
    for (fs::path d = fs::absolute(dir, ec); !d.empty(); d = d.parent_path()) {
        fs::path git = d / ".git";
        if (fs::is_regular_file(git, ec)) {
            const std::string text = read_small(git);
            if (!text.starts_with("gitdir: ")) return {};
            git = fs::path(text.substr(8));
            if (git.is_relative()) git = d / git;
        } else if (!fs::is_directory(git, ec)) {
            if (d == d.parent_path()) break;
            continue;
        }
        fs::path common = git;
        if (const std::string c = read_small(git / "commondir"); !c.empty())
            common = fs::path(c).is_relative() ? git / c : fs::path(c);
        const std::string head = read_small(git / "HEAD");
        if (is_commit(head)) return head;
        if (head.starts_with("ref: ")) return resolve(git, common, head.substr(5));
        return {};
    }
    return {};
}

ModelDatabase load_model_database(const Context& ctx, ModelTables kind,
                                  const std::set<std::string>* only) {
    const PortfolioRoot root = ctx.root();
    LoadOptions load;
    load.as_of = ctx.as_of();
    load.jobs = ctx.jobs();
    load.keep_accounts = true;
    load.working_dir = root.path;
    LoadedPortfolio portfolio =
        load_portfolio(ctx.fs(), root.path, "", load, default_event_source());
    // The figures on the loader's threads too: one account's do not depend on another's.
    std::vector<AccountMetrics> metrics(portfolio.accounts.size());
    parallel_for(portfolio.accounts.size(), ctx.jobs(), [&](size_t i) {
        metrics[i] = compute_account_metrics(portfolio.accounts[i], portfolio.settings, load.as_of);
    });
    ModelDatabase out{sql::Database::open_memory(), nullptr, 0, 0};
    const sql::ModelInput input{portfolio, metrics,   load.as_of, git_head_commit(root.path),
                                only,      ctx.jobs()};
    if (kind == ModelTables::virtual_tables)
        out.rows = sql::load_model_virtual(out.db, input);
    else
        sql::load_model(out.db, input);
    for (const Diagnostic& d : portfolio.diagnostics)
        if (d.severity == Severity::error) ++out.error_count;
    for (const Account& a : portfolio.accounts) out.accounts_with_errors += a.has_errors ? 1 : 0;
    // The model is not needed any more (the rows hold copies): freed on the
    // loader's threads, each account's memory by one of them.
    parallel_for(portfolio.accounts.size(), ctx.jobs(),
                 [&](size_t i) { const Account gone = std::move(portfolio.accounts[i]); });
    return out;
}

void warn_of_load_errors(const ModelDatabase& model, std::string_view what) {
    if (model.error_count == 0) return;
    fmt::print(stderr,
               "kam: warning: {} error{} in the portfolio ({} account{} {} from what could be "
               "read); run 'kam validate' for details\n",
               model.error_count, model.error_count == 1 ? "" : "s", model.accounts_with_errors,
               model.accounts_with_errors == 1 ? "" : "s", what);
}

}  // namespace kam::cli
