// Files and folders -> RuleBook: finds the .toml files, reads each into a checked Draft, then
// checks what must be unique across files before anything reaches the RuleBook.
#include "rulesfile/load.hpp"

#include "diag/failure.hpp"
#include "rulesfile/draft.hpp"
#include "util/strings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>

namespace qc::rulesfile {

namespace fs = std::filesystem;

Reporter::Reporter(std::string file, std::string_view text, diag::Diagnostics& out)
    : m_file(std::move(file)), m_out(&out) {
    for (std::string_view line : util::split(text, '\n')) {
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        m_lines.emplace_back(line);
    }
}

void Reporter::error(const model::SourceRef& where, std::string message, std::string hint) {
    diag::Diagnostic diagnostic{m_file, where.line, where.column, std::move(message),
                                std::move(hint), {}};
    if (where.line > 0 && static_cast<std::size_t>(where.line) <= m_lines.size()) {
        const std::string& line = m_lines[static_cast<std::size_t>(where.line - 1)];
        // A line that is not UTF-8 is left out rather than echoed to the terminal as garbage.
        if (util::is_valid_utf8(line)) {
            diagnostic.source_line = line;
        }
    }
    ++m_count;
    m_out->add(std::move(diagnostic));
}

model::SourceRef Reporter::at(long line, long column) const {
    return model::SourceRef{m_file, line, column};
}

std::string describe(const model::SourceRef& where) {
    return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

namespace {

std::vector<int> numbers_of(const std::vector<UnitMention>& mentions) {
    std::vector<int> numbers;
    for (const UnitMention& mention : mentions) {
        numbers.push_back(mention.number);
    }
    return numbers;
}

// Reads and checks one file's text; nullopt when it had any problem.
std::optional<Draft> read_checked(std::string_view text, Reporter& reporter) {
    Draft draft = read_draft(text, reporter);
    if (reporter.count() == 0) {
        // Contradictions are only looked for once every key and type is right, so that one
        // slip (a misspelt unit number) does not also raise a crowd of follow-on messages.
        check_draft(draft, reporter);
    }
    if (reporter.count() > 0) {
        return std::nullopt;
    }
    return draft;
}

void add_folder(const std::string& folder, std::vector<std::string>& files,
                diag::Diagnostics& problems) {
    std::vector<std::string> names;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        std::error_code ignored;
        // Names starting with '.' are editors' and version control's, never rules.
        if (it->path().extension() == ".toml" && name.front() != '.' &&
            !it->is_directory(ignored)) {
            names.push_back(name);
        }
    }
    if (error) {
        problems.add({folder, 0, 0, "cannot read folder: " + error.message(), {}, {}});
        return;
    }
    if (names.empty()) {
        problems.add({folder, 0, 0, "folder has no .toml rules files",
                      "--rules takes a .toml file or a folder of them", {}});
        return;
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        files.push_back((fs::path(folder) / name).string());
    }
}

// The same file reached twice (named directly and through its folder) is read once, so that
// it does not clash with itself.
std::vector<std::string> without_repeats(const std::vector<std::string>& files) {
    std::vector<std::string> kept;
    std::vector<fs::path> seen;
    for (const std::string& file : files) {
        std::error_code error;
        fs::path canonical = fs::weakly_canonical(file, error);
        if (error) {
            canonical = file;
        }
        if (std::find(seen.begin(), seen.end(), canonical) == seen.end()) {
            seen.push_back(canonical);
            kept.push_back(file);
        }
    }
    return kept;
}

std::vector<std::string> list_files(const std::vector<std::string>& paths,
                                    diag::Diagnostics& problems) {
    std::vector<std::string> files;
    if (paths.empty()) {
        problems.add({{}, 0, 0, "no rules files given", "name a file or folder with --rules PATH",
                      {}});
    }
    for (const std::string& path : paths) {
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (!fs::exists(status)) {
            problems.add({path, 0, 0, "no such file or folder",
                          "--rules takes a .toml file or a folder of them", {}});
        } else if (fs::is_directory(status)) {
            add_folder(path, files, problems);
        } else {
            files.push_back(path);
        }
    }
    return without_repeats(files);
}

std::optional<std::string> read_text(const std::string& path, diag::Diagnostics& problems) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
        problems.add({path, 0, 0, fmt::format("cannot read rules file: {}", std::strerror(errno)),
                      {}, {}});
        return std::nullopt;
    }
    std::string text;
    char buffer[65536];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
        text.append(buffer, got);
    }
    const bool failed = std::ferror(file) != 0;
    const int saved_errno = errno;
    std::fclose(file);
    if (failed) {
        problems.add({path, 0, 0,
                      fmt::format("cannot read rules file: {}", std::strerror(saved_errno)), {},
                      {}});
        return std::nullopt;
    }
    return text;
}

