#include "kam/diff/portfolio_diff.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <memory>
#include <tuple>

#include "kam/check/rules.hpp"
#include "kam/io/yaml_loader.hpp"
#include "kam/metrics/account_facts.hpp"
#include "kam/metrics/account_metrics.hpp"
#include "kam/metrics/alerts.hpp"
#include "kam/metrics/portfolio_metrics.hpp"
#include "kam/model/schema.hpp"
#include "kam/portfolio/load.hpp"
#include "kam/util/scalar.hpp"

namespace kam::diff {

size_t AccountDiff::weight() const {
    size_t w = changes.size() + alerts_raised.size() + alerts_cleared.size();
    for (const FigureDelta& f : figures) w += f.changed ? 1 : 0;
    if (op == '+' || op == '-') w += 10;
    return w;
}

const std::vector<std::string>& gate_rule_ids() {
    static const std::vector<std::string> ids = {"health-drop",
                                                 "nps-drop",
                                                 "acv-drop",
                                                 "risk-score-rise",
                                                 "risk-closed-without-mitigation",
                                                 "contract-removed",
                                                 "account-removed",
                                                 "key-account-lost"};
    return ids;
}

namespace {

bool is_yaml(std::string_view name) {
    return name.ends_with(".yaml") || name.ends_with(".yml");
}

std::string rel_join(const std::string& a, const std::string& b) {
    return a.empty() ? b : a + "/" + b;
}

std::string abs_of(const Side& s, const std::string& rel) {
    return rel.empty() ? s.root : join_path(s.root, rel);
}

std::set<std::string> account_slugs(const Side& s) {
    std::set<std::string> out;
    auto listing = s.fs->list_dir(abs_of(s, "accounts"));
    if (!listing) return out;
    for (const DirEntry& e : *listing)
        if (e.type == EntryType::directory && is_valid_slug(e.name)) out.insert(e.name);
    return out;
}

std::vector<std::string> yaml_files(const Side& s, const std::string& slug) {
    std::vector<std::string> out;
    auto listing = s.fs->list_dir(abs_of(s, "accounts/" + slug));
    if (!listing) return out;
    for (const DirEntry& e : *listing)
        if (e.type != EntryType::directory && is_yaml(e.name)) out.push_back(e.name);
    return out;
}

std::optional<std::string> read_bytes(const Side& s, const std::string& rel) {
    auto bytes = s.fs->read_file(abs_of(s, rel), k_max_file_bytes);
    if (!bytes) return std::nullopt;
    return std::move(bytes).value();
}

// The same file on both sides: equal blob ids between two git trees, equal
// bytes otherwise (the working tree has no ids).
bool same_file(const Side& a, const std::string& rel_a, const Side& b, const std::string& rel_b) {
    if (a.tree && b.tree) {
        const GitEntry* ea = a.tree->entry(rel_a);
        const GitEntry* eb = b.tree->entry(rel_b);
        if (!ea || !eb) return !ea && !eb;
        return ea->blob == eb->blob && ea->mode == eb->mode;
    }
    const auto ta = a.fs->type_of(abs_of(a, rel_a));
    const auto tb = b.fs->type_of(abs_of(b, rel_b));
    if (ta != tb) return false;
    if (!ta) return true;
    if (*ta != EntryType::file) return true;
    return read_bytes(a, rel_a) == read_bytes(b, rel_b);
}

// Both sides git trees: the account's YAML files (names, blobs, modes) are
// the same, read off the two sorted entry lists (two binary searches, no
// listing): what yaml_files and same_file decide, for 10,000 accounts
// without 20,000 folder listings.
// With `folders`, a folder named like a YAML file counts too, by its name
// (same_folder's rule, for the loader).
bool same_account_in_trees(const GitTreeFileSystem& a, const GitTreeFileSystem& b,
                           const std::string& slug, bool folders = false) {
    const std::string prefix = "accounts/" + slug + "/";
    // (name, blob, mode); a folder: (name, "", "").
    using Item = std::tuple<std::string_view, std::string_view, std::string_view>;
    const auto items = [&](const GitTreeFileSystem& t) {
        std::vector<Item> out;
        for (const GitEntry& e : t.entries_under(prefix)) {
            const std::string_view rest = std::string_view(e.path).substr(prefix.size());
            const size_t slash = rest.find('/');
            if (slash == std::string_view::npos) {
                if (is_yaml(rest)) out.emplace_back(rest, e.blob, e.mode);
            } else if (folders && is_yaml(rest.substr(0, slash)) &&
                       (out.empty() || std::get<0>(out.back()) != rest.substr(0, slash))) {
                out.emplace_back(rest.substr(0, slash), "", "");
            }
        }
        // By name, as a listing gives them (a folder's entries sort after
        // '/', which may put it after a file of a longer name).
        std::sort(out.begin(), out.end());
        return out;
    };
    return items(a) == items(b);
}

// Parsed values, by blob id where there is one: a file unchanged between
// several revisions of a run is parsed once.
class ValueCache {
  public:
    // nullptr when the file is absent; sets `unreadable` when it does not parse.
    std::shared_ptr<const Value> get(const Side& s, const std::string& rel, const Schema& schema,
                                     bool& unreadable) {
        unreadable = false;
        std::string key;
        if (s.tree) {
            const GitEntry* e = s.tree->entry(rel);
            if (!e) return nullptr;
            key = e->blob;
            if (auto it = cache_.find(key); it != cache_.end()) {
                unreadable = !it->second;
                return it->second;
            }
        }
        auto bytes = read_bytes(s, rel);
        if (!bytes) {
            if (s.fs->type_of(abs_of(s, rel))) unreadable = true;
            return nullptr;
        }
        std::shared_ptr<const Value> v = parse(*bytes, schema);
        unreadable = !v;
        if (!key.empty()) cache_[key] = v;
        ++parsed_;
        return v;
    }
    size_t parsed() const { return parsed_; }

