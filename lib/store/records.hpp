#pragma once
// Plain records read from and written to the centre's store (see docs/store.md).

#include "model/codes.hpp"
#include "util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qc::store {

/// One file of an import: which export it was, its name as given, and its fingerprint.
struct ImportedFile {
    std::string role; ///< "candidates", "units" or "visits"
    std::string name; ///< as the user named it
    std::string sha256;
    std::int64_t rows = 0;  ///< data rows stored from it
    std::int64_t bytes = 0; ///< its size
};

/// One committed import. The latest one is the centre's current data.
struct ImportRecord {
    std::int64_t id = 0;
    std::string at;   ///< ISO timestamp given by the caller
    std::string user;
    std::vector<ImportedFile> files; ///< in role order: candidates, units, visits
};

/// A unit row as stored, owned, for the per-candidate view.
struct StoredUnitRow {
    long line = 0;
    int unit = 0;
    model::UnitStatus status = model::UnitStatus::none;
    model::Grade grade = model::Grade::none;
    std::string qualification_code; ///< empty: applies to every matching entry
    std::string taken_at_centre;
    std::string series;
    util::Date date; ///< year 0 when not given
};

/// One entry's result from a check run, as kept for `report changes` and `report at-risk`.
struct StoredResult {
    std::string centre;
    std::string candidate;
    std::string qualification_code;
    std::string surname;
    std::string forename;
    std::string qualification_title;
    int ecd_year = 0;
    model::ResultStatus result_status = model::ResultStatus::eligible;
    std::uint32_t reasons = 0; ///< bit i set: model::ReasonCode i holds
    bool at_risk = false;
    bool acknowledged = false;
    int glh_required = 0;
    int glh_counted = 0;
    int glh_achieved = 0;
    std::string pathways;        ///< pathways met, as the engine words them
    std::string suggestion;      ///< e.g. the smaller qualification the units would give
    int points = -1;             ///< -1: no points computed
    std::string predicted_grade; ///< empty: none
    int transferred_units = 0;   ///< counted units whose winning row came from another centre
};

/// One check run: the import it judged and the date it judged it on.
struct RunRecord {
    std::int64_t id = 0;
    std::int64_t import_id = 0;
    std::string today;         ///< ISO date, from --today
    std::int64_t results = 0;  ///< how many results it stored
};

/// Names one entry across imports: candidate numbers and qualification codes are stable.
struct EntryKey {
    std::string centre;
    std::string candidate;
    std::string qualification_code;
    auto operator<=>(const EntryKey&) const = default;
};

/// What the centre has said about one entry; each field is empty when never said.
struct Override {
    std::optional<int> ecd_year;               ///< amended estimated completion (series year)
    std::optional<bool> acknowledged;          ///< false after an undo
    std::optional<std::string> withdrawal;     ///< the reason given for withdrawing
    std::optional<std::string> declared_pathway; ///< pathway id
};

/// A teacher's tick of one subject (suite) for the term-time checkpoint.
struct SubjectTick {
    int academic_year = 0; ///< named by the year it ends, as model::academic_year
    std::string suite_id;
    std::string user;
    std::string at;
};

/// Who is acting and when, for statements and their audit records.
struct Actor {
    std::string user;
    std::string role; ///< "exams_officer" or "teacher"
    std::string at;   ///< ISO timestamp
};

/// One record of the append-only declarations log.
struct Declaration {
    std::int64_t id = 0;
    std::string at;
    std::string user;
    std::string role;
    std::string action;  ///< e.g. "ecd", "acknowledge", "submit term-time"
    std::string details; ///< what was declared, in words
    std::string data_sha256; ///< data_sha256() of the store when it was made
    std::string prev_hash;   ///< the hash of the record before (64 zeros for the first)
    std::string hash;        ///< sha256 of prev_hash and this record's fields
};

} // namespace qc::store
