#include "assess/assessment.hpp"

#include "assess/cells.hpp"
#include "util/pipeline.hpp"

#include <algorithm>
#include <thread>

namespace qc::assess {

const Reason* Assessment::reason(model::ReasonCode code) const {
    for (const Reason& detail : why.reasons) {
        if (detail.code == code) {
            return &detail;
        }
    }
    return nullptr;
}

namespace {

void identify(const model::Entry& entry, Assessment& out) {
    out.centre = entry.centre;
    out.candidate = entry.candidate;
    out.surname = entry.surname;
    out.forename = entry.forename;
    out.qualification_code = entry.qualification->code;
    out.qualification_title = entry.qualification->title;
    out.suite_id = entry.qualification->suite->id;
    out.ecd = entry.ecd;
    out.qualification = entry.qualification;
}

// The output row: pathways, options and suggestion, transferred units, points and grade.
void fill_row(const engine::EntryBook& book, std::size_t index, const Context& context,
              engine::Grader& grader, Assessment& out) {
    const model::Entry& entry = book.entry(index);
    const engine::EntryFacts facts = book.facts(index);
    out.pathways.clear();
    out.suggestion.clear();
    out.options = {};
    if (!entry.qualification->pathways.empty()) {
        out.pathways = pathways_cell(engine::pathway_standing(entry, facts));
    }
    // A suite of one size has nothing to move down or top up to.
    if (entry.qualification->suite->qualifications.size() > 1) {
        out.options = engine::options_for(entry, facts, context.current);
        out.suggestion = suggestion_text(engine::suggest(entry, out.result, out.options), out.result);
    }
    out.transferred_units = engine::transferred_units(entry, facts);
    const engine::GradePrediction& grade = grader.predict(entry, facts);
    out.points = grade.graded ? grade.points : -1;
    out.predicted_grade = grade.predicted_grade();
    if (context.depth == Depth::explained) {
        out.grade = grade;
    }
}

// Identity and judgement (Depth::result).
void judge_into(const engine::EntryBook& book, std::size_t index, const Context& context,
                bool acknowledged, Assessment& out) {
    const model::Entry& entry = book.entry(index);
    identify(entry, out);
    out.result = engine::judge(entry, book.facts(index), context.current, acknowledged);
    out.explained = false;
    out.blockers.clear();
    out.notes.clear();
}

// Everything past the judgement, to `context.depth`.
void complete(const engine::EntryBook& book, std::size_t index, const Context& context,
              engine::Grader& grader, Assessment& out) {
    if (context.notes != nullptr && index < context.notes->size()) {
        out.notes = (*context.notes)[index];
    }
    if (context.depth == Depth::result) {
        return;
    }
    fill_row(book, index, context, grader, out);
    if (context.depth == Depth::explained) {
        out.why = engine::explain(book, index, out.result);
        out.explained = true;
    }
}

} // namespace

void assess(const engine::EntryBook& book, std::size_t index, const Context& context,
            bool acknowledged, engine::Grader& grader, Assessment& out) {
    judge_into(book, index, context, acknowledged, out);
    complete(book, index, context, grader, out);
}

Assessment assess(const engine::EntryBook& book, std::size_t index, const Context& context,
                  bool acknowledged) {
    Assessment out;
    engine::Grader grader;
    assess(book, index, context, acknowledged, grader, out);
    return out;
}

namespace {

// Entries per chunk: large enough that a chunk's thread start is nothing beside its work,
// small enough that the first output comes at once.
constexpr std::size_t k_chunk = 2048;

std::size_t workers() {
    const unsigned cores = std::thread::hardware_concurrency();
    return std::clamp<std::size_t>(cores, 1, 4);
}

// A chunk's records, reused chunk after chunk so that their strings keep their memory.
using Slot = std::vector<Assessment>;

} // namespace

void assess_all(const engine::EntryBook& book, const Context& context,
                const std::function<bool(std::size_t)>& acknowledged,
                const std::function<void(std::size_t, const Assessment&)>& visit) {
    const std::size_t count = workers();
    std::vector<Slot> slots(util::pipeline_slots(count));
    auto prepare = [&](std::size_t begin, std::size_t end, std::size_t slot) {
        Slot& records = slots[slot];
        records.resize(end - begin);
        engine::Grader grader;
        for (std::size_t i = begin; i < end; ++i) {
            assess(book, i, context, acknowledged && acknowledged(i), grader, records[i - begin]);
        }
    };
    auto consume = [&](std::size_t begin, std::size_t end, std::size_t slot) {
        for (std::size_t i = begin; i < end; ++i) {
            visit(i, slots[slot][i - begin]);
        }
    };
    util::run_ordered(book.size(), k_chunk, count, prepare, consume);
}

} // namespace qc::assess
