// qc_gen_batch: writes a large, deterministic national batch (candidates.csv and units.csv)
// for the example rules in examples/rules/, to time `qualcheck check` and `import` on.
//
// The generator parses no TOML: batch_tables.hpp mirrors examples/rules/fictional-l2-sport.toml
// and fictional-l3-it.toml by hand (unit numbers, GLH, examined units, entry codes, mandatory
// and optional units, pathways). If those files change, change the table too; the batch only
// needs to be plausible for them, not to match them exactly (unmatched rows become notes).
//
// Same options, same bytes: the only randomness is a fixed-seed splitmix64.

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <sys/stat.h>

#include "batch_tables.hpp"

namespace {

using namespace qc_bench;

/// splitmix64: tiny, fast and the same on every platform (std::mt19937 distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n).
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>((next() >> 32) * n >> 32); }
    /// True with probability per_mille / 1000.
    bool chance(std::uint32_t per_mille) { return below(1000) < per_mille; }

private:
    std::uint64_t m_state;
};

/// What the unit rows are like (docs/performance.md, "The batches").
enum class Shape {
    mixed, ///< now and then (1 entry in 20) a row for a unit outside the qualification
    own,   ///< every row for a unit of the entry's own qualification
    notes, ///< a third of the rows for units outside the entry's qualification (each a note)
};

struct Options {
    std::uint64_t entries = 1'000'000;
    double units_per_entry = 12.0;
    std::uint32_t centres = 2'000;
    bool shuffled = true;
    Shape shape = Shape::mixed;
    std::string out = "tests/bench/data";
};

// What the generator decided for one entry; names are kept as table indexes.
struct EntryRec {
    std::uint32_t centre;    ///< the 5-digit centre number
    std::uint16_t candidate; ///< 1..9999
    std::uint8_t qual;
};

// One unit row, packed: written after (optional) shuffling.
struct RowRec {
    std::uint32_t entry;
    std::uint8_t unit;
    std::uint8_t status; ///< index into k_status_labels
    std::uint8_t grade;  ///< index into k_grades
    std::uint8_t when;   ///< index into k_series / k_claim_dates
};

enum Status : std::uint8_t { achieved, entry_received, claim_submitted, claim_sampled, absent, ria_received, ria_pending };
const char* const k_status_labels[] = {"Result achieved", "Entry received", "Claim submitted",
                                       "Claim sampled", "Absent", "RIA received", "RIA pending"};
enum GradeIx : std::uint8_t { no_grade, g_u, g_r, g_p, g_m, g_d, g_dstar };
const char* const k_grades[] = {"", "U", "R", "P", "M", "D", "D*"};

/// Appends to a large buffer and writes it out in big blocks.
class Writer {
public:
    explicit Writer(const std::string& path) : m_path(path), m_file(std::fopen(path.c_str(), "wb")) {
        if (m_file == nullptr) {
            std::fprintf(stderr, "qc_gen_batch: cannot write %s: %s\n", path.c_str(), std::strerror(errno));
            std::exit(1);
        }
        m_buffer.resize(k_size);
    }
    ~Writer() {
        flush();
        if (std::fclose(m_file) != 0) {
            std::fprintf(stderr, "qc_gen_batch: cannot write %s\n", m_path.c_str());
            std::exit(1);
        }
    }
    void put(std::string_view text) {
        if (m_used + text.size() > k_size) {
            flush();
        }
        std::memcpy(m_buffer.data() + m_used, text.data(), text.size());
        m_used += text.size();
    }
    void put(char c) { put(std::string_view(&c, 1)); }
    /// Writes `value` in decimal, zero-padded to `width` digits.
    void number(std::uint32_t value, int width) {
        char digits[12];
        int n = 0;
        do {
            digits[n++] = static_cast<char>('0' + value % 10);
            value /= 10;
        } while (value > 0 || n < width);
        char text[12];
        for (int i = 0; i < n; ++i) {
            text[i] = digits[n - 1 - i];
        }
        put(std::string_view(text, static_cast<std::size_t>(n)));
    }
    void quoted_if_needed(std::string_view text) {
        if (text.find(',') == std::string_view::npos) {
            put(text);
            return;
        }
        put('"');
        put(text);
        put('"');
    }
    std::uint64_t written() const { return m_total + m_used; }

private:
    static constexpr std::size_t k_size = std::size_t{8} << 20;
    void flush() {
        if (m_used > 0 && std::fwrite(m_buffer.data(), 1, m_used, m_file) != m_used) {
            std::fprintf(stderr, "qc_gen_batch: cannot write %s\n", m_path.c_str());
            std::exit(1);
        }
        m_total += m_used;
        m_used = 0;
    }
    std::string m_path;
    std::FILE* m_file;
    std::vector<char> m_buffer;
    std::size_t m_used = 0;
    std::uint64_t m_total = 0;
};

