#pragma once
// The fixed tables qc_gen_batch draws from: the example suites and qualifications (a hand-made
// mirror of examples/rules/, no TOML is parsed), names, series and claim dates.

#include <vector>

namespace qc_bench {

struct SuiteDef {
    int level;
    int unit_count;                 ///< units are numbered 1..unit_count
    std::vector<int> examined;      ///< unit numbers assessed by examination
};

struct QualDef {
    const char* code;
    int suite;                      ///< index into k_suites
    int glh;
    std::vector<int> mandatory;
    std::vector<int> optional;
    std::vector<std::vector<int>> pathways; ///< each pathway's extra mandatory units
    std::vector<const char*> pathway_names; ///< id, then title, per pathway
    int weight;                     ///< share of entries, in per cent
};

// Mirrors examples/rules/fictional-l2-sport.toml and fictional-l3-it.toml; change both together.
inline const std::vector<SuiteDef> k_suites = {
    {2, 8, {1, 2, 8}},    // fx-l2-sport
    {3, 12, {1, 2, 10}},  // fx-l3-it
};
inline constexpr int k_unit_glh[2][13] = {
    {0, 60, 60, 60, 30, 60, 30, 60, 30, 0, 0, 0, 0},
    {0, 90, 90, 60, 60, 60, 60, 60, 60, 60, 60, 60, 30},
};
inline const std::vector<QualDef> k_quals = {
    {"90201", 0, 150, {1, 3}, {4, 6, 8}, {}, {}, 15},
    {"90202", 0, 300, {1, 2, 3}, {4, 5, 6, 7, 8}, {}, {}, 20},
    {"90301", 1, 180, {1}, {3, 4, 5, 6, 12}, {}, {}, 15},
    {"90302", 1, 360, {1, 2, 3}, {4, 5, 6, 7, 8, 9, 10, 11, 12}, {{7, 8}, {9, 10}},
     {"app-dev", "Application Developer", "networking", "Network Technician"}, 30},
    {"90303", 1, 540, {1, 2, 3, 6}, {4, 5, 7, 8, 9, 10, 11, 12}, {{7, 8}, {9, 10}},
     {"app-dev", "Application Developer", "networking", "Network Technician"}, 20},
};

inline constexpr const char* k_surnames[] = {
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Khan", "Clarke", "O'Brien", "Nowak", "Okafor", "Chen", "Ahmed", "Hughes", "Edwards",
    "Lewis", "Murphy", "Singh", "Kowalski", "Ali", "Martin", "Jackson", "Wood", "Turner"};
inline constexpr const char* k_forenames[] = {
    "Oliver", "Amelia", "George", "Isla", "Noah", "Ava", "Arthur", "Mia", "Leo", "Ivy",
    "Oscar", "Freya", "Harry", "Lily", "Muhammad", "Grace", "Jack", "Sophia", "Charlie",
    "Zara", "Yusuf", "Chloe", "Wei", "Aisha", "Rhys", "Megan", "Tomasz", "Ngozi", "Mary-Jane"};
// A "surname, suffix" or "forename, known as" that must be quoted in CSV.
inline constexpr const char* k_comma_names[] = {"Smith, Jr", "Jones, III", "Evans, Sr", "Patel, Jnr"};

inline constexpr int k_unit_series = 4;
// In time order, so that an earlier row of a unit can take the series before.
inline constexpr const char* k_series[k_unit_series] = {"January 2026", "June 2026", "January 2027", "June 2027"};
inline constexpr const char* k_claim_dates[k_unit_series] = {"2026-01-20", "2026-05-12", "2027-01-28", "2027-02-24"};

} // namespace qc_bench
