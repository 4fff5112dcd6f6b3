#pragma once
// Rule script versions as the database keeps them: every installed text with its hash, author and
// time; one active version per region.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/database.hpp"

namespace gongshi {

struct RuleVersionRow {
  std::string region;
  std::string script_hash;  // SHA-256 hex of the script text
  std::string script;
  std::string author;
  std::string created_at;  // UTC text
  bool active = false;
};

// Stores the version (once per region and hash) and makes it the region's only active one.
Status activate_rule_version(Tx& tx, const RuleVersionRow& v);
// The active script of every region.
Result<std::map<std::string, RuleVersionRow>> active_rule_versions(Tx& tx);
// Keeps a script that computed records (once per region and hash), without activating it: a
// record's pinned rule version can then always be rebuilt.
Status archive_rule_version(Tx& tx, const RuleVersionRow& v);
// The text of the region's script whose hash starts with `hash_prefix`, if kept.
Result<std::optional<std::string>> find_rule_script(Tx& tx, const std::string& region,
                                                    const std::string& hash_prefix);
// Every version of a region, newest first.
Result<std::vector<RuleVersionRow>> rule_versions_of(Tx& tx, const std::string& region);

}  // namespace gongshi