int pick_qual(Rng& rng, int other_suite) {
    for (;;) {
        std::uint32_t roll = rng.below(100);
        int q = 0;
        while (roll >= static_cast<std::uint32_t>(k_quals[static_cast<std::size_t>(q)].weight)) {
            roll -= static_cast<std::uint32_t>(k_quals[static_cast<std::size_t>(q)].weight);
            ++q;
        }
        if (k_quals[static_cast<std::size_t>(q)].suite != other_suite) {
            return q;
        }
    }
}

/// Distinct centre numbers from 00001 to 99999; leading zeros occur (7919 is prime to 99999).
std::uint32_t centre_number(std::uint32_t index) { return (index * 7919u + 12345u) % 99999u + 1u; }

/// Writes candidates.csv and returns the entries, grouped by centre and candidate.
std::vector<EntryRec> write_candidates(const Options& o, Rng& rng, Writer& out) {
    std::vector<EntryRec> entries;
    entries.reserve(o.entries);
    out.put("centre_number,candidate_number,surname,forename,qualification_code,"
            "estimated_completion,entry_date,pathway,status\n");
    for (std::uint32_t c = 0; c < o.centres; ++c) {
        const std::uint64_t quota = o.entries / o.centres + (c < o.entries % o.centres ? 1 : 0);
        // About one candidate in nine has entries in both suites.
        const std::uint64_t doubles = quota / 9;
        const std::uint64_t candidates = quota - doubles;
        if (candidates > 9999) {
            std::fprintf(stderr, "qc_gen_batch: %llu candidates at one centre; use more --centres\n",
                         static_cast<unsigned long long>(candidates));
            std::exit(2);
        }
        // Selection sampling (Knuth's algorithm S): `candidates` sorted numbers out of 1..9999.
        std::uint64_t needed = candidates;
        std::uint64_t doubles_left = doubles;
        for (std::uint32_t number = 1; number <= 9999 && needed > 0; ++number) {
            if (rng.below(9999 - number + 1) >= needed) {
                continue;
            }
            const bool two = doubles_left > 0 && rng.below(static_cast<std::uint32_t>(needed)) < doubles_left;
            doubles_left -= two ? 1 : 0;
            --needed;
            const int first = pick_qual(rng, -1);
            const int quals[2] = {first, two ? pick_qual(rng, k_quals[static_cast<std::size_t>(first)].suite) : -1};
            const char* surname = rng.chance(30) ? k_comma_names[rng.below(4)] : k_surnames[rng.below(36)];
            const char* forename = k_forenames[rng.below(29)];
            for (int q : quals) {
                if (q < 0) {
                    continue;
                }
                const QualDef& qual = k_quals[static_cast<std::size_t>(q)];
                out.number(centre_number(c), 5);
                out.put(',');
                out.number(number, 4);
                out.put(',');
                out.quoted_if_needed(surname);
                out.put(',');
                out.quoted_if_needed(rng.chance(20) ? "Sam, known as Sammy" : forename);
                out.put(',');
                out.put(qual.code);
                out.put(',');
                // ECD given (both spellings) or derived from the entry date (both date orders).
                const bool second_year = k_suites[static_cast<std::size_t>(qual.suite)].level == 3 && rng.chance(500);
                const std::uint32_t ecd_roll = rng.below(10);
                if (ecd_roll < 5) {
                    out.put(rng.chance(700) ? "Summer 2027" : "Summer 2028");
                } else if (ecd_roll < 6) {
                    out.put(rng.chance(700) ? "2027" : "2028");
                }
                out.put(',');
                const bool uk_order = rng.chance(400);
                const std::uint32_t day = 1 + rng.below(28);
                const std::uint32_t year = second_year ? 2025 : 2026;
                if (uk_order) {
                    out.number(day, 2);
                    out.put("/09/");
                    out.number(year, 4);
                } else {
                    out.number(year, 4);
                    out.put("-09-");
                    out.number(day, 2);
                }
                out.put(',');
                if (!qual.pathways.empty() && rng.chance(700)) {
                    out.put(qual.pathway_names[rng.below(4)]);
                }
                out.put(rng.chance(10) ? ",Withdrawn\n" : ",Active\n");
                entries.push_back(EntryRec{centre_number(c), static_cast<std::uint16_t>(number),
                                           static_cast<std::uint8_t>(q)});
            }
        }
    }
    return entries;
}

