// kam completion bash|zsh|fish: shell completion generated from this very
// command line (subcommands, options, their choices), so it cannot drift; and
// the hidden `kam __complete WHAT` that gives the dynamic values (account
// slugs, record kinds, field paths) from the portfolio the user stands in.
#include <fmt/format.h>

#include "commands.hpp"
#include "kam/edit/add_record.hpp"
#include "kam/edit/path_complete.hpp"
#include "kam/render/json_schema.hpp"
#include "kam/util/error.hpp"
#include "output.hpp"

namespace kam::cli {

namespace {

// What a positional argument or an option's value completes to, beyond
// fixed choices. The one piece of knowledge CLI11 does not hold.
enum class Source { none, files, dirs, slugs, kinds, paths, values };

struct OptionModel {
    std::vector<std::string> names;  // "-f", "--format"
    std::string help;
    bool takes_value = false;
    std::vector<std::string> choices;
    Source source = Source::none;
};

struct PositionalModel {
    std::string name;
    std::vector<std::string> choices;
    Source source = Source::none;
    bool many = false;
};

struct CommandModel {
    std::string name, help;
    std::vector<OptionModel> options;
    std::vector<PositionalModel> positionals;
};

struct CliModel {
    std::vector<OptionModel> global;
    std::vector<CommandModel> commands;
};

// IsMember describes itself as "{a,b,c}".
std::vector<std::string> choices_of(CLI::Option* opt) {
    std::vector<std::string> out;
    std::string desc;
    try {
        desc = opt->get_validator()->get_description();
    } catch (const CLI::OptionNotFound&) {
        return out;
    }
    if (desc.size() < 2 || desc.front() != '{' || desc.back() != '}') return out;
    desc = desc.substr(1, desc.size() - 2);
    for (size_t at = 0; at <= desc.size();) {
        const size_t comma = std::min(desc.find(',', at), desc.size());
        if (comma > at) out.push_back(desc.substr(at, comma - at));
        at = comma + 1;
    }
    return out;
}

Source positional_source(std::string_view command, std::string_view name) {
    if (name == "slug") return command == "new" ? Source::none : Source::slugs;
    if (name == "kind" && command == "add") return Source::kinds;
    if (name == "path") return Source::paths;
    if (name == "paths") return Source::files;
    if (name == "dir") return Source::dirs;
    if (name == "value" && command == "set") return Source::values;
    return Source::none;
}

Source option_source(const std::vector<std::string>& names) {
    for (const std::string& n : names) {
        if (n == "--root") return Source::dirs;
        if (n == "--output" || n == "--template" || n == "--file") return Source::files;
    }
    return Source::none;
}

std::vector<OptionModel> options_of(CLI::App& app) {
    std::vector<OptionModel> out;
    for (CLI::Option* opt : app.get_options()) {
        if (!opt->nonpositional()) continue;
        OptionModel o;
        for (const std::string& s : opt->get_snames()) o.names.push_back("-" + s);
        for (const std::string& l : opt->get_lnames()) o.names.push_back("--" + l);
        o.help = opt->get_description();
        o.takes_value = opt->get_expected_max() > 0;  // flags expect none
        o.choices = choices_of(opt);
        o.source = option_source(o.names);
        out.push_back(std::move(o));
    }
    return out;
}

CliModel model_of(CLI::App& root) {
    CliModel m;
    m.global = options_of(root);
    for (CLI::App* sub : root.get_subcommands([](CLI::App*) { return true; })) {
        if (sub->get_group().empty()) continue;  // hidden
        CommandModel c;
        c.name = sub->get_name();
        c.help = sub->get_description();
        c.options = options_of(*sub);
        for (CLI::Option* opt : sub->get_options()) {
            if (opt->nonpositional()) continue;
            PositionalModel p;
            p.name = opt->get_name();
            p.choices = choices_of(opt);
            p.source = positional_source(c.name, p.name);
            p.many = opt->get_items_expected_max() > 1;
            c.positionals.push_back(std::move(p));
        }
        m.commands.push_back(std::move(c));
    }
    return m;
}

std::string join(const std::vector<std::string>& words, std::string_view sep = " ") {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : std::string(sep)) + w;
    return out;
}

std::string all_names(const std::vector<OptionModel>& options) {
    std::vector<std::string> names;
    for (const OptionModel& o : options)
        for (const std::string& n : o.names) names.push_back(n);
    return join(names);
}

// --- bash ------------------------------------------------------------------

std::string bash_source(Source s, std::string_view positional_hint = {}) {
    switch (s) {
        case Source::files:
            return "_kam_files";
        case Source::dirs:
            return "_kam_dirs";
        case Source::slugs:
            return "_kam_dynamic slugs";
        case Source::kinds:
            return "_kam_dynamic kinds";
        case Source::paths:
            return fmt::format("_kam_dynamic paths \"{}\"", positional_hint);
        case Source::values:
            return "_kam_dynamic values \"${positionals[1]:-}\"";
        case Source::none:
            break;
    }
    return "return 0";
}

std::string bash_value_case(const std::string& pattern_prefix, const OptionModel& o) {
    std::vector<std::string> patterns;
    for (const std::string& n : o.names) patterns.push_back(pattern_prefix + n);
    std::string action;
    if (!o.choices.empty())
        action = fmt::format("_kam_words \"{}\"", join(o.choices));
    else
        action = bash_source(o.source);
    if (action == "return 0") return fmt::format("        {}) return 0 ;;\n", join(patterns, "|"));
    return fmt::format("        {}) {}; return 0 ;;\n", join(patterns, "|"), action);
}

// COMPREPLY from compgen: mapfile in bash; zsh's bashcompinit has no mapfile.
constexpr std::string_view k_bash_reply = R"(_kam_reply() {
    mapfile -t COMPREPLY < <(compgen "$@" -- "$cur")
})";
constexpr std::string_view k_zsh_reply = R"(_kam_reply() {
    local IFS=$'\n'
    COMPREPLY=($(compgen "$@" -- "$cur"))
})";

