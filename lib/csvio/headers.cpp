#include "csvio/headers.hpp"

#include "util/spell.hpp"
#include "util/strings.hpp"

namespace qc::csvio {

namespace {

struct ColumnInfo {
    std::string_view name;
    std::vector<std::string_view> aliases;
};

// Indexed by Column. The aliases are the names seen in awarding-body and MIS exports.
const std::array<ColumnInfo, k_column_count>& column_table() {
    static const std::array<ColumnInfo, k_column_count> k_table{{
        {"candidate_number", {"Candidate No", "Cand No", "Candidate"}},
        {"qualification_code", {"Qualification", "Entry Code", "Qual Code"}},
        {"centre_number", {"Centre", "Centre No"}},
        {"uci", {"UCI"}},
        {"surname", {"Last Name"}},
        {"forename", {"First Name", "Forename(s)"}},
        {"estimated_completion", {"ECD", "Estimated Completion Date"}},
        {"entry_date", {"Registration Date"}},
        {"pathway", {}},
        {"status", {}},
        {"unit", {"Unit No", "Unit Number"}},
        {"grade", {"Result", "Unit Grade"}},
        {"taken_at_centre", {"Achieved At Centre", "Original Centre"}},
        {"series", {"Session"}},
        {"date", {"Claim Date"}},
        {"suite", {}},
        {"visit_date", {}},
        {"kind", {}},
        {"points", {"Unit Points"}},
    }};
    return k_table;
}

const ColumnInfo& info(Column column) { return column_table()[static_cast<std::size_t>(column)]; }

} // namespace

std::string_view column_name(Column column) { return info(column).name; }

std::vector<std::string_view> column_aliases(FileKind kind, Column column) {
    std::vector<std::string_view> aliases = info(column).aliases;
    if (kind == FileKind::units && column == Column::status) {
        aliases.emplace_back("Unit Status");
    }
    return aliases;
}

std::optional<Column> match_header(FileKind kind, const std::vector<ColumnSpec>& wanted, std::string_view cell) {
    const std::string key = util::fold_key(cell);
    if (key.empty()) {
        return std::nullopt;
    }
    for (const ColumnSpec& spec : wanted) {
        if (key == util::fold_key(column_name(spec.column))) {
            return spec.column;
        }
        for (std::string_view alias : column_aliases(kind, spec.column)) {
            if (key == util::fold_key(alias)) {
                return spec.column;
            }
        }
    }
    return std::nullopt;
}

std::optional<std::pair<std::size_t, std::string>> near_miss(FileKind kind, Column column,
                                                             const std::vector<std::string_view>& cells) {
    std::vector<std::string_view> names{column_name(column)};
    for (std::string_view alias : column_aliases(kind, column)) {
        names.push_back(alias);
    }
    for (std::string_view name : names) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (util::closest(cells[i], {std::string(name)})) {
                return std::pair{i, std::string(name)};
            }
        }
    }
    for (std::string_view name : names) {
        const std::string folded = util::fold_key(name);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string cell = util::fold_key(cells[i]);
            if (folded.size() >= 5 && cell.size() > folded.size() && cell.ends_with(folded)) {
                return std::pair{i, std::string(name)};
            }
        }
    }
    return std::nullopt;
}

} // namespace qc::csvio
