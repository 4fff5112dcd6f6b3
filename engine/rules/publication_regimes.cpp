#include "engine/rules/publication_regimes.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "engine/rules/sha256.hpp"

namespace gongshi {
namespace {

Error bad(std::string_view source, const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::invalid_input, std::string(source) + "：" + zh,
                    std::string(source) + ": " + en);
}

std::string text_of(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::optional<int> months_of(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64() || v->get_int64() < 0 || v->get_int64() > 120) {
    return std::nullopt;
  }
  return static_cast<int>(v->get_int64());
}

}  // namespace

Result<PublicationRegimes> PublicationRegimes::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::not_found, "无法读取 " + file.string(),
                      "cannot read " + file.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  const auto json = boost::json::parse(text.str(), ec);
  if (ec) return bad(file.filename().string(), "不是有效的 JSON", "is not valid JSON");
  return parse(json, file.filename().string(), sha256_hex(text.str()).substr(0, 12));
}

Result<PublicationRegimes> PublicationRegimes::parse(const boost::json::value& json,
                                                     std::string_view source, std::string hash) {
  const auto* list = json.is_object() ? json.as_object().if_contains("regimes") : nullptr;
  if (list == nullptr || !list->is_array() || list->as_array().empty()) {
    return bad(source, "缺少 regimes 数组", "lacks a \"regimes\" array");
  }
  PublicationRegimes out;
  out.version_ = std::move(hash);
  for (const auto& item : list->as_array()) {
    const auto* o = item.if_object();
    if (o == nullptr) return bad(source, "regimes 的元素应为对象", "regimes must be objects");
    Regime r;
    r.id = text_of(*o, "id");
    r.basis = text_of(*o, "basis");
    const auto from = parse_date(text_of(*o, "from"));
    if (r.id.empty() || r.basis.empty() || !from) {
      return bad(source, "每个制度须有 id、basis 和 from（YYYY-MM-DD）",
                 "each regime needs id, basis and from (YYYY-MM-DD)");
    }
    r.from = *from;
    const auto* periods = o->if_contains("periods");
    if (periods == nullptr || !periods->is_array() || periods->as_array().empty()) {
      return bad(source, r.id + " 缺少 periods", r.id + " lacks periods");
    }
    for (const auto& p : periods->as_array()) {
      const auto* po = p.if_object();
      if (po == nullptr)
        return bad(source, r.id + " 的 periods 应为对象", "periods must be objects");
      PeriodRule rule;
      const std::string tier = text_of(*po, "tier");
      if (!tier.empty()) {
        rule.tier = enum_from_text<SeverityTier>(tier);
        if (!rule.tier) return bad(source, r.id + " 的 tier 无效：" + tier, "invalid tier " + tier);
      }
      rule.sector = text_of(*po, "sector");
      rule.source = text_of(*po, "source");
      const auto min = months_of(*po, "min_months"), max = months_of(*po, "max_months");
      if (!min || !max || *min > *max || rule.source.empty()) {
        return bad(source, r.id + " 的期限须有 0–120 的 min_months ≤ max_months 和 source",
                   r.id + ": each period needs min_months <= max_months (0-120) and a source");
      }
      rule.min_months = *min;
      rule.max_months = *max;
      r.rules.push_back(std::move(rule));
    }
    out.regimes_.push_back(std::move(r));
  }
  std::sort(out.regimes_.begin(), out.regimes_.end(),
            [](const Regime& a, const Regime& b) { return a.from < b.from; });
  return out;
}

const Regime* PublicationRegimes::regime_for(Date decision) const {
  const Regime* found = regimes_.empty() ? nullptr : &regimes_.front();  // the oldest covers before
  for (const auto& r : regimes_) {
    if (r.from <= decision) found = &r;
  }
  return found;
}

Result<PublicationPeriod> PublicationRegimes::period_for(Date decision,
                                                         const Classification& c) const {
  const Regime* regime = regime_for(decision);
  if (regime == nullptr) {
    return make_error(ErrorCode::internal, "没有公示期制度", "no publication regime is loaded");
  }
  const auto find = [&](auto match) -> const PeriodRule* {
    for (const auto& rule : regime->rules) {
      if (match(rule)) return &rule;
    }
    return nullptr;
  };
  const PeriodRule* rule = nullptr;
  if (!c.sector.empty()) {
    rule = find([&](const PeriodRule& p) { return p.sector == c.sector; });
  }
  if (rule == nullptr && c.tier) {
    rule = find([&](const PeriodRule& p) { return p.sector.empty() && p.tier == c.tier; });
  }
  if (rule == nullptr) {
    rule = find(
        [](const PeriodRule& p) { return p.sector.empty() && p.tier == SeverityTier::general; });
  }
  if (rule == nullptr) {
    rule = find([](const PeriodRule& p) { return p.sector.empty() && !p.tier; });
  }
  if (rule == nullptr) {
    return make_error(ErrorCode::internal, "公示期制度 " + regime->id + " 没有适用的期限",
                      "regime " + regime->id + " has no period for this penalty");
  }
  PublicationPeriod p;
  p.regime = regime->id;
  p.regime_basis = regime->basis;
  p.rule_basis = rule->source;
  if (rule->tier) p.tier = std::string(enum_label(*rule->tier));
  p.sector = rule->sector;
  p.min_months = rule->min_months;
  p.max_months = rule->max_months;
  p.earliest_end = add_months(decision, rule->min_months);
  p.latest_end = add_months(decision, rule->max_months);
  return p;
}

}  // namespace gongshi