std::string bash_script(const CliModel& m, std::string_view reply = k_bash_reply) {
    std::string value_options;  // "cmd:-f|cmd:--format": options that take the next word
    std::string value_cases;
    for (const OptionModel& o : m.global)
        if (o.takes_value) {
            for (const std::string& n : o.names)
                value_options += (value_options.empty() ? "*:" : "|*:") + n;
            value_cases += bash_value_case("*:", o);
        }
    std::vector<std::string> command_names;
    std::string option_cases, positional_cases;
    for (const CommandModel& c : m.commands) {
        command_names.push_back(c.name);
        for (const OptionModel& o : c.options)
            if (o.takes_value) {
                for (const std::string& n : o.names)
                    value_options += fmt::format("|{}:{}", c.name, n);
                value_cases += bash_value_case(c.name + ":", o);
            }
        option_cases += fmt::format("            {}) _kam_words \"{} {}\" ;;\n", c.name,
                                    all_names(c.options), all_names(m.global));
        for (size_t i = 0; i < c.positionals.size(); ++i) {
            const PositionalModel& p = c.positionals[i];
            const std::string action = !p.choices.empty()
                                           ? fmt::format("_kam_words \"{}\"", join(p.choices))
                                           : bash_source(p.source, "${positionals[0]:-}");
            positional_cases += fmt::format("        {}:{}) {} ;;\n", c.name,
                                            p.many ? std::string("*") : std::to_string(i), action);
        }
    }

    return fmt::format(
        R"(# bash completion for kam(1).
# Generated by `kam completion bash` from kam's own command line; account
# slugs, record kinds and field paths come from `kam __complete`, which reads
# the portfolio you stand in (or --root).

{reply}

_kam_words() {{
    _kam_reply -W "$1"
}}

_kam_files() {{
    compopt -o filenames 2>/dev/null
    _kam_reply -f
}}

_kam_dirs() {{
    compopt -o filenames 2>/dev/null
    _kam_reply -d
}}

# _kam_dynamic WHAT [ARG]: candidates from the portfolio, one a line.
_kam_dynamic() {{
    local candidates
    candidates=$("${{COMP_WORDS[0]}}" "${{root_args[@]}}" __complete "$@" "$cur" 2>/dev/null)
    _kam_reply -W "$candidates"
    # A path that goes on (risks.R1.) wants no space after it.
    if [[ ${{#COMPREPLY[@]}} -eq 1 && ${{COMPREPLY[0]}} == *. ]]; then
        compopt -o nospace 2>/dev/null
    fi
}}

_kam() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=""
    if [[ $COMP_CWORD -gt 0 ]]; then prev=${{COMP_WORDS[COMP_CWORD - 1]}}; fi
    local cmd="" word i
    local -a positionals=() root_args=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        if [[ $word == --root ]]; then root_args=(--root "${{COMP_WORDS[i + 1]}}"); fi
        case "$cmd:$word" in
            {value_options}) ((i++)) ;;
            *:-*) ;;
            :*) cmd=$word ;;
            *) positionals+=("$word") ;;
        esac
    done

    # The value of an option.
    case "$cmd:$prev" in
{value_cases}    esac

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            _kam_words "{global} --help --version"
        else
            _kam_words "{commands}"
        fi
        return 0
    fi
    if [[ $cur == -* ]]; then
        case $cmd in
{option_cases}        esac
        return 0
    fi
    case "$cmd:${{#positionals[@]}}" in
{positional_cases}    esac
    return 0
}}

