#include "engine/rules/rule_tests.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "engine/model/json_codec.hpp"
#include "engine/model/json_file.hpp"

namespace gongshi {
namespace {

std::string as_text(const boost::json::value& v) {
  return v.is_string() ? std::string(v.get_string()) : boost::json::serialize(v);
}

std::string date_text(const std::optional<Date>& d) {
  return d ? format_date(*d) : "false";
}

std::vector<std::string> sorted_strings(const boost::json::value* v) {
  std::vector<std::string> out;
  if (v != nullptr && v->is_array()) {
    for (const auto& item : v->get_array()) out.push_back(as_text(item));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out = "[";
  for (const auto& s : v) out += (out.size() > 1 ? ", " : "") + s;
  return out + "]";
}

class CaseRunner {
 public:
  CaseRunner(const RuleSet& rules, const Calendar& cal, std::string name,
             std::vector<std::string>& failures)
      : rules_(rules), cal_(cal), name_(std::move(name)), failures_(failures) {}

  void fail(const std::string& what) { failures_.push_back(name_ + ": " + what); }

  void expect_equal(const std::string& key, const std::string& want, const std::string& got) {
    if (want != got) fail(key + " expected " + want + ", got " + got);
  }

  void run(const boost::json::object& c, const SampleRecords& samples) {
    const auto kind = parse_record_kind(c.contains("kind") ? as_text(c.at("kind")) : "");
    if (!kind) return fail("kind must be license or penalty");
    boost::json::object record = *kind == RecordKind::license ? samples.license : samples.penalty;
    if (const auto* fields = c.if_contains("record"); fields && fields->is_object()) {
      for (const auto& [k, v] : fields->get_object()) {
        if (v.is_bool() && !v.get_bool()) {
          record.erase(k);  // false removes a sample field
        } else {
          record[k] = v;
        }
      }
    }
    const DecodedRecord decoded = record_from_json(*kind, record);
    if (!decoded.issues.empty())
      return fail("record does not decode: " + decoded.issues[0].message_en);
    const Record& r = decoded.record;
    // As the engine evaluates: a deadline past the loaded years is provisional, not refused.
    CalendarUse use;
    RuleContext ctx{rules_.region(), &cal_, {}, &use};
    const auto today_text = c.contains("today") ? as_text(c.at("today")) : "";
    const auto today = today_text.empty() ? decision_date_of(r) : parse_date(today_text);
    if (!today) return fail("no valid today and no decision date");
    ctx.today = *today;

    const auto* expect = c.if_contains("expect");
    if (expect == nullptr || !expect->is_object()) return fail("no expect table");
    const auto& e = expect->get_object();
    auto eval = rules_.evaluate(r, ctx);
    if (const auto* want = e.if_contains("error")) {
      // The case expects the evaluation to be refused with a message naming `error`.
      if (eval) return fail("expected an error mentioning " + as_text(*want) + ", got a result");
      if (eval.error().message_en.find(as_text(*want)) == std::string::npos) {
        fail("error does not mention " + as_text(*want) + ": " + eval.error().message_en);
      }
      return;
    }
    if (!eval) return fail("evaluation failed: " + eval.error().message_en);
    const Deadlines& d = eval->deadlines;
    for (auto [key, value] :
         {std::pair{"publish_by", &d.publish_by}, std::pair{"late_after", &d.late_after},
          std::pair{"missing_after", &d.missing_after},
          std::pair{"publication_end", &d.publication_end},
          std::pair{"repair_from", &d.repair_from}}) {
      if (const auto* want = e.if_contains(key))
        expect_equal(key, as_text(*want), date_text(*value));
    }
    if (const auto* want = e.if_contains("provisional")) {
      expect_equal("provisional", as_text(*want), eval->calendar_provisional ? "true" : "false");
    }
    const auto& cls = eval->classification;
    if (const auto* want = e.if_contains("tier")) {
      expect_equal("tier", as_text(*want),
                   cls.tier ? std::string(enum_label(*cls.tier)) : std::string("none"));
    }
    if (const auto* want = e.if_contains("sector")) {
      expect_equal("sector", as_text(*want), cls.sector);
    }
    if (const auto* want = e.if_contains("regime")) {
      expect_equal("regime", as_text(*want), eval->period ? eval->period->regime : "none");
    }
    if (const auto* want = e.if_contains("scope")) {
      expect_equal("scope", as_text(*want), std::string(enum_label(eval->scope.scope)));
    }
    if (const auto* want = e.if_contains("mask")) {
      expect_equal("mask", as_text(*want), eval->scope.mask_personal ? "true" : "false");
    }
    if (const auto* want = e.if_contains("flags")) {
      auto got = eval->scope.flags;
      std::sort(got.begin(), got.end());
      expect_equal("flags", joined(sorted_strings(want)), joined(got));
    }
    if (const auto* want = e.if_contains("issues")) {
      std::vector<std::string> got;
      for (const auto& i : eval->issues) got.push_back(i.field + ":" + code_name(i));
      std::sort(got.begin(), got.end());
      expect_equal("issues", joined(sorted_strings(want)), joined(got));
    }
    if (const auto* want = e.if_contains("sla"); want && want->is_object()) {
      for (const auto& [event, days] : want->get_object()) {
        const auto got = rules_.sla(event, ctx);
        expect_equal("sla." + std::string(event), as_text(days),
                     got ? std::to_string(*got) : "none");
      }
    }
    if (const auto* want = e.if_contains("guards"); want && want->is_object()) {
      GuardInput in{c.contains("event") ? as_text(c.at("event")) : "",
                    c.contains("reason") ? as_text(c.at("reason")) : "", d};
      for (const auto& [guard, allowed] : want->get_object()) {
        const auto got = rules_.guard(guard, r, in, ctx);
        if (!got) {
          fail("guard " + std::string(guard) + " failed: " + got.error().message_en);
        } else {
          expect_equal("guards." + std::string(guard), as_text(allowed),
                       got->allowed ? "true" : "false");
        }
      }
    }
  }

 private:
  const RuleSet& rules_;
  const Calendar& cal_;
  std::string name_;
  std::vector<std::string>& failures_;
};

}  // namespace

Result<SampleRecords> SampleRecords::load(const std::filesystem::path& schemas_dir) {
  SampleRecords out;
  for (auto [file, target] :
       {std::pair{"license.json", &out.license}, std::pair{"penalty.json", &out.penalty}}) {
    auto json = read_json_file(schemas_dir / "samples" / file);
    if (!json) return json.error();
    if (!json->is_object()) {
      return make_error(ErrorCode::invalid_input, std::string(file) + " 应为 JSON 对象",
                        std::string(file) + " must be a JSON object");
    }
    *target = json->get_object();
  }
  return out;
}

RuleTestReport run_rule_tests(const RuleSet& rules, const boost::json::value& tests,
                              const Calendar& calendar, const SampleRecords& samples,
                              const RuleTestLimits& limits) {
  RuleTestReport report;
  report.rule_version = rules.version();
  if (tests.is_null()) return report;
  if (!tests.is_array()) {
    report.failures.push_back("tests must be a list of cases");
    return report;
  }
  const auto& cases = tests.get_array();
  if (cases.size() > static_cast<std::size_t>(limits.max_cases)) {
    report.cases = static_cast<int>(cases.size());
    report.failures.push_back("tests: " + std::to_string(cases.size()) + " cases, more than the " +
                              std::to_string(limits.max_cases) + " allowed (none was run)");
    return report;
  }
  const auto started = std::chrono::steady_clock::now();
  for (const auto& c : cases) {
    if (std::chrono::steady_clock::now() - started > limits.time_limit) {
      report.failures.push_back("tests stopped after " + std::to_string(report.cases) +
                                " cases: over the time limit of " +
                                std::to_string(limits.time_limit.count() / 1000) + " s");
      break;
    }
    ++report.cases;
    if (!c.is_object()) {
      report.failures.push_back("case " + std::to_string(report.cases) + " is not a table");
      continue;
    }
    const auto* name = c.get_object().if_contains("name");
    CaseRunner runner(rules, calendar,
                      name ? as_text(*name) : "case " + std::to_string(report.cases),
                      report.failures);
    runner.run(c.get_object(), samples);
  }
  return report;
}

}  // namespace gongshi
