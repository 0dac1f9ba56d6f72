#include <icsim/scenario/sha256.hpp>

#include <array>
#include <cstdio>
#include <stdexcept>

#include <openssl/evp.h>

namespace icsim::scenario {

// OpenSSL's libcrypto (Debian's libssl-dev) does the hashing.
std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed (OpenSSL)");
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", digest[i]);
    hex += pair;
  }
  return hex;
}

}  // namespace icsim::scenario