    static std::shared_ptr<const Value> parse(std::string_view bytes, const Schema& schema) {
        DiagnosticSink sink("");
        if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
        auto tree = load_yaml(bytes, sink, default_event_source());
        if (!tree) return nullptr;
        return std::make_shared<const Value>(normalize_file(*tree, schema));
    }

  private:
    std::map<std::string, std::shared_ptr<const Value>> cache_;
    size_t parsed_ = 0;
};

// kam paths selected by --only / --exclude: a prefix at a step boundary.
bool path_under(const std::string& path, const std::string& prefix) {
    if (prefix.empty()) return true;
    if (path.size() < prefix.size() || path.compare(0, prefix.size(), prefix) != 0) return false;
    return path.size() == prefix.size() || path[prefix.size()] == '.';
}

bool keep_path(const std::string& path, const DiffOptions& o) {
    if (!o.only.empty() && std::none_of(o.only.begin(), o.only.end(),
                                        [&](const std::string& p) { return path_under(path, p); }))
        return false;
    return std::none_of(o.exclude.begin(), o.exclude.end(),
                        [&](const std::string& p) { return path_under(path, p); });
}

bool contact_detail(const std::string& path) {
    return path.ends_with(".email") || path.ends_with(".phone") || path == "email" ||
           path == "phone";
}

void redact(Change& c) {
    if (contact_detail(c.path)) {
        if (!c.before.empty()) c.before = "(redacted)";
        if (!c.after.empty()) c.after = "(redacted)";
    }
    for (auto& [p, v] : c.fields)
        if (contact_detail(p)) v = "(redacted)";
}

std::string money_text(Money m) {
    if (m.cents % 100 == 0) return std::to_string(m.cents / 100);
    return m.to_decimal();
}

double money_value(Money m) {
    return static_cast<double>(m.cents) / 100.0;
}

template <typename T, typename F>
FigureDelta figure(std::string name, const Figure<T>* a, const Figure<T>* b, F text,
                   const std::string& unread_a, const std::string& unread_b) {
    FigureDelta d;
    d.name = std::move(name);
    auto side = [&](const Figure<T>* f, const std::string& unread, std::string& out,
                    std::optional<double>& value) {
        if (!unread.empty()) {
            out = unread;
        } else if (!f) {
            out = "";
        } else if (f->value) {
            auto [t, v] = text(*f->value);
            out = t;
            value = v;
        } else {
            out = "(" + f->reason + ")";
        }
    };
    side(a, unread_a, d.before, d.before_value);
    side(b, unread_b, d.after, d.after_value);
    d.changed = d.before != d.after;
    return d;
}

std::string risk_text(const Risk& r) {
    return fmt::format("{} ({})", r.score(), risk_band(r.score()));
}

std::string sla_state(const Sla& s) {
    if (!s.actual) return "not measured";
    return s.breached() ? "breached" : "met";
}

// Inserts `c` after the last change at or below `prefix`, else at the end.
void insert_after(std::vector<Change>& changes, const std::string& prefix, Change c) {
    size_t at = changes.size();
    for (size_t i = changes.size(); i-- > 0;)
        if (path_under(changes[i].path, prefix)) {
            at = i + 1;
            break;
        }
    changes.insert(changes.begin() + static_cast<std::ptrdiff_t>(at), std::move(c));
}

void derive(const Account* a, const Account* b, Date as_of, std::vector<Change>& changes) {
    auto derived = [&](char op, std::string path, std::string label, std::string before,
                       std::string after) {
        Change c;
        c.op = op;
        c.path = path;
        c.label = std::move(label);
        c.before = std::move(before);
        c.after = std::move(after);
        c.derived = true;
        insert_after(changes, path, std::move(c));
    };
    auto touched = [&](const std::string& prefix) {
        return std::any_of(changes.begin(), changes.end(),
                           [&](const Change& c) { return path_under(c.path, prefix); });
    };
    // Risks: the score and its band.
    std::map<std::string, const Risk*> ra, rb;
    if (a && a->risks)
        for (const Risk& r : *a->risks) ra[r.id] = &r;
    if (b && b->risks)
        for (const Risk& r : *b->risks) rb[r.id] = &r;
    for (const auto& [id, r] : rb) {
        const std::string path = "risks." + id;
        if (!touched(path)) continue;
        auto it = ra.find(id);
        if (it == ra.end())
            derived('+', path, "score", "", risk_text(*r));
        else if (it->second->score() != r->score())
            derived('~', path, "score", risk_text(*it->second), risk_text(*r));
    }
    // Contracts: the notice deadline; SLAs: met or breached.
    std::map<std::string, const Contract*> ca, cb;
    if (a && a->contracts)
        for (const Contract& k : *a->contracts) ca[k.id] = &k;
    if (b && b->contracts)
        for (const Contract& k : *b->contracts) cb[k.id] = &k;
    for (const auto& [id, k] : cb) {
        const std::string path = "contracts." + id;
        if (!touched(path)) continue;
        auto it = ca.find(id);
        const auto nd_b = k->notice_deadline(as_of);
        const auto nd_a = it == ca.end() ? std::nullopt : it->second->notice_deadline(as_of);
        if (nd_a != nd_b && (nd_a || nd_b))
            derived(it == ca.end() ? '+' : '~', path, "notice deadline",
                    nd_a ? nd_a->to_string() : "", nd_b ? nd_b->to_string() : "");
        for (const Sla& s : k->slas) {
            const std::string spath = path + ".slas." + s.id;
            if (!touched(spath)) continue;
            const Sla* old = nullptr;
            if (it != ca.end())
                for (const Sla& o : it->second->slas)
                    if (o.id == s.id) old = &o;
            const std::string before = old ? sla_state(*old) : "";
            if (before != sla_state(s))
                derived(old ? '~' : '+', spath, "SLA", before, sla_state(s));
        }
    }
}

// What the comparison keeps of one side: of every account loaded, its
// cover-sheet facts, figures and own alerts (a summary's digest); the models
// only of the accounts it compares.
struct SideData {
    PortfolioSettings settings;
    std::vector<std::string> slugs;  // sorted
    std::vector<AccountFacts> facts;
    std::vector<AccountMetrics> metrics;
    std::vector<std::vector<Alert>> own;  // account_alerts of each
    std::map<std::string, size_t> index;  // slug -> position
    std::map<std::string, Account> models;
    std::map<std::string, std::set<std::pair<std::string, std::string>>> alerts;  // by slug
    std::optional<PortfolioMetrics> totals;
    std::set<std::string> keys;  // key-account slugs (full load only)
    const Account* account(const std::string& slug) const {
        auto it = models.find(slug);
        return it == models.end() ? nullptr : &it->second;
    }
    const AccountMetrics* metric(const std::string& slug) const {
        auto it = index.find(slug);
        return it == index.end() ? nullptr : &metrics[it->second];
    }
};

// Fills a SideData as the loader's workers build each account.
class SideVisitor final : public AccountVisitor {
  public:
    SideVisitor(SideData& d, const std::set<std::string>& keep, bool keep_all, Date as_of)
        : d_(d), keep_(keep), keep_all_(keep_all), as_of_(as_of) {}
    void start(size_t count, const PortfolioSettings& settings) override {
        settings_ = &settings;
        d_.slugs.resize(count);
        d_.facts.resize(count);
        d_.metrics.resize(count);
        d_.own.resize(count);
        models_.resize(count);
    }
    void visit(size_t i, const Account& a) override {
        d_.slugs[i] = a.slug;
        d_.facts[i] = facts_of(a);
        d_.metrics[i] = compute_account_metrics(a, *settings_, as_of_);
        d_.own[i] = account_alerts(i, a, d_.metrics[i], *settings_, as_of_);
        if (!keep_all_ && keep_.count(a.slug)) models_[i] = a;  // (keep_all: the loader keeps them)
    }
    void finish() {
        for (auto& m : models_)
            if (m) d_.models.emplace(m->slug, std::move(*m));
    }

