#include "report/cells.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace qc::report {

namespace {

bool is_number(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        ++i;
    }
    bool digits = false;
    bool point = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            digits = true;
        } else if (text[i] == '.' && !point) {
            point = true;
        } else {
            return false;
        }
    }
    return digits;
}

// True when any byte of the 8 in `word` equals `c` (the classic "has zero byte" test on
// word ^ c...c): no false negatives; a false positive only next to a real match.
constexpr bool has_byte(std::uint64_t word, unsigned char c) {
    constexpr std::uint64_t k_ones = 0x0101010101010101ull;
    constexpr std::uint64_t k_highs = 0x8080808080808080ull;
    const std::uint64_t x = word ^ (k_ones * c);
    return ((x - k_ones) & ~x & k_highs) != 0;
}

// Eight bytes at a time: a million rows of twenty cells pass through here, and a byte-by-byte
// loop (or find_first_of, which calls memchr once per character) was the largest cost of
// writing them (docs/performance.md).
bool needs_quotes(std::string_view text) {
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, sizeof word);
        if (has_byte(word, ',') || has_byte(word, '"') || has_byte(word, '\r') || has_byte(word, '\n')) {
            break; // the bytes are checked one by one below, so a false positive costs nothing
        }
    }
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            return true;
        }
    }
    return false;
}

} // namespace

bool looks_like_formula(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    const char first = text.front();
    const bool trigger = first == '=' || first == '+' || first == '-' || first == '@' ||
                         first == '\t' || first == '\r';
    return trigger && !is_number(text);
}

void append_csv_cell(std::string& out, std::string_view text) {
    const bool inert = looks_like_formula(text);
    const bool quote = inert || needs_quotes(text) ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) {
        out.append(text);
        return;
    }
    out.push_back('"');
    if (inert) {
        out.push_back('\'');
    }
    for (char c : text) {
        if (c == '"') {
            out.push_back('"');
        }
        out.push_back(c);
    }
    out.push_back('"');
}

void append_csv_row(std::string& out, std::span<const std::string_view> cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        append_csv_cell(out, cells[i]);
    }
    out += "\r\n";
}

void append_excel_identifier(std::string& out, std::string_view text) {
    const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits) {
        append_csv_cell(out, text);
        return;
    }
    out.append("\"=\"\"");
    out.append(text);
    out.append("\"\"\"");
}

void append_json_string(std::string& out, std::string_view text) {
    out.push_back('"');
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

void append_json_key(std::string& out, std::string_view name) {
    append_json_string(out, name);
    out.push_back(':');
}

void append_json_member(std::string& out, std::string_view name, std::string_view value) {
    append_json_key(out, name);
    append_json_string(out, value);
    out.push_back(',');
}

void append_json_member(std::string& out, std::string_view name, long value) {
    append_json_key(out, name);
    out += std::to_string(value);
    out.push_back(',');
}

void append_json_member(std::string& out, std::string_view name, bool value) {
    append_json_key(out, name);
    out += value ? "true" : "false";
    out.push_back(',');
}

void append_json_member(std::string& out, std::string_view name, const std::vector<int>& values) {
    append_json_key(out, name);
    out.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        out += std::to_string(values[i]);
    }
    out += "],";
}

void append_json_member(std::string& out, std::string_view name, const std::vector<std::string>& values) {
    append_json_key(out, name);
    out.push_back('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        append_json_string(out, values[i]);
    }
    out += "],";
}

void close_json_object(std::string& out) {
    if (!out.empty() && out.back() == ',') {
        out.pop_back();
    }
    out.push_back('}');
}

} // namespace qc::report
