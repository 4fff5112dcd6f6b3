// The algorithm is Lua 5.4's (lstrlib.c: a recursive backtracking matcher over the pattern text),
// written again here with a step counter: each call of match(), each character a repetition scans
// and each character %b walks is one step. Messages are Lua's own.
#include "engine/rules/lua_pattern.hpp"

#include <cctype>
#include <cstring>
#include <lua.hpp>

#include "engine/rules/lua_state.hpp"

namespace gongshi {
namespace {

constexpr int kMaxCaptures = 32;   // LUA_MAXCAPTURES
constexpr int kMaxDepth = 200;     // MAXCCALLS: recursion depth of one match
constexpr int kChargeEvery = 256;  // steps between charges to the state's budget
constexpr char kEsc = '%';
constexpr long kCapUnfinished = -1;
constexpr long kCapPosition = -2;

struct Matcher {
  const char* src_init;
  const char* src_end;
  const char* p_end;
  lua_State* L;
  int depth;
  int level;
  int pending;  // steps not yet charged
  struct {
    const char* init;
    long len;
  } capture[kMaxCaptures];
};

// Charges the steps not yet charged (raises the budget error past the budget).
void flush(Matcher& m) {
  if (m.pending > 0) {
    LuaState::of(m.L).count_instructions(m.pending);
    m.pending = 0;
  }
}

void charge(Matcher& m, int steps) {
  m.pending += steps;
  if (m.pending >= kChargeEvery) flush(m);
}

unsigned char uc(char c) {
  return static_cast<unsigned char>(c);
}

const char* class_end(Matcher& m, const char* p) {
  switch (*p++) {
    case kEsc:
      if (p == m.p_end) luaL_error(m.L, "malformed pattern (ends with '%%')");
      return p + 1;
    case '[':
      if (*p == '^') p++;
      do {
        if (p == m.p_end) luaL_error(m.L, "malformed pattern (missing ']')");
        if (*(p++) == kEsc && p < m.p_end) p++;
      } while (*p != ']');
      return p + 1;
    default:
      return p;
  }
}

bool match_class(int c, int cl) {
  bool res;
  switch (std::tolower(cl)) {
    case 'a':
      res = std::isalpha(c);
      break;
    case 'c':
      res = std::iscntrl(c);
      break;
    case 'd':
      res = std::isdigit(c);
      break;
    case 'g':
      res = std::isgraph(c);
      break;
    case 'l':
      res = std::islower(c);
      break;
    case 'p':
      res = std::ispunct(c);
      break;
    case 's':
      res = std::isspace(c);
      break;
    case 'u':
      res = std::isupper(c);
      break;
    case 'w':
      res = std::isalnum(c);
      break;
    case 'x':
      res = std::isxdigit(c);
      break;
    default:
      return cl == c;
  }
  return std::isupper(cl) ? !res : res;
}

// p points at '[', ec at the closing ']'.
bool match_bracket_class(int c, const char* p, const char* ec) {
  bool sig = true;
  if (*(p + 1) == '^') {
    sig = false;
    p++;
  }
  while (++p < ec) {
    if (*p == kEsc) {
      p++;
      if (match_class(c, uc(*p))) return sig;
    } else if (*(p + 1) == '-' && p + 2 < ec) {
      p += 2;
      if (uc(*(p - 2)) <= c && c <= uc(*p)) return sig;
    } else if (uc(*p) == c) {
      return sig;
    }
  }
  return !sig;
}

bool single_match(const Matcher& m, const char* s, const char* p, const char* ep) {
  if (s >= m.src_end) return false;
  const int c = uc(*s);
  switch (*p) {
    case '.':
      return true;
    case kEsc:
      return match_class(c, uc(*(p + 1)));
    case '[':
      return match_bracket_class(c, p, ep - 1);
    default:
      return uc(*p) == c;
  }
}

const char* match(Matcher& m, const char* s, const char* p);

const char* match_balance(Matcher& m, const char* s, const char* p) {
  if (p >= m.p_end - 1) luaL_error(m.L, "malformed pattern (missing arguments to '%%b')");
  if (s >= m.src_end || *s != *p) return nullptr;
  const char b = *p, e = *(p + 1);
  int open = 1;
  while (++s < m.src_end) {
    charge(m, 1);
    if (*s == e) {
      if (--open == 0) return s + 1;
    } else if (*s == b) {
      open++;
    }
  }
  return nullptr;
}

const char* max_expand(Matcher& m, const char* s, const char* p, const char* ep) {
  long i = 0;
  while (single_match(m, s + i, p, ep)) {
    charge(m, 1);
    i++;
  }
  while (i >= 0) {  // try the longest first, then shorter
    if (const char* res = match(m, s + i, ep + 1)) return res;
    i--;
  }
  return nullptr;
}

const char* min_expand(Matcher& m, const char* s, const char* p, const char* ep) {
  for (;;) {
    if (const char* res = match(m, s, ep + 1)) return res;
    if (!single_match(m, s, p, ep)) return nullptr;
    s++;
  }
}

const char* start_capture(Matcher& m, const char* s, const char* p, long what) {
  if (m.level >= kMaxCaptures) luaL_error(m.L, "too many captures");
  m.capture[m.level].init = s;
  m.capture[m.level].len = what;
  m.level++;
  const char* res = match(m, s, p);
  if (res == nullptr) m.level--;  // undo
  return res;
}

const char* end_capture(Matcher& m, const char* s, const char* p) {
  int l = -1;
  for (int i = m.level - 1; i >= 0; i--) {
    if (m.capture[i].len == kCapUnfinished) {
      l = i;
      break;
    }
  }
  if (l < 0) luaL_error(m.L, "invalid pattern capture");
  m.capture[l].len = s - m.capture[l].init;
  const char* res = match(m, s, p);
  if (res == nullptr) m.capture[l].len = kCapUnfinished;
  return res;
}

int check_capture(Matcher& m, int l) {
  l -= '1';
  if (l < 0 || l >= m.level || m.capture[l].len == kCapUnfinished) {
    return luaL_error(m.L, "invalid capture index %%%d", l + 1);
  }
  return l;
}

const char* match_capture(Matcher& m, const char* s, int l) {
  l = check_capture(m, l);
  const auto len = static_cast<std::size_t>(m.capture[l].len);
  charge(m, static_cast<int>(len > 1u << 20 ? 1u << 20 : len));
  if (static_cast<std::size_t>(m.src_end - s) >= len &&
      std::memcmp(m.capture[l].init, s, len) == 0) {
    return s + len;
  }
  return nullptr;
}

const char* match(Matcher& m, const char* s, const char* p) {
  if (m.depth-- == 0) luaL_error(m.L, "pattern too complex");
  charge(m, 1);
init:
  if (p != m.p_end) {
    switch (*p) {
      case '(':
        s = *(p + 1) == ')' ? start_capture(m, s, p + 2, kCapPosition)
                            : start_capture(m, s, p + 1, kCapUnfinished);
        break;
      case ')':
        s = end_capture(m, s, p + 1);
        break;
      case '$':
        if (p + 1 != m.p_end) goto dflt;
        s = s == m.src_end ? s : nullptr;
        break;
      case kEsc:
        switch (*(p + 1)) {
          case 'b':
            s = match_balance(m, s, p + 2);
            if (s != nullptr) {
              p += 4;
              goto init;
            }
            break;
          case 'f': {
            p += 2;
            if (*p != '[') luaL_error(m.L, "missing '[' after '%%f' in pattern");
            const char* ep = class_end(m, p);
            const char previous = s == m.src_init ? '\0' : *(s - 1);
            const char current = s < m.src_end ? *s : '\0';
            if (!match_bracket_class(uc(previous), p, ep - 1) &&
                match_bracket_class(uc(current), p, ep - 1)) {
              p = ep;
              goto init;
            }
            s = nullptr;
            break;
          }
          case '0':
          case '1':
          case '2':
          case '3':
          case '4':
          case '5':
          case '6':
          case '7':
          case '8':
          case '9':
            s = match_capture(m, s, uc(*(p + 1)));
            if (s != nullptr) {
              p += 2;
              goto init;
            }
            break;
          default:
            goto dflt;
        }
        break;
      default:
      dflt : {
        const char* ep = class_end(m, p);
        if (!single_match(m, s, p, ep)) {
          if (*ep == '*' || *ep == '?' || *ep == '-') {  // accepts an empty match
            p = ep + 1;
            goto init;
          }
          s = nullptr;
        } else {
          switch (*ep) {
            case '?': {
              if (const char* res = match(m, s + 1, ep + 1)) {
                s = res;
              } else {
                p = ep + 1;
                goto init;
              }
              break;
            }
            case '+':
              s = max_expand(m, s + 1, p, ep);
              break;
            case '*':
              s = max_expand(m, s, p, ep);
              break;
            case '-':
              s = min_expand(m, s, p, ep);
              break;
            default:
              s++;
              p = ep;
              charge(m, 1);
              goto init;
          }
        }
        break;
      }
    }
  }
  m.depth++;
  return s;
}

void prepare(Matcher& m, lua_State* L, const char* s, std::size_t ls, const char* p,
             std::size_t lp) {
  m.L = L;
  m.src_init = s;
  m.src_end = s + ls;
  m.p_end = p + lp;
  m.pending = 0;
  m.depth = kMaxDepth;
  m.level = 0;
}

void restart(Matcher& m) {
  m.level = 0;
  m.depth = kMaxDepth;
}

// Pushes capture i (or the whole match when there are none and i is 0).
void push_capture(Matcher& m, int i, const char* s, const char* e) {
  if (i >= m.level) {
    if (i != 0) luaL_error(m.L, "invalid capture index %%%d", i + 1);
    lua_pushlstring(m.L, s, static_cast<std::size_t>(e - s));
    return;
  }
  const long l = m.capture[i].len;
  if (l == kCapUnfinished) luaL_error(m.L, "unfinished capture");
  if (l == kCapPosition) {
    lua_pushinteger(m.L, (m.capture[i].init - m.src_init) + 1);
  } else {
    lua_pushlstring(m.L, m.capture[i].init, static_cast<std::size_t>(l));
  }
}

int push_captures(Matcher& m, const char* s, const char* e) {
  const int n = (m.level == 0 && s != nullptr) ? 1 : m.level;
  luaL_checkstack(m.L, n, "too many captures");
  for (int i = 0; i < n; i++) push_capture(m, i, s, e);
  return n;
}

// Lua 5.4's posrelatI: a 1-based start position, negative counting from the end.
std::size_t start_position(lua_Integer pos, std::size_t len) {
  if (pos > 0) return static_cast<std::size_t>(pos);
  if (pos == 0) return 1;
  if (pos < -static_cast<lua_Integer>(len)) return 1;
  return len + static_cast<std::size_t>(pos) + 1;
}

bool has_specials(const char* p, std::size_t lp) {
  for (std::size_t i = 0; i < lp; i++) {
    if (std::strchr("^$*+?.([%-", p[i]) != nullptr && p[i] != '\0') return true;
  }
  return false;
}

// The subject as a string no longer than the state's bound (a count hook cannot interrupt the
// copies a long subject costs).
const char* check_subject(lua_State* L, const char* fn, std::size_t* len) {
  const char* s = luaL_checklstring(L, 1, len);
  const std::size_t max = LuaState::of(L).limits().max_string_bytes;
  if (*len > max) {
    luaL_error(L, "string.%s: subject longer than %d bytes", fn, static_cast<int>(max));
  }
  return s;
}

// A plain search that charges the bytes it compares.
const char* plain_find(Matcher& m, const char* s, std::size_t ls, const char* p, std::size_t lp) {
  if (lp == 0) return s;
  if (lp > ls) return nullptr;
  const char* end = s + (ls - lp) + 1;
  while (s < end) {
    const void* hit = std::memchr(s, *p, static_cast<std::size_t>(end - s));
    if (hit == nullptr) return nullptr;
    const char* at = static_cast<const char*>(hit);
    charge(m, static_cast<int>(lp > 1u << 20 ? 1u << 20 : lp));
    if (std::memcmp(at + 1, p + 1, lp - 1) == 0) return at;
    s = at + 1;
  }
  return nullptr;
}

int find_aux(lua_State* L, bool find) {
  std::size_t ls = 0, lp = 0;
  const char* s = check_subject(L, find ? "find" : "match", &ls);
  const char* p = luaL_checklstring(L, 2, &lp);
  const std::size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) {
    luaL_pushfail(L);
    return 1;
  }
  Matcher m;
  prepare(m, L, s, ls, p, lp);
  if (find && (lua_toboolean(L, 4) || !has_specials(p, lp))) {
    const char* at = plain_find(m, s + init, ls - init, p, lp);
    flush(m);
    if (at != nullptr) {
      lua_pushinteger(L, (at - s) + 1);
      lua_pushinteger(L, static_cast<lua_Integer>((at - s) + lp));
      return 2;
    }
    luaL_pushfail(L);
    return 1;
  }
  const char* s1 = s + init;
  const bool anchor = *p == '^';
  if (anchor) {
    p++;
    lp--;
    m.p_end = p + lp;
  }
  do {
    restart(m);
    if (const char* e = match(m, s1, p)) {
      flush(m);
      if (find) {
        lua_pushinteger(L, (s1 - s) + 1);
        lua_pushinteger(L, e - s);
        return push_captures(m, nullptr, nullptr) + 2;
      }
      return push_captures(m, s1, e);
    }
  } while (s1++ < m.src_end && !anchor);
  flush(m);
  luaL_pushfail(L);
  return 1;
}

int counted_find(lua_State* L) {
  return find_aux(L, true);
}

int counted_match(lua_State* L) {
  return find_aux(L, false);
}

struct GmatchState {
  const char* src;
  const char* p;
  const char* lastmatch;
  Matcher m;
};

int gmatch_step(lua_State* L) {
  auto* gm = static_cast<GmatchState*>(lua_touserdata(L, lua_upvalueindex(3)));
  gm->m.L = L;
  for (const char* src = gm->src; src <= gm->m.src_end; src++) {
    restart(gm->m);
    const char* e = match(gm->m, src, gm->p);
    if (e != nullptr && e != gm->lastmatch) {
      flush(gm->m);
      gm->src = gm->lastmatch = e;
      return push_captures(gm->m, src, e);
    }
  }
  flush(gm->m);
  return 0;
}

int counted_gmatch(lua_State* L) {
  std::size_t ls = 0, lp = 0;
  const char* s = check_subject(L, "gmatch", &ls);
  const char* p = luaL_checklstring(L, 2, &lp);
  std::size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) init = ls + 1;  // start after the end: no matches
  lua_settop(L, 2);              // the subject and the pattern stay alive as upvalues
  auto* gm = static_cast<GmatchState*>(lua_newuserdatauv(L, sizeof(GmatchState), 0));
  prepare(gm->m, L, s, ls, p, lp);
  gm->src = s + init;
  gm->p = p;
  gm->lastmatch = nullptr;
  lua_pushcclosure(L, gmatch_step, 3);
  return 1;
}