  private:
    SideData& d_;
    const std::set<std::string>& keep_;
    bool keep_all_;
    Date as_of_;
    const PortfolioSettings* settings_ = nullptr;
    std::vector<std::optional<Account>> models_;
};

// Loads a side: only `slugs` unless `all`; the models of `slugs` (of every
// account with `keep_all`). With `reuse` (the other side, loaded whole, under
// the same kam.yaml), the accounts in `unchanged` are taken from it instead
// of being loaded again: their files are the same, and so are their figures
// judged as of the same day.
SideData load_side(const Side& s, const std::set<std::string>& slugs, bool all, bool keep_all,
                   const DiffOptions& o, const SideData* reuse = nullptr,
                   const std::set<std::string>& unchanged = {}) {
    SideData d;
    LoadOptions load;
    load.as_of = o.as_of;
    load.jobs = o.jobs;
    load.keep_accounts = keep_all;
    if (!all || reuse) {
        load.only_accounts = slugs;
        load.skip_accounts = slugs.empty();
    }
    SideVisitor visitor(d, slugs, keep_all, o.as_of);
    load.visitor = &visitor;
    LoadedPortfolio loaded = load_portfolio(*s.fs, s.root, s.label, load, default_event_source());
    d.settings = std::move(loaded.settings);
    visitor.finish();
    if (keep_all)
        for (Account& a : loaded.accounts) d.models.emplace(a.slug, std::move(a));
    if (reuse) {
        // Both sides' accounts in slug order: the loaded ones and the same ones.
        SideData merged;
        merged.settings = std::move(d.settings);
        merged.models = std::move(d.models);
        std::set<std::string> every(d.slugs.begin(), d.slugs.end());
        every.insert(unchanged.begin(), unchanged.end());
        for (const std::string& slug : every) {
            auto here = std::lower_bound(d.slugs.begin(), d.slugs.end(), slug);
            const bool mine = here != d.slugs.end() && *here == slug;
            const SideData& from = mine ? d : *reuse;
            const size_t i =
                mine ? static_cast<size_t>(here - d.slugs.begin()) : reuse->index.at(slug);
            const size_t at = merged.slugs.size();
            merged.slugs.push_back(slug);
            merged.facts.push_back(from.facts[i]);
            merged.metrics.push_back(from.metrics[i]);
            std::vector<Alert> own = from.own[i];
            for (Alert& a : own) a.account = at;
            merged.own.push_back(std::move(own));
        }
        d = std::move(merged);
    }
    for (size_t i = 0; i < d.slugs.size(); ++i) d.index[d.slugs[i]] = i;
    std::vector<size_t> which(d.slugs.size());
    for (size_t i = 0; i < which.size(); ++i) which[i] = i;
    std::vector<KeyAccountEntry> ranking;
    if (all) {
        d.totals = compute_portfolio_metrics_from_facts(d.facts, d.metrics, d.settings, o.as_of);
        ranking = d.totals->ranking;
        for (const KeyAccountEntry& e : ranking)
            if (e.key) d.keys.insert(d.slugs[e.account]);
    }
    for (const Alert& al : portfolio_alerts(d.facts, d.own, which, ranking))
        d.alerts[d.slugs[al.account]].emplace(std::string(alert_kind_name(al.kind)), al.message);
    return d;
}

// The account folder is the same on both sides for the loader: the same
// YAML entries, of the same types, with the same bytes. (Other files are
// never read.)
bool same_folder(const Side& a, const Side& b, const std::string& slug) {
    if (a.tree && b.tree) return same_account_in_trees(*a.tree, *b.tree, slug, true);
    const std::string rel = "accounts/" + slug;
    auto la = a.fs->list_dir(abs_of(a, rel));
    auto lb = b.fs->list_dir(abs_of(b, rel));
    if (!la || !lb) return false;
    auto yaml_entries = [](const std::vector<DirEntry>& all) {
        std::vector<std::pair<std::string, EntryType>> out;
        for (const DirEntry& e : all)
            if (is_yaml(e.name)) out.emplace_back(e.name, e.type);
        return out;
    };
    const auto ea = yaml_entries(*la);
    if (ea != yaml_entries(*lb)) return false;
    for (const auto& [name, type] : ea)
        if (type != EntryType::directory && !same_file(a, rel + "/" + name, b, rel + "/" + name))
            return false;
    return true;
}

std::string unreadable_text(const Side& s, const Account* a) {
    if (!a || a->unreadable_files.empty()) return "";
    std::vector<std::string> files;
    for (const std::string& f : a->unreadable_files) files.push_back(f + ".yaml");
    const std::string at = s.commit.empty() || s.label == s.commit
                               ? s.label
                               : fmt::format("{} ({})", s.label, s.commit.substr(0, 12));
    return fmt::format("unreadable at {}: {}", at, fmt::join(files, ", "));
}

void add_figures(AccountDiff& d, const SideData& A, const SideData& B, const std::string& old_slug,
                 const std::string& slug, const Side& sa, const Side& sb) {
    const Account* aa = A.account(old_slug);
    const Account* ab = B.account(slug);
    const AccountMetrics* ma = A.metric(old_slug);
    const AccountMetrics* mb = B.metric(slug);
    d.unreadable_before = unreadable_text(sa, aa);
    d.unreadable_after = unreadable_text(sb, ab);
    const std::string& ua = d.unreadable_before;
    const std::string& ub = d.unreadable_after;
    auto pa = [&](auto member) { return ma ? &(ma->*member) : nullptr; };
    auto pb = [&](auto member) { return mb ? &(mb->*member) : nullptr; };
    auto int_text = [](int64_t v) { return std::pair{std::to_string(v), static_cast<double>(v)}; };
    auto fixed_text = [](const Fixed& f) { return std::pair{f.to_string(), f.to_double()}; };
    auto money = [](const Money& m) { return std::pair{money_text(m), money_value(m)}; };

    // health, with the parts that moved
    {
        FigureDelta h = figure("health", ma ? &ma->health.score : nullptr,
                               mb ? &mb->health.score : nullptr, int_text, ua, ub);
        if (ma && mb && ua.empty() && ub.empty())
            for (size_t i = 0; i < ma->health.parts.size(); ++i) {
                const auto& x = ma->health.parts[i].score;
                const auto& y = mb->health.parts[i].score;
                const std::string tx = x ? x->to_string() : "missing";
                const std::string ty = y ? y->to_string() : "missing";
                if (tx != ty)
                    h.parts.push_back(fmt::format("{} {} -> {}", ma->health.parts[i].name, tx, ty));
            }
        d.figures.push_back(std::move(h));
    }
    auto with_n = [](const Figure<Fixed>* f, int n) -> std::optional<std::string> {
        if (!f || !f->value) return std::nullopt;
        return fmt::format("{} (n={})", f->value->to_string(), n);
    };
    {
        FigureDelta f =
            figure("nps", pa(&AccountMetrics::nps), pb(&AccountMetrics::nps), fixed_text, ua, ub);
        if (auto t = with_n(pa(&AccountMetrics::nps), ma ? ma->nps_n : 0); t && ua.empty())
            f.before = *t;
        if (auto t = with_n(pb(&AccountMetrics::nps), mb ? mb->nps_n : 0); t && ub.empty())
            f.after = *t;
        f.changed = f.before != f.after;
        d.figures.push_back(std::move(f));
    }
    {
        FigureDelta f = figure("csat", pa(&AccountMetrics::csat), pb(&AccountMetrics::csat),
                               fixed_text, ua, ub);
        if (auto t = with_n(pa(&AccountMetrics::csat), ma ? ma->csat_n : 0); t && ua.empty())
            f.before = *t;
        if (auto t = with_n(pb(&AccountMetrics::csat), mb ? mb->csat_n : 0); t && ub.empty())
            f.after = *t;
        f.changed = f.before != f.after;
        d.figures.push_back(std::move(f));
    }
    d.figures.push_back(figure("risk_exposure", pa(&AccountMetrics::risk_exposure),
                               pb(&AccountMetrics::risk_exposure), int_text, ua, ub));
    d.figures.push_back(
        figure("acv", pa(&AccountMetrics::acv), pb(&AccountMetrics::acv), money, ua, ub));
    d.figures.push_back(figure("pipeline", pa(&AccountMetrics::pipeline),
                               pb(&AccountMetrics::pipeline), money, ua, ub));
    {
        auto date_text = [](const Date& v) { return std::pair{v.to_string(), 0.0}; };
        FigureDelta f = figure("next_renewal", pa(&AccountMetrics::next_renewal),
                               pb(&AccountMetrics::next_renewal), date_text, ua, ub);
        f.before_value.reset();
        f.after_value.reset();
        if (ma && ma->next_renewal && ua.empty())
            f.before += " (" + ma->next_renewal_contract + ")";
        if (mb && mb->next_renewal && ub.empty()) f.after += " (" + mb->next_renewal_contract + ")";
        f.changed = f.before != f.after;
        d.figures.push_back(std::move(f));
    }
    // alerts raised and cleared
    static const std::set<std::pair<std::string, std::string>> k_none;
    const auto ia = A.alerts.find(old_slug);
    const auto ib = B.alerts.find(slug);
    const auto& xa = ia == A.alerts.end() ? k_none : ia->second;
    const auto& xb = ib == B.alerts.end() ? k_none : ib->second;
    for (const auto& x : xb)
        if (!xa.count(x)) d.alerts_raised.push_back({x.first, x.second});
    for (const auto& x : xa)
        if (!xb.count(x)) d.alerts_cleared.push_back({x.first, x.second});
    // An unreadable side has no alerts to compare: none raised, none cleared.
    if (!ua.empty() || !ub.empty()) {
        d.alerts_raised.clear();
        d.alerts_cleared.clear();
    }
    d.key_before = A.keys.count(old_slug) > 0;
    d.key_after = B.keys.count(slug) > 0;
    (void)aa;
}

// Gate findings of one account.
void gates(const AccountDiff& d, const SideData& A, const SideData& B, const DiffOptions& o,
           const std::string& display_root, std::vector<Diagnostic>& out) {
    auto active = [&](const char* rule) { return o.gates.count(rule) > 0; };
    auto limit = [&](const char* rule) { return o.gates.at(rule); };
    const Account* aa = A.account(d.op == '>' ? d.old_slug : d.slug);
    const Account* ab = B.account(d.slug);
    const std::string dir = rel_join(display_root, "accounts/" + d.slug);
    auto add = [&](const char* rule, std::string file, Pos pos, std::string message) {
        Diagnostic g;
        g.rule = find_rule(rule).value();  // the gates are named by id in kam.yaml
        g.path = file.empty() ? dir : dir + "/" + file;
        g.line = pos.line;
        g.column = pos.column;
        g.message = std::move(message);
        g.account = d.slug;
        out.push_back(std::move(g));
    };
    auto fig = [&](const char* name) -> const FigureDelta* {
        for (const FigureDelta& f : d.figures)
            if (f.name == name) return &f;
        return nullptr;
    };
    auto drop_gate = [&](const char* rule, const char* name, const char* what, const char* file) {
        if (!active(rule)) return;
        const FigureDelta* f = fig(name);
        if (!f || !f->before_value || !f->after_value) return;
        const double drop = *f->before_value - *f->after_value;
        if (drop > 0 && drop >= limit(rule))
            add(rule, file, {},
                fmt::format("{} fell from {} to {} (a drop of {}, the limit is {})", what,
                            f->before, f->after, drop, limit(rule)));
    };
    drop_gate("health-drop", "health", "health", "account.yaml");
    drop_gate("nps-drop", "nps", "NPS", "reviews.yaml");
    drop_gate("acv-drop", "acv", "ACV", "contracts.yaml");
    if (active("account-removed") && d.op == '-')
        add("account-removed", "", {}, fmt::format("the account {} was removed", d.slug));
    if (active("key-account-lost") && d.key_before && !d.key_after)
        add("key-account-lost", "account.yaml", {},
            d.op == '-' ? "a key account was removed"
                        : "the account is no longer among the key accounts");
    std::map<std::string, const Risk*> ra;
    if (aa && aa->risks)
        for (const Risk& r : *aa->risks) ra[r.id] = &r;
    if (ab && ab->risks)
        for (const Risk& r : *ab->risks) {
            auto it = ra.find(r.id);
            const Risk* old = it == ra.end() ? nullptr : it->second;
            if (active("risk-score-rise") && r.live()) {
                const int before = old && old->live() ? old->score() : 0;
                if (r.score() - before > 0 && r.score() - before >= limit("risk-score-rise"))
                    add("risk-score-rise", "risks.yaml", r.pos,
                        !old ? fmt::format("new risk {} scores {}", r.id, risk_text(r))
                        : old->live()
                            ? fmt::format("risk {} rose from {} to {}", r.id, before, risk_text(r))
                            : fmt::format("risk {} was reopened at {}", r.id, risk_text(r)));
            }
            if (active("risk-closed-without-mitigation") && !r.live() && old && old->live() &&
                r.mitigation.empty())
                add("risk-closed-without-mitigation", "risks.yaml", r.pos,
                    fmt::format("risk {} was closed without a mitigation", r.id));
        }
    if (active("contract-removed") && aa && aa->contracts) {
        std::set<std::string> kept;
        if (ab && ab->contracts)
            for (const Contract& k : *ab->contracts) kept.insert(k.id);
        for (const Contract& k : *aa->contracts)
            if (!kept.count(k.id))
                add("contract-removed", d.op == '-' ? "" : "contracts.yaml", {},
                    fmt::format("contract {} ({}) was removed", k.id, k.title));
    }
}

void fill_cover(AccountDiff& d, const Account* a) {
    if (!a) return;
    d.name = a->cover.name;
    d.tier = a->cover.tier;
    d.status = a->cover.status;
    d.manager = a->cover.manager;
    d.tags = a->cover.tags;
}

TotalDelta total(std::string name, Money before, Money after, bool show_sides) {
    TotalDelta t;
    t.name = std::move(name);
    const Money delta = after - before;
    t.delta = (delta.cents > 0 ? "+" : "") + money_text(delta);
    if (show_sides) {
        t.before = money_text(before);
        t.after = money_text(after);
    }
    t.changed = delta.cents != 0;
    return t;
}

}  // namespace

PortfolioDiff diff_portfolios(const Side& before, const Side& after,
                              const std::vector<GitChange>& git_changes, const DiffOptions& o) {
    PortfolioDiff out;
    out.before_label = before.label;
    out.after_label = after.label;
    out.before_commit = before.commit;
    out.after_commit = after.commit;
    out.as_of = o.as_of;
    ValueCache cache;

    // kam.yaml
    const bool settings_changed = !same_file(before, "kam.yaml", after, "kam.yaml");
    if (settings_changed) {
        bool ua = false, ub = false;
        auto va = cache.get(before, "kam.yaml", portfolio_schema(), ua);
        auto vb = cache.get(after, "kam.yaml", portfolio_schema(), ub);
        if (ua) out.settings_unreadable = fmt::format("kam.yaml is unreadable at {}", before.label);
        if (ub) out.settings_unreadable = fmt::format("kam.yaml is unreadable at {}", after.label);
        for (Change& c : compare_file("kam.yaml", va.get(), vb.get())) out.settings.push_back(c);
    }

    // Which accounts changed: blob ids (or bytes) first, nothing parsed.
    std::set<std::string> slugs_a = account_slugs(before);
    std::set<std::string> slugs_b = account_slugs(after);
    if (!o.accounts.empty()) {
        std::erase_if(slugs_a, [&](const std::string& s) { return !o.accounts.count(s); });
        std::erase_if(slugs_b, [&](const std::string& s) { return !o.accounts.count(s); });
    }
    std::vector<std::string> removed, added;
    std::vector<std::string> changed;
    // The YAML files of the accounts removed, added and changed (what the
    // rest reads); an unchanged account's are not listed when both sides
    // are git trees.
    std::map<std::string, std::vector<std::string>> files_a, files_b;
    for (const std::string& s : slugs_a)
        if (!slugs_b.count(s)) removed.push_back(s);
    for (const std::string& s : slugs_b)
        if (!slugs_a.count(s)) added.push_back(s);
    for (const std::string& s : slugs_a) {
        if (!slugs_b.count(s)) continue;
        if (before.tree && after.tree) {
            if (!same_account_in_trees(*before.tree, *after.tree, s)) changed.push_back(s);
            continue;
        }
        const auto& fa = files_a[s] = yaml_files(before, s);
        const auto& fb = files_b[s] = yaml_files(after, s);
        bool same = fa == fb;
        if (same && o.worktree_changed && before.tree && !after.tree) {
            // Git knows: the same names, and no path of the folder changed.
            const std::string folder = "accounts/" + s + "/";
            const auto& w = *o.worktree_changed;
            const auto it = std::lower_bound(w.begin(), w.end(), folder);
            if (it == w.end() || !it->starts_with(folder)) continue;
        }
        for (size_t i = 0; same && i < fa.size(); ++i) {
            const std::string rel = "accounts/" + s + "/" + fa[i];
            same = same_file(before, rel, after, rel);
        }
        if (!same) changed.push_back(s);
    }
    for (const std::string& s : removed) files_a[s] = yaml_files(before, s);
    for (const std::string& s : added) files_b[s] = yaml_files(after, s);
    for (const std::string& s : changed) {
        if (!files_a.count(s)) files_a[s] = yaml_files(before, s);
        if (!files_b.count(s)) files_b[s] = yaml_files(after, s);
    }
    out.accounts_compared = slugs_a.size() + added.size();

    // Folder renames: git's pairing of the files, or most files equal.
    std::map<std::string, std::string> renamed;  // new slug -> old slug
    for (const std::string& r : removed) {
        std::string best;
        size_t best_count = 0;
        for (const std::string& a : added) {
            bool taken = false;
            for (const auto& [n, old] : renamed) taken = taken || n == a;
            if (taken) continue;
            size_t count = 0;
            for (const GitChange& c : git_changes)
                if (c.status == 'R' && c.old_path.starts_with("accounts/" + r + "/") &&
                    c.new_path.starts_with("accounts/" + a + "/"))
                    ++count;
            if (count == 0)
                for (const std::string& f : files_a[r])
                    if (std::find(files_b[a].begin(), files_b[a].end(), f) != files_b[a].end() &&
                        same_file(before, "accounts/" + r + "/" + f, after,
                                  "accounts/" + a + "/" + f))
                        ++count;
            if (count > best_count) {
                best = a;
                best_count = count;
            }
        }
        const size_t need = std::max<size_t>(1, (files_a[r].size() + 1) / 2);
        if (!best.empty() && best_count >= need) renamed[best] = r;
    }
    std::erase_if(removed, [&](const std::string& r) {
        return std::any_of(renamed.begin(), renamed.end(),
                           [&](const auto& p) { return p.second == r; });
    });
    std::erase_if(added, [&](const std::string& a) { return renamed.count(a) > 0; });

    // Load what must be loaded.
    const bool all = settings_changed || o.totals || o.gates.count("key-account-lost");
    std::set<std::string> load_a(changed.begin(), changed.end());
    std::set<std::string> load_b(changed.begin(), changed.end());
    load_a.insert(removed.begin(), removed.end());
    load_b.insert(added.begin(), added.end());
    for (const auto& [n, old] : renamed) {
        load_a.insert(old);
        load_b.insert(n);
    }
    // A whole load under an unchanged kam.yaml: the after side loads only
    // what differs and takes every other account from the before side.
    const bool keep_all = settings_changed;
    const SideData A = load_side(before, load_a, all, keep_all, o);
    std::set<std::string> unchanged;
    const bool reuse = all && !settings_changed && o.accounts.empty();
    if (reuse) {
        const std::set<std::string> whole_a = account_slugs(before);
        for (const std::string& s : account_slugs(after)) {
            if (load_b.count(s) || !whole_a.count(s) || !A.index.count(s)) continue;
            if (same_folder(before, after, s))
                unchanged.insert(s);
            else
                load_b.insert(s);  // read again: not the same for the loader
        }
    }
    const SideData B = reuse ? load_side(after, load_b, all, keep_all, o, &A, unchanged)
                             : load_side(after, load_b, all, keep_all, o);

    // The accounts, in slug order of the after side.
    struct Item {
        char op;
        std::string slug, old_slug;
    };
    std::vector<Item> items;
    for (const std::string& s : changed) items.push_back({'~', s, s});
    for (const std::string& s : added) items.push_back({'+', s, ""});
    for (const std::string& s : removed) items.push_back({'-', s, s});
    for (const auto& [n, old] : renamed) items.push_back({'>', n, old});
    if (settings_changed)
        for (const std::string& s : slugs_b)
            if (slugs_a.count(s) && std::find(changed.begin(), changed.end(), s) == changed.end())
                items.push_back({'=', s, s});
    std::sort(items.begin(), items.end(),
              [](const Item& x, const Item& y) { return x.slug < y.slug; });

    for (const Item& it : items) {
        AccountDiff d;
        d.op = it.op == '=' ? '~' : it.op;
        d.slug = it.slug;
        d.old_slug = it.op == '>' ? it.old_slug : "";
        const Account* acc_a = it.old_slug.empty() ? nullptr : A.account(it.old_slug);
        const Account* acc_b = it.op == '-' ? nullptr : B.account(it.slug);
        fill_cover(d, acc_b ? acc_b : acc_a);
        // The filters see the account as it is after (as it was, when removed).
        if (const Account* shown = acc_b ? acc_b : acc_a; shown && !o.filter.matches(*shown))
            continue;
        if (it.op != '=') {
            std::vector<std::string> names;
            if (!it.old_slug.empty()) names = files_a[it.old_slug];
            if (it.op != '-')
                names.insert(names.end(), files_b[it.slug].begin(), files_b[it.slug].end());
            std::sort(names.begin(), names.end());
            names.erase(std::unique(names.begin(), names.end()), names.end());
            // account.yaml first, then the format's order
            std::vector<const SectionFile*> order;
            for (const SectionFile& s : section_files())
                if (std::binary_search(names.begin(), names.end(), std::string(s.file)))
                    order.push_back(&s);
            for (const SectionFile* s : order) {
                const std::string ra = "accounts/" + it.old_slug + "/" + std::string(s->file);
                const std::string rb = "accounts/" + it.slug + "/" + std::string(s->file);
                const bool has_a = !it.old_slug.empty();
                const bool has_b = it.op != '-';
                if (has_a && has_b && same_file(before, ra, after, rb)) continue;
                if (d.op == '-') continue;  // a removed account is one line
                bool ua = false, ub = false;
                std::shared_ptr<const Value> va, vb;
                if (has_a) va = cache.get(before, ra, *s->schema, ua);
                if (has_b) vb = cache.get(after, rb, *s->schema, ub);
                if (ua || ub) continue;  // said once, with the figures
                for (Change& c : compare_file(s->section, va.get(), vb.get())) {
                    if (!keep_path(c.path, o)) continue;
                    if (o.redact) redact(c);
                    d.changes.push_back(std::move(c));
                }
            }
            // Files that are not account files: named, not read.
            for (const std::string& n : names) {
                if (find_section(n)) continue;
                const bool in_a =
                    !it.old_slug.empty() &&
                    std::find(files_a[it.old_slug].begin(), files_a[it.old_slug].end(), n) !=
                        files_a[it.old_slug].end();
                const bool in_b = it.op != '-' &&
                                  std::find(files_b[it.slug].begin(), files_b[it.slug].end(), n) !=
                                      files_b[it.slug].end();
                if (in_a && in_b &&
                    same_file(before, "accounts/" + it.old_slug + "/" + n, after,
                              "accounts/" + it.slug + "/" + n))
                    continue;
                if (d.op == '-') continue;
                Change c;
                c.op = in_a && in_b ? '~' : in_b ? '+' : '-';
                c.path = n;
                c.label = "not an account file";
                c.item = true;
                d.changes.push_back(std::move(c));
            }
            if (d.op != '-') derive(acc_a, acc_b, o.as_of, d.changes);
            if (!o.only.empty() || !o.exclude.empty())
                std::erase_if(d.changes, [&](const Change& c) { return !keep_path(c.path, o); });
        } else {
            d.figures_only = true;
        }
        add_figures(d, A, B, it.old_slug, it.op == '-' ? std::string() : it.slug, before, after);
        if (it.op == '-') {
            // Only the before side has figures.
            for (FigureDelta& f : d.figures) {
                f.after.clear();
                f.after_value.reset();
                f.changed = !f.before.empty();
            }
            d.alerts_raised.clear();
        }
        if (it.op == '=') {
            const bool moved = std::any_of(d.figures.begin(), d.figures.end(),
                                           [](const FigureDelta& f) { return f.changed; }) ||
                               !d.alerts_raised.empty() || !d.alerts_cleared.empty();
            if (!moved) continue;
        }
        // Formatting, comments or order only (or nothing left after --only
        // and --exclude): no change in meaning.
        if (it.op == '~' && d.changes.empty() && d.unreadable_before.empty() &&
            d.unreadable_after.empty() &&
            std::none_of(d.figures.begin(), d.figures.end(),
                         [](const FigureDelta& f) { return f.changed; }) &&
            d.alerts_raised.empty() && d.alerts_cleared.empty())
            continue;
        gates(d, A, B, o, o.display_root, out.findings);
        out.accounts.push_back(std::move(d));
    }
    out.accounts_parsed = cache.parsed();

    // Totals: the additive ones as deltas over the changed accounts.
    Money rev_a, rev_b, acv_a, acv_b, pipe_a, pipe_b, wpipe_a, wpipe_b;
    int64_t risk_a = 0, risk_b = 0;
    for (const AccountDiff& d : out.accounts) {
        // An account unreadable on one side would count as a drop to nothing.
        if (!d.unreadable_before.empty() || !d.unreadable_after.empty()) continue;
        const AccountMetrics* ma =
            d.op == '+' ? nullptr : A.metric(d.op == '>' ? d.old_slug : d.slug);
        const AccountMetrics* mb = d.op == '-' ? nullptr : B.metric(d.slug);
        auto add = [](Money& m, const Figure<Money>& f) {
            if (f.value) m += *f.value;
        };
        if (ma) {
            add(rev_a, ma->annual_revenue);
            add(acv_a, ma->acv);
            add(pipe_a, ma->pipeline);
            add(wpipe_a, ma->weighted_pipeline);
            if (ma->risk_exposure.value) risk_a += *ma->risk_exposure.value;
        }
        if (mb) {
            add(rev_b, mb->annual_revenue);
            add(acv_b, mb->acv);
            add(pipe_b, mb->pipeline);
            add(wpipe_b, mb->weighted_pipeline);
            if (mb->risk_exposure.value) risk_b += *mb->risk_exposure.value;
        }
    }
    const bool sides = A.totals && B.totals;
    out.full_totals = sides;
    if (sides) {
        out.totals.push_back(total("revenue", A.totals->revenue.sum, B.totals->revenue.sum, true));
        out.totals.push_back(total("acv", A.totals->acv.sum, B.totals->acv.sum, true));
        out.totals.push_back(
            total("pipeline", A.totals->pipeline.sum, B.totals->pipeline.sum, true));
        out.totals.push_back(total("weighted_pipeline", A.totals->weighted_pipeline.sum,
                                   B.totals->weighted_pipeline.sum, true));
    } else {
        out.totals.push_back(total("revenue", rev_a, rev_b, false));
        out.totals.push_back(total("acv", acv_a, acv_b, false));
        out.totals.push_back(total("pipeline", pipe_a, pipe_b, false));
        out.totals.push_back(total("weighted_pipeline", wpipe_a, wpipe_b, false));
    }
    {
        TotalDelta t;
        t.name = "risk_exposure";
        const int64_t delta = risk_b - risk_a;
        t.delta = (delta > 0 ? "+" : "") + std::to_string(delta);
        t.changed = delta != 0;
        out.totals.push_back(t);
    }
    if (sides) {
        auto key_count = [](const SideData& s) { return std::to_string(s.keys.size()); };
        TotalDelta keys;
        keys.name = "key_accounts";
        keys.before = key_count(A);
        keys.after = key_count(B);
        keys.changed = A.keys != B.keys;
        out.totals.push_back(keys);
        auto mean_health = [](const SideData& s) -> std::string {
            int64_t sum = 0, n = 0;
            for (const AccountMetrics& m : s.metrics)
                if (m.health.score.value) sum += *m.health.score.value, ++n;
            if (n == 0) return "(no account with a health score)";
            return percent_of(sum, n * 100).to_string();
        };
        TotalDelta mh;
        mh.name = "mean_health";
        mh.before = mean_health(A);
        mh.after = mean_health(B);
        mh.changed = mh.before != mh.after;
        out.totals.push_back(mh);
        auto fixed = [](const Figure<Fixed>& f) {
            return f.value ? f.value->to_string() : "(" + f.reason + ")";
        };
        TotalDelta ret;
        ret.name = "retention_pct";
        ret.before = fixed(A.totals->retention_pct);
        ret.after = fixed(B.totals->retention_pct);
        ret.changed = ret.before != ret.after;
        out.totals.push_back(ret);
    }

    // Gates take their severities from the after side's rules:.
    apply_severities(out.findings, B.settings.rules);
    sort_diagnostics(out.findings);
    return out;
}

namespace {

// ".../accounts/SLUG/FILE": where account files live.
bool in_account_folder(const std::string& path) {
    const size_t last = path.rfind('/');
    if (last == std::string::npos || last == 0) return false;
    const size_t prev = path.rfind('/', last - 1);
    const std::string slug = path.substr(prev == std::string::npos ? 0 : prev + 1,
                                         last - (prev == std::string::npos ? 0 : prev + 1));
    const std::string head = prev == std::string::npos ? "" : path.substr(0, prev);
    return is_valid_slug(slug) && (head == "accounts" || head.ends_with("/accounts"));
}

}  // namespace

std::vector<Change> diff_file_texts(const std::string& path,
                                    const std::optional<std::string>& before,
                                    const std::optional<std::string>& after, std::string* error) {
    const size_t slash = path.rfind('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    const Schema* schema = nullptr;
    std::string section;
    if (name == "kam.yaml") {
        schema = &portfolio_schema();
        section = "kam.yaml";
    } else if (const SectionFile* s = find_section(name);
               s && s->file == name && in_account_folder(path)) {
        schema = s->schema;
        section = std::string(s->section);
    }
    if (!schema) {
        if (error) *error = fmt::format("{} is not an account file", path);
        return {};
    }
    std::shared_ptr<const Value> va, vb;
    if (before) {
        va = ValueCache::parse(*before, *schema);
        if (!va) {
            if (error) *error = fmt::format("the old {} does not parse", name);
            return {};
        }
    }
    if (after) {
        vb = ValueCache::parse(*after, *schema);
        if (!vb) {
            if (error) *error = fmt::format("the new {} does not parse", name);
            return {};
        }
    }
    return compare_file(section, va.get(), vb.get());
}

}  // namespace kam::diff