/// The final (best) row of one unit, with a realistic mix that makes every reason occur.
RowRec final_row(Rng& rng, std::uint32_t entry, int unit, bool examined, bool level3) {
    RowRec row{entry, static_cast<std::uint8_t>(unit), achieved, no_grade, 3};
    const std::uint32_t roll = rng.below(1000);
    if (roll < 560) {
        const std::uint32_t g = rng.below(100);
        row.grade = g < 40 ? g_p : g < 70 ? g_m : g < 88 ? g_d : g < 95 ? g_dstar : (level3 && examined) ? g_r : g_p;
        row.when = static_cast<std::uint8_t>(1 + rng.below(2));
    } else if (roll < 900) {
        row.status = examined ? entry_received : (rng.chance(500) ? claim_submitted : claim_sampled);
    } else if (roll < 920) {
        row.status = ria_received;
    } else if (roll < 935) {
        row.status = absent;
        row.when = 2;
    } else if (roll < 985) {
        row.grade = g_u;
        row.when = static_cast<std::uint8_t>(1 + rng.below(2));
    } else {
        row.status = ria_pending;
    }
    return row;
}

/// An earlier row of the same unit that never beats `last` (entries before results, resits).
RowRec earlier_row(const RowRec& last, bool examined) {
    RowRec row = last;
    row.when = static_cast<std::uint8_t>(last.when == 0 ? 1 : last.when - 1);
    const bool progressing = last.status != absent && last.status != ria_pending && last.grade != g_u;
    if (progressing) {
        row.status = examined ? entry_received : claim_submitted;
        row.grade = no_grade;
    } else {
        row.status = achieved;
        row.grade = g_u;
    }
    return row;
}

/// The units one entry has rows for: mandatory, a pathway, optionals towards the GLH total.
std::vector<int> units_for(Rng& rng, const QualDef& qual, Shape shape) {
    std::vector<int> units;
    for (int u : qual.mandatory) {
        if (!rng.chance(25)) {
            units.push_back(u);
        }
    }
    int glh = 0;
    for (int u : qual.mandatory) {
        glh += k_unit_glh[qual.suite][u];
    }
    std::vector<int> optional = qual.optional;
    for (std::size_t i = optional.size(); i > 1; --i) {
        std::swap(optional[i - 1], optional[rng.below(static_cast<std::uint32_t>(i))]);
    }
    if (!qual.pathways.empty()) {
        const std::vector<int>& pathway = qual.pathways[rng.below(2)];
        for (std::size_t i = 0; i < pathway.size(); ++i) {
            if (!rng.chance(60)) {
                std::iter_swap(optional.begin() + static_cast<long>(i),
                               std::find(optional.begin(), optional.end(), pathway[i]));
            }
        }
    }
    const bool short_of_glh = rng.chance(80);
    for (int u : optional) {
        if (glh >= qual.glh || (short_of_glh && glh + k_unit_glh[qual.suite][u] >= qual.glh)) {
            break;
        }
        units.push_back(u);
        glh += k_unit_glh[qual.suite][u];
    }
    // Now and then a row for a unit the qualification or the suite does not have (a note).
    if (shape == Shape::mixed && rng.chance(5)) {
        units.push_back(rng.chance(800) ? 1 + static_cast<int>(rng.below(static_cast<std::uint32_t>(
                                                   k_suites[static_cast<std::size_t>(qual.suite)].unit_count)))
                                        : 13 + static_cast<int>(rng.below(5)));
    }
    return units;
}

