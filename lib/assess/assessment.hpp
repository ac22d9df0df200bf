#pragma once
// One entry of the book, assessed: the one record that `check`, every report view, `import`
// and the store use. assess() builds it from the grouping table, from_stored() from a stored
// run; report/columns.hpp turns it into output cells.

#include "engine/book.hpp"
#include "engine/grade.hpp"
#include "engine/judge.hpp"
#include "engine/options.hpp"
#include "model/series.hpp"

#include <functional>
#include <string>
#include <vector>

namespace qc::assess {

/// Why one reason holds: its code and its evidence as data (units concerned, GLH short).
using Reason = engine::ReasonDetail;

/// How much of a record to build. Each depth includes the one before.
enum class Depth {
    result,   ///< identity and judgement only
    row,      ///< + the output row: pathways, suggestion, transferred units, points and grade
    explained ///< + reasons with evidence, units, pathway standing, options, the full prediction
};

/// One entry, assessed. Owns everything it holds: keep it, store it, write it.
struct Assessment {
    // Identity.
    std::string centre{};
    std::string candidate{};
    std::string surname{};
    std::string forename{};
    std::string qualification_code{};
    std::string qualification_title{};
    std::string suite_id{};
    model::Series ecd{};

    // Judgement (Depth::result).
    engine::EntryResult result{};
    /// The qualification in the rules; null for a stored result whose code the rules lack.
    const model::Qualification* qualification = nullptr;

    // The output row (Depth::row); also what a stored run keeps.
    std::string pathways{};      ///< the `pathways` cell (pathways_cell)
    std::string suggestion{};    ///< the `suggestion` cell (suggestion_text)
    int transferred_units = 0; ///< counted units whose winning row came from another centre
    int points = -1;             ///< points of the counted units; -1: not graded
    std::string predicted_grade{}; ///< empty until every counted unit has a grade
    std::vector<std::string> notes{}; ///< rows that count for nothing, and why (Context::notes)

    // The evidence (Depth::explained); empty for a stored run.
    bool explained = false;
    engine::Explanation why{};     ///< units, reasons with evidence, pathway standing
    engine::Options options{};     ///< sizes of the suite the units meet
    engine::GradePrediction grade{};
    std::vector<std::string> blockers{}; ///< Checkpoint 2 readiness (readiness_blockers)

    /// The reasons with their evidence, paired by code (empty unless explained).
    const std::vector<Reason>& reasons() const { return why.reasons; }
    /// The evidence of one reason, or nullptr when it does not hold or was not explained.
    const Reason* reason(model::ReasonCode code) const;
};

/// What an assessment needs beyond the book.
struct Context {
    model::Series current; ///< the series due this summer (--today)
    Depth depth = Depth::row;
    /// Per entry, its notes (notes_by_entry); none when null.
    const std::vector<std::vector<std::string>>* notes = nullptr;
};

/// Assesses entry `index` of `book` into `out`, reusing its memory. `grader` is the caller's,
/// so that a worker thread keeps one.
void assess(const engine::EntryBook& book, std::size_t index, const Context& context,
            bool acknowledged, engine::Grader& grader, Assessment& out);

/// The same, returning a new record.
Assessment assess(const engine::EntryBook& book, std::size_t index, const Context& context,
                  bool acknowledged);

/// Assesses every entry of `book` on worker threads, chunk by chunk, and calls `visit` for each
/// in file order on the calling thread. `acknowledged` (may be empty) and the book are only
/// read while workers run.
void assess_all(const engine::EntryBook& book, const Context& context,
                const std::function<bool(std::size_t)>& acknowledged,
                const std::function<void(std::size_t, const Assessment&)>& visit);

} // namespace qc::assess
