#pragma once
// Statements prepared once per pooled session and run again with new values: the hot paths (a
// record by id, its update, its events and outbox rows, a token) would otherwise have SQLite parse
// and plan the same text on every request. Each entry is a SOCI statement whose bound variables
// live beside it (`Vars`), so a call sets the variables and executes. Internal to engine/store.
//
// An entry is keyed by a name its one call site chooses; the same name must always come with the
// same Vars type. After an exception the caller drops the entry (its state is unknown) and the
// next call prepares it afresh.

#include <soci/soci.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "engine/store/database.hpp"

namespace gongshi {

class StatementCache {
 public:
  template <class Vars>
  struct Entry;

  // The statement under `key`, prepared on first use: `setup(statement, vars)` exchanges the
  // variables and returns the SQL text.
  template <class Vars, class Setup>
  Entry<Vars>& get(soci::session& s, std::string_view key, Setup&& setup) {
    auto it = entries_.find(key);
    if (it == entries_.end()) {
      auto fresh = std::make_unique<Entry<Vars>>(s);
      const std::string sql = setup(fresh->st, fresh->vars);
      fresh->st.alloc();
      fresh->st.prepare(sql);
      fresh->st.define_and_bind();
      it = entries_.emplace(std::string(key), std::move(fresh)).first;
    }
    return static_cast<Entry<Vars>&>(*it->second);
  }
  void drop(std::string_view key) {
    if (auto it = entries_.find(key); it != entries_.end()) entries_.erase(it);
  }
  void clear() { entries_.clear(); }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Base {
    virtual ~Base() = default;
  };

 public:
  template <class Vars>
  struct Entry : Base {
    explicit Entry(soci::session& s) : st(s) {}
    Vars vars;
    soci::statement st;
    // Runs a query expected to give at most one row: `read()` of its variables, or nothing. Steps
    // once more afterwards so that SQLite's statement is done (an unfinished one would keep its
    // read snapshot).
    template <class Read>
    std::optional<std::invoke_result_t<Read>> one(Read&& read) {
      if (!st.execute(true)) return std::nullopt;
      std::optional<std::invoke_result_t<Read>> out(read());
      st.fetch();
      return out;
    }
    // Runs a statement that returns no rows; the number of rows it changed.
    long long run() {
      st.execute(true);
      return st.get_affected_rows();
    }
  };

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::unique_ptr<Base>, Hash, std::equal_to<>> entries_;
};

// Runs `body(entry)` on the cached statement `key` of this transaction's session; an exception
// drops the entry and is passed on.
template <class Vars, class Setup, class Body>
auto with_statement(Tx& tx, std::string_view key, Setup&& setup, Body&& body) {
  auto& cache = tx.statements();
  auto& entry = cache.get<Vars>(tx.sql(), key, std::forward<Setup>(setup));
  try {
    return body(entry);
  } catch (...) {
    cache.drop(key);
    throw;
  }
}

}  // namespace gongshi
