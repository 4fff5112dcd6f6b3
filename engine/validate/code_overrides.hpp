#pragma once
// Recorded exceptions for genuine 统一社会信用代码 that fail the GB 32100 check (early pilot codes,
// e.g. Fujian's 91350211M0000XUF46). An override names the code, why it is accepted and who
// approved it; it lifts only the check-character test, never the length or alphabet test, and only
// for exactly that code. Validation never loosens the check by itself.

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/result.hpp"

namespace gongshi {

struct CodeOverride {
  std::string code;         // the exact 18-character code
  std::string reason;       // e.g. "福建省早期试点赋码，经登记机关确认"
  std::string approved_by;  // who decided
  Date approved_on{};
};

class CodeOverrides {
 public:
  // Refuses an entry without code, reason or approver, or a code whose check already passes.
  Result<bool> add(CodeOverride o);
  const CodeOverride* find(std::string_view code) const;
  const std::vector<CodeOverride>& all() const { return items_; }

  // [{"code": "...", "reason": "...", "approved_by": "...", "approved_on": "YYYY-MM-DD"}, ...]
  static Result<CodeOverrides> from_json(const boost::json::value& json);

 private:
  std::vector<CodeOverride> items_;
};

}  // namespace gongshi
