#include "engine/validate/validate.hpp"

#include <boost/json.hpp>

#include "engine/model/json_codec.hpp"
#include "engine/validate/check_digits.hpp"
#include "engine/validate/checker.hpp"

namespace gongshi {
namespace {

void check_disclosure(const Disclosure& d, validation::Checker& c) {
  if (d.scope && *d.scope != PublicScope::social) {
    c.require("GKFW_YJ", !d.basis.empty(), "公开范围不是社会公开时须提供法律法规依据",
              "when the scope is not public: give the legal basis");
  }
}

}  // namespace

Issues validate(const Record& record, const ValidationContext& ctx) {
  Issues out;
  validation::Checker c(kind_of(record), ctx, out);
  validation::check_fields(record, c);
  std::visit(
      [&](const auto& r) {
        using R = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<R, License>) {
          validation::check_license(r, c);
        } else {
          validation::check_penalty(r, c);
        }
        check_disclosure(r.disclosure, c);
      },
      record);
  return out;
}

Issues validate(const DecodedRecord& decoded, const ValidationContext& ctx) {
  return merge_issues(decoded.issues, validate(decoded.record, ctx));
}

Issues validate_json_text(RecordKind kind, std::string_view json_text,
                          const ValidationContext& ctx) {
  boost::system::error_code ec;
  const boost::json::value json = boost::json::parse(json_text, ec);
  if (ec) {
    return {make_issue("", "", IssueCode::wrong_type, "JSON 格式错误：" + ec.message(),
                       "malformed JSON: " + ec.message())};
  }
  return validate(record_from_json(kind, json), ctx);
}

std::vector<AppliedOverride> applied_overrides(const Record& record,
                                               const CodeOverrides& overrides) {
  std::vector<AppliedOverride> out;
  const auto consider = [&](std::string field, const std::string& value) {
    if (value.empty() || check_uscc(value).ok()) return;
    if (const CodeOverride* o = overrides.find(value)) out.push_back({std::move(field), o});
  };
  std::visit(
      [&](const auto& r) {
        const bool lic = std::is_same_v<std::decay_t<decltype(r)>, License>;
        consider(lic ? "XK_XDR_SHXYM" : "CF_XDR_SHXYM", r.subject.codes.uscc);
        consider(lic ? "XK_XKJGDM" : "CF_CFJGDM", r.authority_uscc);
        consider(lic ? "XK_LYDWDM" : "CF_SJLYDM", r.source_unit_uscc);
      },
      record);
  return out;
}

}  // namespace gongshi
