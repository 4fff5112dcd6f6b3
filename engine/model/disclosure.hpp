#pragma once
// 公开范围 as the department chose it on submission (not one of the standard's 28/30 fields; the
// platforms ask for it beside them). 社会公开 is the default; any other choice needs a legal basis.

#include <optional>
#include <string>

#include "engine/model/enums.hpp"

namespace gongshi {

struct Disclosure {
  std::optional<PublicScope> scope;  // GKFW 公开范围; empty = 社会公开
  std::string basis;                 // GKFW_YJ 不公开依据 (law, article, document)
  bool operator==(const Disclosure&) const = default;
};

}  // namespace gongshi
