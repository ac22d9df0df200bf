#include "import.hpp"

#include "csvio/exports.hpp"
#include "diag/failure.hpp"
#include "stored.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>

namespace qc::cmd {

namespace {

// One export as read for an import: its text when it came from stdin (read once, hashed,
// then parsed from memory), and its fingerprint.
struct Export {
    std::string role;
    std::string name;
    std::string stdin_text;
    store::ImportedFile record;

    csvio::Input input() const {
        return name == "-" ? csvio::Input::memory("-", stdin_text) : csvio::Input::file(name);
    }
};

std::optional<Export> fingerprint(const std::string& role, const std::string& name) {
    if (name.empty()) {
        return std::nullopt;
    }
    Export e{role, name, {}, {role, name, {}, 0, 0}};
    if (name == "-") {
        e.stdin_text.assign(std::istreambuf_iterator<char>(std::cin), {});
        e.record.sha256 = util::sha256_hex(e.stdin_text);
        e.record.bytes = static_cast<std::int64_t>(e.stdin_text.size());
        return e;
    }
    std::error_code error;
    e.record.sha256 = util::sha256_file(name);
    e.record.bytes = static_cast<std::int64_t>(std::filesystem::file_size(name, error));
    // An unreadable file is reported by the CSV reader with the exact reason.
    return e;
}

bool same_files(const std::vector<Export>& exports, const store::ImportRecord& last) {
    if (exports.size() != last.files.size()) {
        return false;
    }
    for (std::size_t i = 0; i < exports.size(); ++i) {
        if (exports[i].role != last.files[i].role || exports[i].record.sha256 != last.files[i].sha256 ||
            exports[i].record.sha256.empty()) {
            return false;
        }
    }
    return true;
}

// Passes each fact to the grouping table, which validates it, and stores it only when valid.
class ImportSink final : public model::FactSink {
public:
    ImportSink(engine::EntryBook& book, store::Store::Import* import) : m_book(book), m_import(import) {}

    std::optional<model::Problem> add_entry(model::Entry entry) override {
        auto problem = m_book.add_entry(std::move(entry));
        if (!problem && m_import != nullptr) {
            m_import->add_entry(m_book.entry(m_book.size() - 1));
        }
        return problem;
    }

    std::optional<model::Problem> add_unit_row(const model::UnitRow& row) override {
        auto problem = m_book.add_unit_row(row);
        if (!problem && m_import != nullptr) {
            m_import->add_unit_row(row);
        }
        return problem;
    }

private:
    engine::EntryBook& m_book;
    store::Store::Import* m_import;
};

struct Loaded {
    std::int64_t entries = 0;
    std::int64_t unit_rows = 0;
    std::int64_t visits = 0;
};

Loaded read_all(std::vector<Export>& exports, const Setup& setup, const std::string& centre,
                engine::EntryBook& book, store::Store::Import* import) {
    ImportSink sink(book, import);
    csvio::ReadOptions options{centre};
    Loaded loaded;
    diag::Diagnostics problems;
    auto attempt = [&](auto&& read) {
        try {
            read();
        } catch (const diag::Failure& failure) {
            if (failure.status() != diag::ExitStatus::bad_input) {
                throw;
            }
            diag::Diagnostics copy = failure.diagnostics();
            problems.merge(std::move(copy));
        }
    };
    for (Export& e : exports) {
        if (e.role == "candidates") {
            attempt([&] { e.record.rows = static_cast<std::int64_t>(csvio::read_candidates(e.input(), setup.rules, options, sink).rows); });
            loaded.entries = e.record.rows;
        } else if (e.role == "units") {
            if (!problems.empty()) {
                break; // unit rows cannot be matched against entries that failed to load
            }
            attempt([&] { e.record.rows = static_cast<std::int64_t>(csvio::read_units(e.input(), options, sink).rows); });
            loaded.unit_rows = e.record.rows;
        } else {
            attempt([&] {
                auto visits = csvio::read_visits(e.input(), setup.rules);
                for (const model::Visit& visit : visits) {
                    if (import != nullptr) {
                        import->add_visit(visit);
                    }
                }
                e.record.rows = static_cast<std::int64_t>(visits.size());
            });
            loaded.visits = e.record.rows;
        }
    }
    diag::throw_if_any(problems);
    return loaded;
}

} // namespace

void register_import(CLI::App& app, ImportOptions& o) {
    CLI::App* sub = app.add_subcommand("import", "Validate exports and load them into the centre's store");
    add_common_options(*sub, o.common, false);
    sub->add_option("--candidates", o.inputs.candidates, "candidates.csv export ('-' for stdin)")
        ->type_name("FILE")
        ->required();
    sub->add_option("--units", o.inputs.units, "units.csv export ('-' for stdin)")
        ->type_name("FILE")
        ->required();
    sub->add_option("--visits", o.inputs.visits, "visits.csv: moderation visits (optional)")->type_name("FILE");
    sub->add_option("--user", o.user, "Who is importing (default: the login name)")->type_name("NAME");
    sub->add_flag("--dry-run", o.dry_run, "Validate and say what would change; write nothing");
    sub->footer(R"(Everything is validated first; a bad file changes nothing (exit 2, every error listed).
Importing the same files again is a no-op that says so.

Examples:
  qualcheck import --candidates candidates.csv --units units.csv
  qualcheck import --config qualcheck.toml --candidates c.csv --units u.csv --visits visits.csv
  qualcheck import --dry-run --candidates c.csv --units u.csv)");
}

int run_import(const ImportOptions& o) {
    if (o.inputs.candidates == "-" && o.inputs.units == "-") {
        throw diag::Failure(diag::ExitStatus::bad_input, "--candidates and --units cannot both read standard input");
    }
    Setup setup = prepare(o.common);
    const std::string centre = default_centre(o.common, setup.config);
    std::vector<Export> exports;
    for (auto [role, name] : {std::pair{"candidates", o.inputs.candidates}, {"units", o.inputs.units},
                              {"visits", o.inputs.visits}}) {
        if (auto e = fingerprint(role, name)) {
            exports.push_back(std::move(*e));
        }
    }
    engine::EntryBook book(setup.rules);
    if (o.dry_run) {
        Loaded loaded = read_all(exports, setup, centre, book, nullptr);
        std::printf("dry run: the exports are valid: %lld entries, %lld unit rows, %lld visits; nothing written\n",
                    static_cast<long long>(loaded.entries), static_cast<long long>(loaded.unit_rows),
                    static_cast<long long>(loaded.visits));
        return 0;
    }
    store::Store store = open_store(o.common, setup, store::OpenMode::create_if_missing);
    if (auto last = store.last_import(); last && same_files(exports, *last)) {
        std::printf("nothing to do: these files are the same as import %lld (%s)\n",
                    static_cast<long long>(last->id), last->at.c_str());
        return 0;
    }
    std::int64_t import_id = 0;
    Loaded loaded;
    {
        store::Store::Import import = store.begin_import(timestamp(setup), acting_user(o.user));
        loaded = read_all(exports, setup, centre, book, &import);
        std::vector<store::ImportedFile> files;
        for (const Export& e : exports) {
            files.push_back(e.record);
        }
        import_id = import.commit(files);
    }
    rejudge_and_save(store, setup);
    std::printf("imported %lld entries, %lld unit rows and %lld visits as import %lld into %s\n",
                static_cast<long long>(loaded.entries), static_cast<long long>(loaded.unit_rows),
                static_cast<long long>(loaded.visits), static_cast<long long>(import_id),
                store.path().c_str());
    return 0;
}

} // namespace qc::cmd
