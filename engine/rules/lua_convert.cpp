#include "engine/rules/lua_convert.hpp"

#include <lua.hpp>

#include "engine/model/decode.hpp"
#include "engine/model/fields.hpp"
#include "engine/rules/lua_state.hpp"

namespace gongshi {
namespace {

Error bad_result(const std::string& who, const std::string& what_zh, const std::string& what_en) {
  return make_error(ErrorCode::rule_error, "地区规则 " + who + " 的返回值无效：" + what_zh,
                    "rule script " + who + " returned an invalid value: " + what_en);
}

// Raw reads only: a returned table's metamethods would run outside the instruction budget.
void raw_field(lua_State* L, int idx, const char* key) {
  idx = lua_absindex(L, idx);
  lua_pushstring(L, key);
  lua_rawget(L, idx);
}

std::string field_string(lua_State* L, int idx, const char* key) {
  raw_field(L, idx, key);
  std::string out = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
  lua_pop(L, 1);
  return out;
}

void set_date(lua_State* L, const char* key, const std::optional<Date>& d) {
  if (!d) return;
  lua_pushstring(L, format_date(*d).c_str());
  lua_setfield(L, -2, key);
}

// One deadline key: absent = unchanged, false = cleared, a date string = set.
Status read_date(lua_State* L, const std::string& who, const char* key, std::optional<Date>& out) {
  raw_field(L, -1, key);
  Status st = ok_status();
  if (lua_type(L, -1) == LUA_TBOOLEAN && !lua_toboolean(L, -1)) {
    out.reset();
  } else if (lua_type(L, -1) == LUA_TSTRING) {
    const auto d = parse_date(lua_tostring(L, -1));
    if (d) {
      out = d;
    } else {
      st = bad_result(who, std::string(key) + " 不是日期", std::string(key) + " is not a date");
    }
  } else if (!lua_isnil(L, -1)) {
    st = bad_result(who, std::string(key) + " 应为日期字符串或 false",
                    std::string(key) + " must be a date string or false");
  }
  lua_pop(L, 1);
  return st;
}

}  // namespace

void push_record(LuaState& s, const Record& r) {
  lua_State* L = s.L();
  const auto& fields = fields_of(kind_of(r));
  const auto texts = encode_texts(r);
  lua_createtable(L, 0, static_cast<int>(fields.size()) + 1);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (texts[i].empty()) continue;
    lua_pushlstring(L, texts[i].data(), texts[i].size());
    lua_setfield(L, -2, std::string(fields[i].code).c_str());
  }
  lua_pushstring(L, std::string(to_string(kind_of(r))).c_str());
  lua_setfield(L, -2, "kind");
  s.freeze_top();
}

void push_context(LuaState& s, const RuleContext& ctx) {
  lua_State* L = s.L();
  lua_createtable(L, 0, 3);
  lua_pushstring(L, ctx.region.c_str());
  lua_setfield(L, -2, "region");
  lua_pushstring(L, format_date(ctx.today).c_str());
  lua_setfield(L, -2, "today");
  if (ctx.period != nullptr) {
    const PublicationPeriod& p = *ctx.period;
    lua_createtable(L, 0, 7);
    for (auto [key, value] : {std::pair{"regime", &p.regime}, std::pair{"tier", &p.tier},
                              std::pair{"sector", &p.sector}}) {
      lua_pushstring(L, value->c_str());
      lua_setfield(L, -2, key);
    }
    lua_pushinteger(L, p.min_months);
    lua_setfield(L, -2, "min_months");
    lua_pushinteger(L, p.max_months);
    lua_setfield(L, -2, "max_months");
    set_date(L, "earliest_end", p.earliest_end);
    set_date(L, "latest_end", p.latest_end);
    lua_setfield(L, -2, "period");
  }
  s.freeze_top();
}

void push_classification(lua_State* L, const Classification& c) {
  lua_createtable(L, 0, 3);
  if (c.tier) {
    lua_pushstring(L, std::string(enum_label(*c.tier)).c_str());
    lua_setfield(L, -2, "tier");
  }
  lua_pushstring(L, c.sector.c_str());
  lua_setfield(L, -2, "sector");
  lua_pushstring(L, c.derivation.c_str());
  lua_setfield(L, -2, "derivation");
}

