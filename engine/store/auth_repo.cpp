#include "engine/store/auth_repo.hpp"

#include <soci/soci.h>

namespace gongshi {

Status insert_token(Tx& tx, const TokenRow& t) {
  try {
    long long user = t.user_id;
    std::string expires = t.expires_at;
    soci::indicator expires_ind = expires.empty() ? soci::i_null : soci::i_ok;
    std::string used = t.last_used_at;
    soci::indicator used_ind = used.empty() ? soci::i_null : soci::i_ok;
    tx.sql() << "INSERT INTO auth_tokens (token_hash, user_id, kind, label, created_at, "
                "expires_at, last_used_at) VALUES (:h, :u, :k, :l, :c, :e, :lu)",
        soci::use(t.token_hash), soci::use(user), soci::use(t.kind), soci::use(t.label),
        soci::use(t.created_at), soci::use(expires, expires_ind), soci::use(used, used_ind);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::optional<TokenRow>> find_token(Tx& tx, const std::string& token_hash,
                                           const std::string& now_text) {
  try {
    TokenRow t;
    long long user = 0;
    soci::indicator expires_ind = soci::i_null, used_ind = soci::i_null;
    tx.sql() << "SELECT token_hash, user_id, kind, label, created_at, expires_at, last_used_at "
                "FROM auth_tokens WHERE token_hash = :h AND (expires_at IS NULL OR expires_at > "
                ":now)",
        soci::use(token_hash), soci::use(now_text), soci::into(t.token_hash), soci::into(user),
        soci::into(t.kind), soci::into(t.label), soci::into(t.created_at),
        soci::into(t.expires_at, expires_ind), soci::into(t.last_used_at, used_ind);
    if (!tx.sql().got_data()) return std::optional<TokenRow>{};
    t.user_id = user;
    if (expires_ind != soci::i_ok) t.expires_at.clear();
    if (used_ind != soci::i_ok) t.last_used_at.clear();
    return std::optional<TokenRow>{t};
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status touch_token(Tx& tx, const std::string& token_hash, const std::string& now_text) {
  try {
    tx.sql() << "UPDATE auth_tokens SET last_used_at = :n WHERE token_hash = :h",
        soci::use(now_text), soci::use(token_hash);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> delete_sessions_except(Tx& tx, std::int64_t user_id, const std::string& keep) {
  try {
    long long id = user_id;
    soci::statement st = (tx.sql().prepare << "DELETE FROM auth_tokens WHERE user_id = :u AND "
                                              "kind = 'session' AND token_hash <> :k",
                          soci::use(id), soci::use(keep));
    st.execute(true);
    return static_cast<std::int64_t>(st.get_affected_rows());
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status delete_token(Tx& tx, const std::string& token_hash) {
  try {
    tx.sql() << "DELETE FROM auth_tokens WHERE token_hash = :h", soci::use(token_hash);
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::int64_t> delete_tokens_of(Tx& tx, std::int64_t user_id) {
  try {
    soci::statement st =
        (tx.sql().prepare << "DELETE FROM auth_tokens WHERE user_id = :u", soci::use(user_id));
    st.execute(true);
    return static_cast<std::int64_t>(st.get_affected_rows());
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::vector<TokenRow>> api_tokens_of(Tx& tx, std::int64_t user_id) {
  try {
    std::vector<TokenRow> out;
    TokenRow t;
    long long user = user_id;
    soci::statement st =
        (tx.sql().prepare << "SELECT token_hash, kind, label, created_at FROM auth_tokens WHERE "
                             "user_id = :u AND kind = 'api' ORDER BY created_at DESC",
         soci::use(user), soci::into(t.token_hash), soci::into(t.kind), soci::into(t.label),
         soci::into(t.created_at));
    st.execute();
    while (st.fetch()) {
      t.user_id = user_id;
      out.push_back(t);
    }
    return out;
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace gongshi
