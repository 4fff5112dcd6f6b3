#pragma once
// The national regimes of penalty publication periods as data (schemas/publication_periods.json):
// which regime is in force for a decision date, and the minimum and maximum period it allows for a
// severity tier or sector. A record follows the regime in force on its decision date, whenever it
// is entered. docs/rules.md lists the sources.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/rules/rule_module.hpp"

namespace gongshi {

struct PeriodRule {
  std::optional<SeverityTier> tier;  // none: any tier
  std::string sector;                // "": any sector
  int min_months = 0, max_months = 0;
  std::string source;  // article
};

struct Regime {
  std::string id;
  std::string basis;  // the document
  Date from{};        // in force for decisions on or after this day
  std::vector<PeriodRule> rules;
};

class PublicationRegimes {
 public:
  static Result<PublicationRegimes> load(const std::filesystem::path& file);
  static Result<PublicationRegimes> parse(const boost::json::value& json, std::string_view source,
                                          std::string hash);

  // The period of a penalty decided on `decision` with this classification. A sector rule wins
  // over a tier rule, a tier rule over the regime's general one; a tier the regime does not know
  // falls back to its 一般 rule (the derivation says so).
  Result<PublicationPeriod> period_for(Date decision, const Classification& c) const;
  const Regime* regime_for(Date decision) const;
  const std::vector<Regime>& regimes() const { return regimes_; }
  // The first 12 hex digits of the file's SHA-256: part of every rule version.
  const std::string& version() const { return version_; }

 private:
  std::vector<Regime> regimes_;  // by `from`, oldest first
  std::string version_;
};

}  // namespace gongshi
