#pragma once
// Login sessions and API tokens. Only a token's SHA-256 is stored, so a copy of the database does
// not let anyone in.

#include <optional>
#include <string>
#include <vector>

#include "engine/store/database.hpp"

namespace gongshi {

struct TokenRow {
  std::string token_hash;  // hex SHA-256 of the token
  std::int64_t user_id = 0;
  std::string kind;  // session | api
  std::string label;
  std::string created_at;
  std::string expires_at;    // "" = until revoked
  std::string last_used_at;  // a session's last request (minute precision); "" = never
};

Status insert_token(Tx& tx, const TokenRow& t);
// The token under this hash if it has not expired at `now_text` (UTC text).
Result<std::optional<TokenRow>> find_token(Tx& tx, const std::string& token_hash,
                                           const std::string& now_text);
Status delete_token(Tx& tx, const std::string& token_hash);
// A session was used at `now_text`.
Status touch_token(Tx& tx, const std::string& token_hash, const std::string& now_text);
// Ends every session of the user but `keep` (a password changed: the other browsers sign in
// again); the number ended.
Result<std::int64_t> delete_sessions_except(Tx& tx, std::int64_t user_id, const std::string& keep);
// Ends every login session and API token of the user; the number ended.
Result<std::int64_t> delete_tokens_of(Tx& tx, std::int64_t user_id);
// A user's API tokens (never the sessions), newest first.
Result<std::vector<TokenRow>> api_tokens_of(Tx& tx, std::int64_t user_id);

}  // namespace gongshi