void push_scope(lua_State* L, const ScopeDecision& d) {
  lua_createtable(L, 0, 5);
  lua_pushstring(L, std::string(enum_label(d.scope)).c_str());
  lua_setfield(L, -2, "scope");
  lua_pushstring(L, d.reason.c_str());
  lua_setfield(L, -2, "reason");
  lua_pushstring(L, d.basis.c_str());
  lua_setfield(L, -2, "basis");
  lua_pushboolean(L, d.mask_personal);
  lua_setfield(L, -2, "mask");
  lua_createtable(L, static_cast<int>(d.flags.size()), 0);
  for (std::size_t i = 0; i < d.flags.size(); ++i) {
    lua_pushstring(L, d.flags[i].c_str());
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  lua_setfield(L, -2, "flags");
}

void push_deadlines(lua_State* L, const Deadlines& d) {
  lua_createtable(L, 0, 4);
  set_date(L, "publish_by", d.publish_by);
  set_date(L, "late_after", d.late_after);
  set_date(L, "missing_after", d.missing_after);
  set_date(L, "publication_end", d.publication_end);
  set_date(L, "repair_from", d.repair_from);
}

Status read_issues(lua_State* L, const std::string& who, Issues& out) {
  if (lua_isnil(L, -1)) return ok_status();
  if (!lua_istable(L, -1))
    return bad_result(who, "validate 应返回列表", "validate must return a list");
  const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, -1));
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, -1, i);
    if (!lua_istable(L, -1)) {
      lua_pop(L, 1);
      return bad_result(who, "问题应为表", "each issue must be a table");
    }
    Issue issue;
    issue.field = field_string(L, -1, "field");
    const std::string code = field_string(L, -1, "code");
    issue.message_zh = field_string(L, -1, "message_zh");
    issue.message_en = field_string(L, -1, "message_en");
    lua_pop(L, 1);
    if (code.empty() || issue.message_zh.empty()) {
      return bad_result(who, "问题须有 code 和 message_zh", "an issue needs code and message_zh");
    }
    issue.code = issue_code_from_string(code);
    if (issue.code == IssueCode::rule) issue.rule_code = code;
    if (issue.message_en.empty()) issue.message_en = code;
    out.push_back(std::move(issue));
  }
  return ok_status();
}

Status read_scope(lua_State* L, const std::string& who, ScopeDecision& d) {
  if (lua_isnil(L, -1)) return ok_status();
  if (!lua_istable(L, -1)) return bad_result(who, "scope 应返回表", "scope must return a table");
  raw_field(L, -1, "scope");
  if (lua_type(L, -1) == LUA_TSTRING) {
    const auto s = enum_from_text<PublicScope>(lua_tostring(L, -1));
    if (!s) {
      lua_pop(L, 1);
      return bad_result(who, "未知的公开范围", "unknown scope");
    }
    d.scope = *s;
  }
  lua_pop(L, 1);
  raw_field(L, -1, "reason");
  if (lua_type(L, -1) == LUA_TSTRING) d.reason = lua_tostring(L, -1);
  lua_pop(L, 1);
  raw_field(L, -1, "basis");
  if (lua_type(L, -1) == LUA_TSTRING) d.basis = lua_tostring(L, -1);
  lua_pop(L, 1);
  raw_field(L, -1, "mask");
  if (lua_type(L, -1) == LUA_TBOOLEAN) d.mask_personal = lua_toboolean(L, -1) != 0;
  lua_pop(L, 1);
  raw_field(L, -1, "flags");
  if (lua_istable(L, -1)) {
    d.flags.clear();
    const lua_Integer n = static_cast<lua_Integer>(lua_rawlen(L, -1));
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, -1, i);
      if (lua_type(L, -1) == LUA_TSTRING) d.flags.emplace_back(lua_tostring(L, -1));
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  return ok_status();
}

Status read_deadlines(lua_State* L, const std::string& who, Deadlines& d) {
  if (lua_isnil(L, -1)) return ok_status();
  if (!lua_istable(L, -1))
    return bad_result(who, "deadlines 应返回表", "deadlines must return a table");
  for (auto [key, member] :
       {std::pair{"publish_by", &d.publish_by}, std::pair{"late_after", &d.late_after},
        std::pair{"missing_after", &d.missing_after},
        std::pair{"publication_end", &d.publication_end},
        std::pair{"repair_from", &d.repair_from}}) {
    if (auto st = read_date(L, who, key, *member); !st) return st;
  }
  return ok_status();
}

Status read_classification(lua_State* L, const std::string& who, Classification& c) {
  if (lua_isnil(L, -1)) return ok_status();
  if (!lua_istable(L, -1)) {
    return bad_result(who, "classify 应返回表或 nil", "classify must return a table or nil");
  }
  const std::string tier = field_string(L, -1, "tier");
  const std::string reason = field_string(L, -1, "reason");
  raw_field(L, -1, "sector");
  const bool has_sector = lua_type(L, -1) == LUA_TSTRING;
  const std::string sector = has_sector ? lua_tostring(L, -1) : "";
  lua_pop(L, 1);
  if (!tier.empty()) {
    const auto t = enum_from_text<SeverityTier>(tier);
    if (!t) return bad_result(who, "未知的失信程度 " + tier, "unknown tier " + tier);
    c.tier = t;
  }
  if (has_sector) c.sector = sector;
  if (tier.empty() && !has_sector) return ok_status();
  if (reason.empty()) {
    return bad_result(who, "改定失信程度或领域须说明理由（reason）",
                      "a reclassification needs a reason");
  }
  c.derivation += "；地区规则 " + who + "：" + reason;
  return ok_status();
}

}  // namespace gongshi
