#pragma once
// Passwords (libsodium's argon2id string format), login sessions and API tokens. A token is 32
// random bytes shown once; the database keeps its SHA-256.

#include <chrono>
#include <string>

#include "engine/model/clock.hpp"
#include "engine/model/result.hpp"
#include "engine/store/database.hpp"
#include "engine/store/directory_repo.hpp"
#include "server/http_types.hpp"
#include "server/principal.hpp"

namespace gongshi::server {

// Throws std::runtime_error only when libsodium cannot allocate the hashing memory.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);

// The principal a user acts as (no token: token_kind and token_hash empty).
Principal principal_of(const User& u);

std::string new_token();
std::string token_hash(const std::string& token);

// The caller of a request from its "Authorization: Bearer TOKEN" header.
Result<Principal> authenticate(Database& db, const HttpRequest& req, TimePoint now);

struct LoginResult {
  std::string token;
  std::string expires_at;
  Principal who;
};
Result<LoginResult> login(Database& db, const std::string& login, const std::string& password,
                          TimePoint now, std::chrono::seconds ttl);
Status logout(Database& db, const Principal& who);
// A new API token for a department system acting as `user_id`.
Result<std::string> issue_api_token(Database& db, std::int64_t user_id, const std::string& label,
                                    TimePoint now);

}  // namespace gongshi::server
