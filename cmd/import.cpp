#include "import.hpp"

#include "csvio/exports.hpp"
#include "diag/failure.hpp"
#include "evaluate.hpp"
#include "help.hpp"
#include "progress.hpp"
#include "report/cells.hpp"
#include "report/output.hpp"
#include "stored.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <future>
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

// An export as named, with its size; standard input is read (and hashed) at once. Files are
// hashed by hash_files, which may run while they are read.
std::optional<Export> sized(const std::string& role, const std::string& name) {
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
    e.record.bytes = static_cast<std::int64_t>(std::filesystem::file_size(name, error));
    return e;
}

// The hash of each export, in order (standard input's is known already). An unreadable file
// gets an empty hash; the CSV reader reports it with the exact reason.
std::vector<std::string> hash_files(const std::vector<Export>& exports) {
    std::vector<std::string> hashes;
    for (const Export& e : exports) {
        hashes.push_back(e.name == "-" ? e.record.sha256 : util::sha256_file(e.name));
    }
    return hashes;
}

void set_hashes(std::vector<Export>& exports, const std::vector<std::string>& hashes) {
    for (std::size_t i = 0; i < exports.size(); ++i) {
        exports[i].record.sha256 = hashes[i];
    }
}

// Files can only be the same as the last import's when each has the size recorded then.
bool maybe_same_files(const std::vector<Export>& exports, const store::ImportRecord& last) {
    if (exports.size() != last.files.size()) {
        return false;
    }
    for (std::size_t i = 0; i < exports.size(); ++i) {
        if (exports[i].role != last.files[i].role || exports[i].record.bytes != last.files[i].bytes) {
            return false;
        }
    }
    return true;
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
        if (!problem) {
            ++m_unit_rows;
            if (m_import != nullptr) {
                m_import->add_unit_row(row);
            }
        }
        return problem;
    }

    // The book validates a whole batch at once (its fast path); the valid rows are then
    // stored in order.
    void add_unit_rows(std::span<const model::UnitRow> rows, std::vector<model::RowProblem>& problems) override {
        std::size_t next_problem = problems.size();
        m_book.add_unit_rows(rows, problems);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (next_problem < problems.size() && problems[next_problem].index == i) {
                ++next_problem;
                continue;
            }
            ++m_unit_rows;
            if (m_import != nullptr) {
                m_import->add_unit_row(rows[i]);
            }
        }
    }

    std::int64_t unit_rows() const { return m_unit_rows; }

private:
    engine::EntryBook& m_book;
    store::Store::Import* m_import;
    std::int64_t m_unit_rows = 0;
};

struct Loaded {
    std::int64_t entries = 0;
    std::int64_t unit_rows = 0;
    std::int64_t visits = 0;
};