complete -F _kam kam
)",
        fmt::arg("reply", reply), fmt::arg("value_options", value_options),
        fmt::arg("value_cases", value_cases), fmt::arg("global", all_names(m.global)),
        fmt::arg("commands", join(command_names)), fmt::arg("option_cases", option_cases),
        fmt::arg("positional_cases", positional_cases));
}

// --- zsh: the bash function through zsh's bashcompinit ------------------------

std::string zsh_script(const CliModel& m) {
    return "#compdef kam\n"
           "# zsh completion for kam(1), generated by `kam completion zsh`: the bash\n"
           "# completion run through zsh's bashcompinit.\n"
           "autoload -U +X bashcompinit && bashcompinit\n" +
           bash_script(m, k_zsh_reply);
}

// --- fish ------------------------------------------------------------------------

std::string fish_quote(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string fish_option(std::string_view condition, const OptionModel& o) {
    std::string line = fmt::format("complete -c kam -n {}", fish_quote(condition));
    for (const std::string& n : o.names)
        line += n.starts_with("--") ? fmt::format(" -l {}", n.substr(2))
                                    : fmt::format(" -s {}", n.substr(1));
    if (!o.choices.empty())
        line += fmt::format(" -x -a {}", fish_quote(join(o.choices)));
    else if (o.source == Source::dirs)
        line += " -x -a '(__fish_complete_directories)'";
    else if (o.takes_value)
        line += " -r";
    return line + fmt::format(" -d {}\n", fish_quote(o.help));
}

std::string fish_script(const CliModel& m) {
    std::string out =
        "# fish completion for kam(1), generated by `kam completion fish` from kam's own\n"
        "# command line; slugs, kinds and field paths come from `kam __complete`.\n"
        "function __kam_args\n"
        "    set -l words (commandline -opc)\n"
        "    set -l i (contains -i -- --root $words)\n"
        "    and echo --root $words[(math $i + 1)]\n"
        "end\n"
        "function __kam_positionals\n"
        "    # How many words follow the subcommand (options excluded).\n"
        "    set -l words (commandline -opc)\n"
        "    set -l n 0\n"
        "    set -l seen 0\n"
        "    for w in $words[2..-1]\n"
        "        if string match -q -- '-*' $w\n"
        "            continue\n"
        "        end\n"
        "        if test $seen = 1\n"
        "            set n (math $n + 1)\n"
        "        else\n"
        "            set seen 1\n"
        "        end\n"
        "    end\n"
        "    echo $n\n"
        "end\n"
        "function __kam_positional\n"
        "    # The Nth word after the subcommand (options excluded).\n"
        "    set -l words (commandline -opc)\n"
        "    set -l n -1\n"
        "    for w in $words[2..-1]\n"
        "        if string match -q -- '-*' $w\n"
        "            continue\n"
        "        end\n"
        "        set n (math $n + 1)\n"
        "        if test $n = $argv[1]\n"
        "            echo $w\n"
        "            return\n"
        "        end\n"
        "    end\n"
        "end\n"
        "complete -c kam -f\n";
    std::vector<std::string> names;
    for (const CommandModel& c : m.commands) names.push_back(c.name);
    for (const OptionModel& o : m.global) out += fish_option("true", o);
    for (const CommandModel& c : m.commands)
        out += fmt::format("complete -c kam -n '__fish_use_subcommand' -a {} -d {}\n", c.name,
                           fish_quote(c.help));
    for (const CommandModel& c : m.commands) {
        const std::string in = fmt::format("__fish_seen_subcommand_from {}", c.name);
        for (const OptionModel& o : c.options) out += fish_option(in, o);
        for (size_t i = 0; i < c.positionals.size(); ++i) {
            const PositionalModel& p = c.positionals[i];
            const std::string at =
                p.many ? in : fmt::format("{}; and test (__kam_positionals) = {}", in, i);
            std::string values;
            if (!p.choices.empty()) {
                values = fish_quote(join(p.choices));
            } else {
                switch (p.source) {
                    case Source::slugs:
                        values = "'(kam (__kam_args) __complete slugs)'";
                        break;
                    case Source::kinds:
                        values = "'(kam (__kam_args) __complete kinds)'";
                        break;
                    case Source::paths:
                        values =
                            "'(kam (__kam_args) __complete paths (__kam_positional 1) "
                            "(commandline -ct))'";
                        break;
                    case Source::values:
                        values = "'(kam __complete values (__kam_positional 2))'";
                        break;
                    case Source::files:
                        values = "'(__fish_complete_path (commandline -ct))'";
                        break;
                    case Source::dirs:
                        values = "'(__fish_complete_directories (commandline -ct))'";
                        break;
                    case Source::none:
                        continue;
                }
            }
            out += fmt::format("complete -c kam -n {} -x -a {}\n", fish_quote(at), values);
        }
    }
    return out;
}

// --- kam __complete ----------------------------------------------------------------

struct CompleteOptions {
    std::vector<std::string> words;  // WHAT [SLUG] [CURRENT WORD]
};

int run_complete(const Context& ctx, const CompleteOptions& o) {
    if (o.words.empty())
        throw UsageError("kam __complete slugs|kinds|schema-kinds|paths SLUG|values PATH");
    const std::string& what = o.words[0];
    std::vector<std::string> out;
    if (what == "kinds") {
        for (const RecordKind& k : record_kinds()) out.emplace_back(k.kind);
    } else if (what == "schema-kinds") {
        for (const SchemaKind& k : schema_kinds()) out.emplace_back(k.name);
    } else if (what == "values") {
        out = field_value_candidates(o.words.size() > 1 ? o.words[1] : std::string());
    } else if (what == "slugs" || what == "paths") {
        std::optional<PortfolioRoot> root;
        try {
            root = ctx.root();
        } catch (const UsageError&) {
            return 0;  // no portfolio here: nothing to offer, and no message in the prompt
        }
        if (what == "slugs") {
            out = account_slugs(ctx.fs(), root->path);
        } else {
            const std::string slug = o.words.size() > 1 ? o.words[1] : std::string();
            const std::string typed = o.words.size() > 2 ? o.words.back() : std::string();
            out = field_path_candidates(ctx.fs(), root->path, slug, typed);
        }
    } else {
        throw UsageError(fmt::format("kam __complete: unknown '{}'", what));
    }
    for (const std::string& line : out) print_out(fmt::format("{}\n", line));
    return 0;
}

struct CompletionOptions {
    std::string shell;
};

}  // namespace

void setup_completion(CLI::App& sub, Action& action) {
    auto o = std::make_shared<CompletionOptions>();
    sub.add_option("shell", o->shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    CLI::App* root = sub.get_parent();
    sub.callback([&action, o, root] {
        action = [o, root](const Context&) {
            const CliModel m = model_of(*root);
            print_out(fmt::format("{}", o->shell == "bash"  ? bash_script(m)
                                        : o->shell == "zsh" ? zsh_script(m)
                                                            : fish_script(m)));
            return 0;
        };
    });
}

void setup_complete(CLI::App& sub, Action& action) {
    auto o = std::make_shared<CompleteOptions>();
    sub.group("");  // hidden: the completion scripts call it
    sub.add_option(
        "words", o->words,
        "slugs|kinds|schema-kinds [CURRENT], paths SLUG [CURRENT], values PATH [CURRENT]");
    sub.callback(
        [&action, o] { action = [o](const Context& ctx) { return run_complete(ctx, *o); }; });
}

}  // namespace kam::cli