void add_replacement_string(Matcher& m, luaL_Buffer* b, const char* s, const char* e) {
  std::size_t l = 0;
  const char* news = lua_tolstring(m.L, 3, &l);
  const char* end = news + l;
  const char* p = nullptr;
  while ((p = static_cast<const char*>(
              std::memchr(news, kEsc, static_cast<std::size_t>(end - news)))) != nullptr) {
    luaL_addlstring(b, news, static_cast<std::size_t>(p - news));
    p++;  // skip the escape
    if (p < end && *p == kEsc) {
      luaL_addchar(b, *p);
    } else if (p < end && *p == '0') {
      luaL_addlstring(b, s, static_cast<std::size_t>(e - s));
    } else if (p < end && std::isdigit(uc(*p))) {
      push_capture(m, *p - '1', s, e);
      luaL_tolstring(m.L, -1, nullptr);  // a position capture becomes its number's text
      lua_remove(m.L, -2);
      luaL_addvalue(b);
    } else {
      luaL_error(m.L, "invalid use of '%c' in replacement string", kEsc);
    }
    news = p + 1;
    charge(m, 1);
  }
  luaL_addlstring(b, news, static_cast<std::size_t>(end - news));
}

// Adds the replacement of the match s..e; false when it kept the original text.
bool add_value(Matcher& m, luaL_Buffer* b, const char* s, const char* e, int tr) {
  lua_State* L = m.L;
  switch (tr) {
    case LUA_TFUNCTION: {
      lua_pushvalue(L, 3);
      const int n = push_captures(m, s, e);
      flush(m);
      lua_call(L, n, 1);
      break;
    }
    case LUA_TTABLE:
      push_capture(m, 0, s, e);
      lua_gettable(L, 3);
      break;
    default:
      add_replacement_string(m, b, s, e);
      return true;
  }
  if (!lua_toboolean(L, -1)) {  // nil or false: keep the original text
    lua_pop(L, 1);
    luaL_addlstring(b, s, static_cast<std::size_t>(e - s));
    return false;
  }
  if (!lua_isstring(L, -1)) {
    return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1)) != 0;
  }
  luaL_addvalue(b);
  return true;
}

