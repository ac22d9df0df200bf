#pragma once
// SHA-256 (FIPS 180-4), written here so that the store can fingerprint imported files and
// chain its audit log without another dependency.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace qc::util {

/// A streaming SHA-256: feed bytes with update() as often as needed, then call final() once.
class Sha256 {
public:
    Sha256();

    /// Adds `size` bytes at `data` to the message.
    void update(const void* data, std::size_t size);
    /// Adds the bytes of `text` to the message.
    void update(std::string_view text) { update(text.data(), text.size()); }
    /// Finishes the message and returns the 32-byte digest. The object must not be updated
    /// afterwards.
    std::array<std::uint8_t, 32> final();
    /// Finishes the message and returns the digest as 64 lower-case hex digits.
    std::string final_hex();

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_total_bytes = 0;
};

/// The SHA-256 of `text` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view text);

/// The SHA-256 of the file at `path` as 64 lower-case hex digits, read in blocks (never the
/// whole file at once). Returns an empty string when the file cannot be opened or read.
std::string sha256_file(const std::string& path);

/// Lower-case hex of a byte array.
std::string to_hex(const std::uint8_t* bytes, std::size_t size);

} // namespace qc::util