struct LoadedFile {
    Reporter reporter;
    Draft draft;
};

// Suite ids and qualification codes name things on the command line and in the store, so
// they must be unique across every loaded file, not only within one.
void check_across(std::vector<LoadedFile>& loaded) {
    std::map<std::string, model::SourceRef> suite_ids;
    std::map<std::string, model::SourceRef> codes;
    for (LoadedFile& file : loaded) {
        auto [suite, added] = suite_ids.emplace(file.draft.suite.id, file.draft.id_at);
        if (!added) {
            file.reporter.error(file.draft.id_at,
                                fmt::format("duplicate suite id '{}'; first defined at {}",
                                            file.draft.suite.id, describe(suite->second)));
        }
        for (const DraftQualification& qualification : file.draft.qualifications) {
            const std::string& code = qualification.qualification.code;
            auto [first, fresh] = codes.emplace(code, qualification.code_at);
            if (!fresh) {
                file.reporter.error(qualification.code_at,
                                    fmt::format("duplicate qualification code {}; first defined "
                                                "at {}",
                                                code, describe(first->second)));
            }
        }
    }
}

} // namespace

namespace {

model::SuiteGrading finish_grading(const DraftGrading& draft) {
    model::SuiteGrading grading;
    grading.source = draft.source;
    for (const DraftPointsRow& row : draft.points) {
        model::UnitPoints points;
        points.glh = row.glh;
        points.assessment = row.assessment;
        points.minimum = row.minimum;
        for (const GradeMention& mention : row.grades) {
            points.by_grade[static_cast<std::size_t>(*model::parse_grade(mention.grade))] =
                mention.points;
        }
        grading.points.push_back(points);
    }
    return grading;
}

// Thresholds lowest grade first, whatever order the file wrote them in.
std::vector<model::GradeThreshold> finish_thresholds(const std::vector<GradeMention>& mentions) {
    std::vector<model::GradeThreshold> thresholds;
    for (const GradeMention& mention : mentions) {
        thresholds.push_back({mention.grade, mention.points});
    }
    std::stable_sort(thresholds.begin(), thresholds.end(), [](const auto& a, const auto& b) {
        return model::parse_overall_grade(a.grade)->rank < model::parse_overall_grade(b.grade)->rank;
    });
    return thresholds;
}

} // namespace

std::unique_ptr<model::Suite> finish_draft(Draft&& draft) {
    auto suite = std::make_unique<model::Suite>(std::move(draft.suite));
    if (draft.grading) {
        suite->grading = finish_grading(*draft.grading);
    }
    for (DraftUnit& unit : draft.units) {
        suite->units.push_back(std::move(unit.unit));
    }
    for (DraftQualification& each : draft.qualifications) {
        model::Qualification qualification = std::move(each.qualification);
        qualification.mandatory = numbers_of(each.mandatory);
        qualification.optional = numbers_of(each.optional);
        for (DraftPathway& pathway : each.pathways) {
            pathway.pathway.mandatory = numbers_of(pathway.mandatory);
            qualification.pathways.push_back(std::move(pathway.pathway));
        }
        qualification.thresholds = finish_thresholds(each.thresholds);
        for (const DraftMinimum& minimum : each.minimum) {
            qualification.minimum.push_back(
                model::MinimumGrade{numbers_of(minimum.units), {}, *model::parse_grade(minimum.grade)});
        }
        suite->qualifications.push_back(std::move(qualification));
    }
    return suite;
}

std::unique_ptr<model::Suite> parse_suite(std::string_view name, std::string_view text,
                                          diag::Diagnostics& problems) {
    Reporter reporter(std::string(name), text, problems);
    std::optional<Draft> draft = read_checked(text, reporter);
    if (!draft) {
        return nullptr;
    }
    return finish_draft(std::move(*draft));
}

model::RuleBook load_rules(const std::vector<std::string>& paths) {
    diag::Diagnostics problems;
    std::vector<LoadedFile> loaded;
    for (const std::string& path : list_files(paths, problems)) {
        std::optional<std::string> text = read_text(path, problems);
        if (!text) {
            continue;
        }
        Reporter reporter(path, *text, problems);
        if (std::optional<Draft> draft = read_checked(*text, reporter)) {
            loaded.push_back({std::move(reporter), std::move(*draft)});
        }
    }
    check_across(loaded);
    diag::throw_if_any(problems);
    model::RuleBook book;
    for (LoadedFile& file : loaded) {
        book.add(finish_draft(std::move(file.draft)));
    }
    return book;
}

} // namespace qc::rulesfile