int counted_gsub(lua_State* L) {
  std::size_t srcl = 0, lp = 0;
  const char* src = check_subject(L, "gsub", &srcl);
  const char* p = luaL_checklstring(L, 2, &lp);
  const char* lastmatch = nullptr;
  const int tr = lua_type(L, 3);
  const lua_Integer max_s = luaL_optinteger(L, 4, static_cast<lua_Integer>(srcl) + 1);
  const bool anchor = *p == '^';
  lua_Integer n = 0;
  bool changed = false;
  luaL_argexpected(
      L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION || tr == LUA_TTABLE, 3,
      "string/function/table");
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  if (anchor) {
    p++;
    lp--;
  }
  Matcher m;
  prepare(m, L, src, srcl, p, lp);
  while (n < max_s) {
    restart(m);
    const char* e = match(m, src, p);
    if (e != nullptr && e != lastmatch) {
      n++;
      changed = add_value(m, &b, src, e, tr) || changed;
      src = lastmatch = e;
    } else if (src < m.src_end) {
      luaL_addchar(&b, *src++);
    } else {
      break;
    }
    if (anchor) break;
  }
  flush(m);
  if (!changed) {
    lua_pushvalue(L, 1);
  } else {
    luaL_addlstring(&b, src, static_cast<std::size_t>(m.src_end - src));
    luaL_pushresult(&b);
  }
  lua_pushinteger(L, n);
  return 2;
}

}  // namespace

void push_counted_patterns(lua_State* L) {
  const luaL_Reg fns[] = {{"find", counted_find},
                          {"match", counted_match},
                          {"gmatch", counted_gmatch},
                          {"gsub", counted_gsub},
                          {nullptr, nullptr}};
  luaL_newlib(L, fns);
}

}  // namespace gongshi
