#include "plugins/national_standard/national_standard.hpp"

#include "engine/validate/validate.hpp"

namespace gongshi {

GONGSHI_RULE_PLUGIN(NationalStandard)

Status NationalStandard::validate(const Record& r, const RuleContext& ctx, Issues& issues) const {
  for (auto& issue : gongshi::validate(r, ValidationContext{ctx.today, nullptr})) {
    issues.push_back(std::move(issue));
  }
  return ok_status();
}

Status NationalStandard::scope(const Record& r, const RuleContext&, ScopeDecision& d) const {
  const Subject& subject = subject_of(r);
  const Disclosure& chosen =
      std::visit([](const auto& x) -> const Disclosure& { return x.disclosure; }, r);
  if (chosen.scope && *chosen.scope != PublicScope::social) {
    d.scope = *chosen.scope;
    d.basis = chosen.basis;
    d.reason = "部门选择" + std::string(enum_label(*chosen.scope)) + "，依据：" + chosen.basis;
  } else {
    d.scope = PublicScope::social;
    d.reason = "公开为常态、不公开为例外：社会公开";
  }
  if (subject.category == SubjectCategory::natural_person) {
    d.mask_personal = true;
    d.reason += "；行政相对人为自然人，公示时姓名和证件号码脱敏";
  }
  return ok_status();
}

}  // namespace gongshi