Loaded read_all(std::vector<Export>& exports, const Setup& setup, const std::string& centre,
                engine::EntryBook& book, store::Store::Import* import, diag::Diagnostics* rejects,
                ProgressDisplay& progress) {
    ImportSink sink(book, import);
    csvio::ReadOptions options{centre, rejects};
    for (const Export& e : exports) {
        if (e.role == "candidates" && e.name != "-") {
            reserve_for(e.name, book);
        }
    }
    Loaded loaded;
    diag::Diagnostics problems;
    auto attempt = [&](auto&& read) {
        try {
            read();
            progress.clear();
        } catch (const diag::Failure& failure) {
            progress.clear();
            if (failure.status() != diag::ExitStatus::bad_input) {
                throw;
            }
            diag::Diagnostics copy = failure.diagnostics();
            problems.merge(std::move(copy));
        }
    };
    for (Export& e : exports) {
        if (e.role == "candidates") {
            attempt([&] { e.record.rows = static_cast<std::int64_t>(csvio::read_candidates(progress.watch(e.input()), setup.rules, options, sink).rows); });
            loaded.entries = e.record.rows;
            if (problems.empty() && e.record.rows == 0) {
                // A broken export would otherwise replace the centre's data with nothing.
                problems.add(diag::Diagnostic{e.name, 0, 0, "no entries: the file has a header row and nothing else",
                                              "import a candidates export with at least one entry", {}});
            }
        } else if (e.role == "units") {
            if (!problems.empty()) {
                break; // unit rows cannot be matched against entries that failed to load
            }
            attempt([&] { e.record.rows = static_cast<std::int64_t>(csvio::read_units(progress.watch(e.input()), options, sink).rows); });
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
    loaded.entries = static_cast<std::int64_t>(book.size());
    loaded.unit_rows = sink.unit_rows();
    return loaded;
}

// The last import is "many" unit rows from here on: a smaller centre's counts swing too much.
constexpr std::int64_t k_shrink_from = 20;

std::int64_t unit_rows_of(const store::ImportRecord& record) {
    for (const store::ImportedFile& file : record.files) {
        if (file.role == "units") {
            return file.rows;
        }
    }
    return 0;
}

// A units export that reads as empty, or as far fewer rows than last time, is far more often
// a broken export than a centre whose results vanished: importing it would make entries "No
// activity" and replace the centre's results, so it needs --allow-shrink.
void check_shrink(const std::vector<Export>& exports, const std::optional<store::ImportRecord>& last,
                  bool allowed) {
    const auto units = std::find_if(exports.begin(), exports.end(), [](const Export& e) { return e.role == "units"; });
    if (allowed || units == exports.end()) {
        return;
    }
    const std::string name = units->name == "-" ? "<stdin>" : units->name;
    const std::int64_t rows = units->record.rows;
    const std::int64_t before = last ? unit_rows_of(*last) : 0;
    if (rows == 0) {
        throw diag::Failure::at(diag::ExitStatus::bad_input,
                                diag::Diagnostic{name, 0, 0,
                                                 "no unit rows: the file has a header row and nothing else; "
                                                 "every entry would show \"No activity\"; nothing imported",
                                                 "check the export (empty or cut short?); if the centre really has "
                                                 "no unit rows yet, import again with --allow-shrink", {}});
    }
    if (before >= k_shrink_from && rows * 2 < before) {
        throw diag::Failure::at(diag::ExitStatus::bad_input,
                                diag::Diagnostic{name, 0, 0,
                                                 fmt::format("{} unit rows, under half of the {} in import {}; "
                                                             "nothing imported",
                                                             rows, before, last->id),
                                                 "check the export is complete; if the centre's unit rows really "
                                                 "fell, import again with --allow-shrink", {}});
    }
}

// One CSV row per rejected row: where it was, what was wrong, and the row as it was.
void write_rejects(const std::string& path, const diag::Diagnostics& rejects, bool excel) {
    report::Output out(path);
    if (excel) {
        out.start_excel_csv();
    }
    std::string text = "file,line,column,error,hint,row\r\n";
    for (const diag::Diagnostic& d : rejects.recorded()) {
        // Named, not temporaries: views of to_string()'s results would dangle in the loop
        // (AddressSanitizer's stack-use-after-scope in `make test-sanitize`).
        const std::string line = std::to_string(d.line);
        const std::string column = std::to_string(d.column);
        for (std::string_view cell : {std::string_view(d.file), std::string_view(line), std::string_view(column),
                                      std::string_view(d.message), std::string_view(d.hint),
                                      std::string_view(d.source_line)}) {
            report::append_csv_cell(text, cell);
            text.push_back(',');
        }
        text.back() = '\r';
        text += "\n";
    }
    out.write(text);
    out.close();
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
    sub->add_flag("--skip-invalid", o.skip_invalid,
                  "Load the good rows and write each rejected row, with its error, to --rejects");
    sub->add_option("--rejects", o.rejects, "Where --skip-invalid writes rejected rows (CSV)")->type_name("FILE");
    sub->add_flag("--allow-shrink", o.allow_shrink,
                  "Accept a units export with no rows, or under half the rows of the last import");
    add_excel_option(*sub, o.common.format);
    set_help(*sub,
             {{"qualcheck import --candidates candidates.csv --units units.csv --visits visits.csv",
               "load this week's exports into the store named by ./qualcheck.toml"},
              {"qualcheck import --dry-run --candidates candidates.csv --units units.csv",
               "only validate: every error with its file and line, nothing written"},
              {"qualcheck import --skip-invalid --rejects rejected.csv --candidates c.csv --units u.csv",
               "load the good rows; the bad ones go to rejected.csv with their errors"}},
             "Everything is validated first; a bad file changes nothing (exit 2, every error listed).\n"
             "Importing the same files again is a no-op that says so. A units export with no rows, or\n"
             "under half the rows of the last import (when that had 20 or more), is refused as\n"
             "probably broken unless --allow-shrink is given.");
}

int run_import(const ImportOptions& o) {
    if (o.inputs.candidates == "-" && o.inputs.units == "-") {
        throw diag::Failure(diag::ExitStatus::bad_input, "--candidates and --units cannot both read standard input");
    }
    if (o.skip_invalid != !o.rejects.empty()) {
        throw diag::Failure(diag::ExitStatus::bad_input, "--skip-invalid and --rejects FILE go together",
                            "rejected rows are always written somewhere: --skip-invalid --rejects rejected.csv");
    }
    Setup setup = prepare(o.common);
    std::vector<report::Protected> inputs = protected_files(o.common, setup.config, setup.config.rules);
    inputs.insert(inputs.end(), {{"the candidates export", o.inputs.candidates}, {"the units export", o.inputs.units},
                                 {"the visits export", o.inputs.visits}});
    report::refuse_overwriting("--rejects", o.rejects, inputs);
    const std::string centre = default_centre(o.common, setup.config);
    std::vector<Export> exports;
    for (auto [role, name] : {std::pair{"candidates", o.inputs.candidates}, {"units", o.inputs.units},
                              {"visits", o.inputs.visits}}) {
        if (auto e = sized(role, name)) {
            exports.push_back(std::move(*e));
        }
    }
    engine::EntryBook book(setup.rules);
    ProgressDisplay progress(o.common);
    if (o.dry_run) {
        Loaded loaded = read_all(exports, setup, centre, book, nullptr, nullptr, progress);
        warn_far_ecds(book, o.inputs.candidates, setup.current);
        std::printf("dry run: the exports are valid: %lld entries, %lld unit rows, %lld visits; nothing written\n",
                    static_cast<long long>(loaded.entries), static_cast<long long>(loaded.unit_rows),
                    static_cast<long long>(loaded.visits));
        return 0;
    }
    store::Store store = open_store(o.common, setup, store::OpenMode::create_if_missing);
    // Hashing 600 MB takes seconds: unless the files may be the last import's again, it runs
    // on a second thread while they are read.
    std::future<std::vector<std::string>> hashing;
    const std::optional<store::ImportRecord> last = store.last_import();
    if (last && maybe_same_files(exports, *last)) {
        set_hashes(exports, hash_files(exports));
        if (same_files(exports, *last)) {
            std::printf("nothing to do: these files are the same as import %lld (%s)\n",
                        static_cast<long long>(last->id), last->at.c_str());
            return 0;
        }
    } else {
        hashing = std::async(std::launch::async, hash_files, std::cref(exports));
    }
    std::int64_t import_id = 0;
    Loaded loaded;
    diag::Diagnostics rejects(SIZE_MAX);
    {
        store::Store::Import import = store.begin_import(timestamp(setup), acting_user(o.user));
        loaded = read_all(exports, setup, centre, book, &import, o.skip_invalid ? &rejects : nullptr, progress);
        warn_far_ecds(book, o.inputs.candidates, setup.current);
        if (o.skip_invalid) {
            write_rejects(o.rejects, rejects, o.common.format == "excel"); // before commit: a lost rejects file loses no rows
        }
        check_shrink(exports, last, o.allow_shrink); // after the rejects, which say why rows are missing
        if (hashing.valid()) {
            set_hashes(exports, hashing.get());
        }
        std::vector<store::ImportedFile> files;
        for (const Export& e : exports) {
            files.push_back(e.record);
        }
        import_id = import.commit(files);
    }
    // The book holds exactly what was stored: judge it rather than read 12 million rows back.
    judge_and_save(store, setup, import_id, book);
    std::printf("imported %lld entries, %lld unit rows and %lld visits as import %lld into %s\n",
                static_cast<long long>(loaded.entries), static_cast<long long>(loaded.unit_rows),
                static_cast<long long>(loaded.visits), static_cast<long long>(import_id),
                store.path().c_str());
    if (o.skip_invalid) {
        std::printf("%zu row%s rejected; written with their errors to %s\n", rejects.count(),
                    rejects.count() == 1 ? "" : "s", o.rejects.c_str());
    }
    return 0;
}

} // namespace qc::cmd
