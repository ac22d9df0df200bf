// Tests for lib/util/sha256: the FIPS 180-2 appendix B test vectors.
#include "util/sha256.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

using namespace qc::util;

TEST_CASE("sha256 of the empty message") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("sha256 FIPS 180-2 one-block message 'abc'") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256 FIPS 180-2 two-block 448-bit message") {
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256 FIPS 180-2 one million 'a', fed in uneven pieces") {
    Sha256 hash;
    std::string piece(997, 'a');
    std::size_t left = 1000000;
    while (left > 0) {
        std::size_t take = std::min(left, piece.size());
        hash.update(piece.data(), take);
        left -= take;
    }
    CHECK(hash.final_hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 messages around the padding boundary differ and are stable") {
    // 55 bytes fits the length in one block; 56 needs a second block.
    std::string a55(55, 'a');
    std::string a56(56, 'a');
    CHECK(sha256_hex(a55) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(a56) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

TEST_CASE("sha256_file hashes a file and returns empty for a missing one") {
    char dir[] = "/tmp/qc_sha256_XXXXXX";
    REQUIRE(mkdtemp(dir) != nullptr);
    std::string path = std::string(dir) + "/f.txt";
    std::FILE* file = std::fopen(path.c_str(), "wb");
    REQUIRE(file != nullptr);
    std::fputs("abc", file);
    std::fclose(file);
    CHECK(sha256_file(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_file(std::string(dir) + "/missing") == "");
    std::remove(path.c_str());
    rmdir(dir);
}
