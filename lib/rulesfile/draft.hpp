#pragma once
// Internal to rulesfile/: a suite as read from one TOML file, with the position of every value
// that a later check may complain about. Reading (read.cpp) fills a Draft and reports key and
// type problems; checking (check.cpp) reports contradictions between the values; finishing
// turns a clean Draft into a model::Suite. No toml++ here, so only read.cpp includes it.

#include "diag/diagnostic.hpp"
#include "model/rules.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qc::rulesfile {

/// Records problems about one file, filling in its name and the offending source line.
class Reporter {
public:
    Reporter(std::string file, std::string_view text, diag::Diagnostics& out);

    /// Reports a problem at a position (line 0: the whole file).
    void error(const model::SourceRef& where, std::string message, std::string hint = {});
    /// A position in this file.
    model::SourceRef at(long line, long column) const;
    const std::string& file() const { return m_file; }
    /// How many problems this reporter has recorded.
    std::size_t count() const { return m_count; }

private:
    std::string m_file;
    std::vector<std::string> m_lines;
    diag::Diagnostics* m_out;
    std::size_t m_count = 0;
};

/// A unit number written in a list (mandatory, optional), and where.
struct UnitMention {
    int number = 0;
    model::SourceRef where;
};

/// A points figure written in a grading table: a unit grade's points in a points row, or an
/// overall grade's threshold. The key and the value are where messages point.
struct GradeMention {
    std::string grade; ///< as written: "P", "D*", "MP", ...
    int points = 0;
    model::SourceRef key_at;
    model::SourceRef value_at;
};

/// One [[suite.grading.points]] row: a unit size and the points of each unit grade.
struct DraftPointsRow {
    int glh = 0;
    model::SourceRef where; ///< the row's header
    model::SourceRef glh_at;
    std::vector<GradeMention> grades; ///< in unit grade order: R, N, P, M, D, D*
    std::optional<model::Assessment> assessment; ///< the units it is for; nullopt: either
    model::SourceRef assessment_at;
    bool minimum = false; ///< the points are the least each grade earns
};

/// One entry of a qualification's `minimum` list: units and the least grade each needs.
struct DraftMinimum {
    std::vector<UnitMention> units;
    std::string grade; ///< N, R, P, M or D, as written
    model::SourceRef where;
    model::SourceRef grade_at;
};

/// [suite.grading].
struct DraftGrading {
    std::string source;
    model::SourceRef where;
    std::vector<DraftPointsRow> points;
};

struct DraftPathway {
    model::Pathway pathway; ///< without its mandatory list, kept in `mandatory` below
    model::SourceRef id_at;
    std::vector<UnitMention> mandatory;
};

struct DraftQualification {
    model::Qualification qualification; ///< scalars only; lists and pathways live below
    model::SourceRef code_at;
    model::SourceRef glh_at;
    model::SourceRef pathway_required_at;
    std::vector<UnitMention> mandatory;
    std::vector<UnitMention> optional;
    std::vector<DraftPathway> pathways;
    bool has_thresholds = false;          ///< [qualification.grading] was given
    model::SourceRef thresholds_at;
    std::vector<GradeMention> thresholds; ///< in file order
    model::SourceRef optional_count_at;
    model::SourceRef pass_glh_at;
    std::vector<DraftMinimum> minimum;
};

struct DraftUnit {
    model::Unit unit;
    model::SourceRef number_at;
};

struct Draft {
    model::Suite suite; ///< scalars only; units and qualifications live below
    model::SourceRef id_at;
    std::optional<DraftGrading> grading;
    std::vector<DraftUnit> units;
    std::vector<DraftQualification> qualifications;
};

/// Parses TOML text and reads it against the schema, reporting syntax, unknown keys, wrong
/// types, missing keys and values out of range. The Draft is complete only when
/// `reporter.count()` did not grow.
Draft read_draft(std::string_view text, Reporter& reporter);

/// Reports contradictions within one suite: duplicates, undefined units, pathway units outside
/// the qualification, GLH that cannot add up, pathway_required without pathways.
void check_draft(const Draft& draft, Reporter& reporter);

/// Reports contradictions in the grading data: points rows that clash, skip a unit size or
/// fall as grades rise; thresholds that mix grade lengths or do not rise. Part of check_draft.
void check_grading(const Draft& draft, Reporter& reporter);

/// Reports contradictions in each qualification's rules of combination: `optional_count`,
/// `minimum` and `pass_glh` against its units and GLH. Part of check_grading.
void check_combination(const Draft& draft, Reporter& reporter);

/// Moves a checked Draft into a model::Suite (not yet indexed; RuleBook::add does that).
std::unique_ptr<model::Suite> finish_draft(Draft&& draft);

/// For a TOML syntax error on `line` (1-based) of `text`: when that line's key has characters a
/// bare key cannot have (`D* = 48`), the hint to quote it (`write the key in quotes: "D*" = 48`);
/// else empty.
std::string bare_key_hint(std::string_view text, long line);

/// "FILE:LINE:COL" for "first defined at" messages.
std::string describe(const model::SourceRef& where);

} // namespace qc::rulesfile