/// A unit outside `qual`: one of its suite's units the qualification does not use when there
/// is one (half the time), else a number the suite does not define.
int outside_unit(Rng& rng, const QualDef& qual) {
    const int count = k_suites[static_cast<std::size_t>(qual.suite)].unit_count;
    std::vector<int> unused;
    for (int u = 1; u <= count; ++u) {
        if (std::find(qual.mandatory.begin(), qual.mandatory.end(), u) == qual.mandatory.end() &&
            std::find(qual.optional.begin(), qual.optional.end(), u) == qual.optional.end()) {
            unused.push_back(u);
        }
    }
    if (!unused.empty() && rng.chance(500)) {
        return unused[rng.below(static_cast<std::uint32_t>(unused.size()))];
    }
    return 13 + static_cast<int>(rng.below(5));
}

std::vector<RowRec> make_rows(const Options& o, Rng& rng, const std::vector<EntryRec>& entries) {
    std::vector<RowRec> rows;
    rows.reserve(static_cast<std::size_t>(static_cast<double>(entries.size()) * o.units_per_entry *
                                          (o.shape == Shape::notes ? 1.6 : 1.05)));
    // Entries with no activity have no rows; the others make up for them.
    const double mean = o.units_per_entry / 0.98;
    for (std::uint32_t e = 0; e < entries.size(); ++e) {
        const QualDef& qual = k_quals[entries[e].qual];
        const SuiteDef& suite = k_suites[static_cast<std::size_t>(qual.suite)];
        if (rng.chance(20)) {
            continue; // no activity at all
        }
        const std::vector<int> units = units_for(rng, qual, o.shape);
        const std::size_t first = rows.size();
        for (int u : units) {
            const bool examined = std::find(suite.examined.begin(), suite.examined.end(), u) != suite.examined.end();
            rows.push_back(final_row(rng, e, u, examined, suite.level == 3));
        }
        // Rows around units_per_entry on average: earlier entries, claims and resits.
        const auto target = static_cast<std::size_t>(mean * (0.5 + rng.below(1001) / 1000.0) + 0.5);
        for (std::size_t n = units.size(); n < target && !units.empty(); ++n) {
            const RowRec last = rows[first + rng.below(static_cast<std::uint32_t>(units.size()))];
            const bool examined = std::find(suite.examined.begin(), suite.examined.end(), last.unit) != suite.examined.end();
            rows.push_back(earlier_row(last, examined));
        }
        // The note-heavy shape: half as many rows again, for units outside the qualification,
        // so that they are a third of all rows.
        const std::size_t own = rows.size() - first;
        for (std::size_t n = 0; o.shape == Shape::notes && n < (own + rng.below(2)) / 2; ++n) {
            const int u = outside_unit(rng, qual);
            const bool examined = std::find(suite.examined.begin(), suite.examined.end(), u) != suite.examined.end();
            rows.push_back(final_row(rng, e, u, examined, suite.level == 3));
        }
    }
    if (o.shuffled) {
        for (std::size_t i = rows.size(); i > 1; --i) {
            std::swap(rows[i - 1], rows[rng.next() % i]);
        }
    }
    return rows;
}

