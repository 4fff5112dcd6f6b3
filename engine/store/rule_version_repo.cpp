#include "engine/store/rule_version_repo.hpp"

#include <soci/soci.h>

namespace gongshi {
namespace {

template <class Each>
Status select_versions(Tx& tx, const std::string& where, const std::string& bind, Each each) {
  try {
    RuleVersionRow v;
    int active = 0;
    soci::statement st(tx.sql());
    st.exchange(soci::into(v.region));
    st.exchange(soci::into(v.script_hash));
    st.exchange(soci::into(v.script));
    st.exchange(soci::into(v.author));
    st.exchange(soci::into(v.created_at));
    st.exchange(soci::into(active));
    std::string value = bind;
    if (!bind.empty()) st.exchange(soci::use(value));
    st.alloc();
    st.prepare(
        "SELECT region, script_hash, script, author, created_at, active FROM rule_versions WHERE " +
        where + " ORDER BY created_at DESC");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      v.active = active != 0;
      each(v);
    }
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

}  // namespace

Status activate_rule_version(Tx& tx, const RuleVersionRow& v) {
  try {
    soci::session& sql = tx.sql();
    int known = 0;
    sql << "SELECT COUNT(*) FROM rule_versions WHERE region = :r AND script_hash = :h",
        soci::use(v.region), soci::use(v.script_hash), soci::into(known);
    sql << "UPDATE rule_versions SET active = 0 WHERE region = :r", soci::use(v.region);
    if (known == 0) {
      sql << "INSERT INTO rule_versions (region, script_hash, script, author, created_at, active) "
             "VALUES (:r, :h, :s, :a, :c, 1)",
          soci::use(v.region), soci::use(v.script_hash), soci::use(v.script), soci::use(v.author),
          soci::use(v.created_at);
    } else {
      sql << "UPDATE rule_versions SET active = 1 WHERE region = :r AND script_hash = :h",
          soci::use(v.region), soci::use(v.script_hash);
    }
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Status archive_rule_version(Tx& tx, const RuleVersionRow& v) {
  try {
    soci::session& sql = tx.sql();
    int known = 0;
    sql << "SELECT COUNT(*) FROM rule_versions WHERE region = :r AND script_hash = :h",
        soci::use(v.region), soci::use(v.script_hash), soci::into(known);
    if (known == 0) {
      sql << "INSERT INTO rule_versions (region, script_hash, script, author, created_at, active) "
             "VALUES (:r, :h, :s, :a, :c, 0)",
          soci::use(v.region), soci::use(v.script_hash), soci::use(v.script), soci::use(v.author),
          soci::use(v.created_at);
    }
    return ok_status();
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::optional<std::string>> find_rule_script(Tx& tx, const std::string& region,
                                                    const std::string& hash_prefix) {
  // A hash prefix is hex: nothing in it needs escaping for LIKE.
  if (hash_prefix.empty() ||
      hash_prefix.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return std::optional<std::string>{};
  }
  try {
    std::string script;
    const std::string pattern = hash_prefix + "%";
    tx.sql() << "SELECT script FROM rule_versions WHERE region = :r AND script_hash LIKE :p",
        soci::use(region), soci::use(pattern), soci::into(script);
    if (!tx.sql().got_data()) return std::optional<std::string>{};
    return std::optional<std::string>{script};
  } catch (const std::exception& e) {
    return database_error(e);
  }
}

Result<std::map<std::string, RuleVersionRow>> active_rule_versions(Tx& tx) {
  std::map<std::string, RuleVersionRow> out;
  auto st =
      select_versions(tx, "active = 1", "", [&](const RuleVersionRow& v) { out[v.region] = v; });
  if (!st) return st.error();
  return out;
}

Result<std::vector<RuleVersionRow>> rule_versions_of(Tx& tx, const std::string& region) {
  std::vector<RuleVersionRow> out;
  auto st = select_versions(tx, "region = :r", region,
                            [&](const RuleVersionRow& v) { out.push_back(v); });
  if (!st) return st.error();
  return out;
}

}  // namespace gongshi