void write_units(const std::vector<RowRec>& rows, const std::vector<EntryRec>& entries, Writer& out) {
    out.put("centre_number,candidate_number,unit,status,grade,qualification_code,series,date\n");
    for (const RowRec& row : rows) {
        const EntryRec& entry = entries[row.entry];
        out.number(entry.centre, 5);
        out.put(',');
        out.number(entry.candidate, 4);
        out.put(',');
        out.number(row.unit, 1);
        out.put(',');
        out.put(k_status_labels[row.status]);
        out.put(',');
        out.put(k_grades[row.grade]);
        out.put(',');
        out.put(k_quals[entry.qual].code);
        out.put(',');
        const bool claim = row.status == claim_submitted || row.status == claim_sampled ||
                           row.status == ria_received || row.status == ria_pending;
        if (claim) {
            out.put(',');
            out.put(k_claim_dates[row.when]);
        } else {
            out.put(k_series[row.when]);
            out.put(',');
        }
        out.put('\n');
    }
}

[[noreturn]] void usage(int status) {
    std::fprintf(status == 0 ? stdout : stderr,
                 "usage: qc_gen_batch [--entries N] [--units-per-entry X] [--centres N]\n"
                 "                    [--shuffled | --grouped] [--shape mixed|own|notes] [--out DIR]\n"
                 "Writes DIR/candidates.csv and DIR/units.csv (default DIR: tests/bench/data).\n");
    std::exit(status);
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            usage(0);
        } else if (arg == "--shuffled") {
            o.shuffled = true;
        } else if (arg == "--grouped") {
            o.shuffled = false;
        } else if (arg == "--shape" && has_value) {
            const std::string_view shape = argv[++i];
            if (shape == "mixed") {
                o.shape = Shape::mixed;
            } else if (shape == "own") {
                o.shape = Shape::own;
            } else if (shape == "notes") {
                o.shape = Shape::notes;
            } else {
                std::fprintf(stderr, "qc_gen_batch: --shape is mixed, own or notes, not '%s'\n", argv[i]);
                usage(2);
            }
        } else if (arg == "--entries" && has_value) {
            o.entries = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--units-per-entry" && has_value) {
            o.units_per_entry = std::strtod(argv[++i], nullptr);
        } else if (arg == "--centres" && has_value) {
            o.centres = static_cast<std::uint32_t>(std::strtoul(argv[++i], nullptr, 10));
        } else if (arg == "--out" && has_value) {
            o.out = argv[++i];
        } else {
            std::fprintf(stderr, "qc_gen_batch: unknown or incomplete option '%s'\n", argv[i]);
            usage(2);
        }
    }
    if (o.entries == 0 || o.centres == 0 || o.centres > 99999 || o.units_per_entry < 1) {
        std::fprintf(stderr, "qc_gen_batch: need --entries >= 1, 1 <= --centres <= 99999, --units-per-entry >= 1\n");
        std::exit(2);
    }
    return o;
}

} // namespace

int main(int argc, char** argv) {
    const Options o = parse_options(argc, argv);
    if (::mkdir(o.out.c_str(), 0777) != 0 && errno != EEXIST) {
        std::fprintf(stderr, "qc_gen_batch: cannot create %s: %s\n", o.out.c_str(), std::strerror(errno));
        return 1;
    }
    Rng rng(0x5157'4348'4543'4B21ull); // fixed: the same batch every time
    std::vector<EntryRec> entries;
    std::uint64_t candidate_bytes = 0;
    {
        Writer out(o.out + "/candidates.csv");
        entries = write_candidates(o, rng, out);
        candidate_bytes = out.written();
    }
    const std::vector<RowRec> rows = make_rows(o, rng, entries);
    std::uint64_t unit_bytes = 0;
    {
        Writer out(o.out + "/units.csv");
        write_units(rows, entries, out);
        unit_bytes = out.written();
    }
    std::printf("qc_gen_batch: %zu entries (%llu bytes), %zu unit rows (%llu bytes, %s) in %s\n",
                entries.size(), static_cast<unsigned long long>(candidate_bytes), rows.size(),
                static_cast<unsigned long long>(unit_bytes), o.shuffled ? "shuffled" : "grouped",
                o.out.c_str());
    return 0;
}
