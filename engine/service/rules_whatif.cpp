#include "engine/service/rules_whatif.hpp"

#include <boost/json.hpp>

#include "engine/report/monthly_format.hpp"
#include "engine/report/monthly_query.hpp"
#include "engine/service/deadline_recompute.hpp"
#include "engine/service/engine_internal.hpp"
#include "engine/store/directory_repo.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

std::string date_text(const std::optional<Date>& d) {
  return d ? format_date(*d) : "";
}

std::string flags_text(std::vector<std::string> flags) {
  std::sort(flags.begin(), flags.end());
  std::string out;
  for (const auto& f : flags) out += (out.empty() ? "" : ",") + f;
  return out;
}

Date received_day(const StoredRecord& r) {
  const auto t = parse_utc(r.received_at);
  return t ? shanghai_date(*t) : r.decision_date;
}

void compare(std::vector<ChangedValue>& out, const char* what, const std::string& a,
             const std::string& b) {
  if (a != b) out.push_back({what, a, b});
}

// Stored deadlines against an evaluation's.
void compare_deadlines(std::vector<ChangedValue>& out, const StoredRecord& r, const Deadlines& d) {
  compare(out, "publish_by", date_text(r.publish_by), date_text(d.publish_by));
  compare(out, "late_after", date_text(r.late_after), date_text(d.late_after));
  compare(out, "missing_after", date_text(r.missing_after), date_text(d.missing_after));
  compare(out, "publication_end", date_text(r.publication_end), date_text(d.publication_end));
  compare(out, "repair_from", date_text(r.repair_from), date_text(d.repair_from));
}

// Regions whose rule sets contain `region`'s script: itself and those below it.
std::vector<std::string> governed_regions(const RegionRegistry& regions,
                                          const std::string& region) {
  std::vector<std::string> out;
  for (const auto& r : regions.all()) {
    auto chain = regions.chain(r.code);
    if (chain && std::find(chain->begin(), chain->end(), region) != chain->end()) {
      out.push_back(r.code);
    }
  }
  return out;
}

// Counts as the report's query groups them: by department, kind and timeliness.
using CountKey = std::tuple<std::optional<std::int64_t>, std::string, std::string>;
std::vector<TimelinessCount> counts_of(const std::map<CountKey, std::int64_t>& m) {
  std::vector<TimelinessCount> out;
  for (const auto& [k, n] : m) out.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), n});
  return out;
}

}  // namespace

Result<WhatIfReport> rules_whatif(Database& db, const RuleRegistry& rules,
                                  const RegionRegistry& regions, const Lifecycle& lifecycle,
                                  const WhatIfRequest& req, TimePoint now) {
  const auto started = std::chrono::steady_clock::now();
  const Region* region = regions.find(req.region);
  if (region == nullptr) {
    return make_error(ErrorCode::not_found, "未登记的地区代码：" + req.region,
                      "unknown region code: " + req.region);
  }
  if (req.to < req.from || days_between(req.from, req.to) > 1100) {
    return make_error(ErrorCode::invalid_input, "期间应为 from ≤ to，且不超过三年",
                      "the period must have from <= to and at most three years");
  }
  WhatIfReport report;
  report.region = req.region;
  report.period = day_period(req.from, req.to);
  auto candidate = rules.compile(req.region, req.script);
  if (!candidate) return candidate.error();
  report.candidate_hash = (*candidate)->hash();
  if (auto tested = rules.test(req.region, req.script)) {
    report.test_cases = tested->tests.cases;
  } else {
    report.test_failures.push_back(tested.error().message_zh);
  }
  auto current_set = rules.rules_for(req.region);
  if (!current_set) return current_set.error();
  auto candidate_set = rules.rules_with(req.region, *candidate);
  if (!candidate_set) return candidate_set.error();
  report.current_version = (*current_set)->version();
  report.candidate_version = (*candidate_set)->version();
  report.regions = governed_regions(regions, req.region);

  // Each governed region's rule sets, built once.
  struct Sets {
    std::shared_ptr<const RuleSet> current, candidate;
    std::shared_ptr<const Calendar> calendar;
  };
  std::map<std::string, Sets> sets;
  for (const auto& code : report.regions) {
    auto cur = rules.rules_for(code);
    auto cand = rules.rules_with(code, *candidate);
    auto cal = rules.calendar_for(code);
    if (!cur || !cand || !cal) {
      return !cur ? cur.error() : !cand ? cand.error() : cal.error();
    }
    sets[code] = {*cur, *cand, *cal};
  }

  std::map<std::string, std::map<CountKey, std::int64_t>> before, after;  // by region
  const auto window = window_of(req.region, report.period, lifecycle);
  // Region by region, in the order received: each page a range scan of one index.
  std::size_t region_index = 0;
  ReceivedPage page_at{
      report.regions.empty() ? req.region : report.regions[0], window.from, window.to, "", 0, 500};
  while (region_index < report.regions.size()) {
    if (std::chrono::steady_clock::now() - started > req.time_limit ||
        report.records >= req.max_records) {
      report.complete = false;
      report.stopped_zh =
          "达到时间或条数上限，只比较了前 " + std::to_string(report.records) + " 条";
      report.stopped_en = "stopped at the time or record limit after " +
                          std::to_string(report.records) + " records";
      break;
    }
    page_at.region = report.regions[region_index];
    auto page = in_read_transaction<std::vector<StoredRecord>>(
        db, [&](Tx& tx) { return list_received(tx, page_at); });
    if (!page) return page.error();
    if (static_cast<int>(page->size()) < page_at.limit) {
      ++region_index;  // this region is done: the next starts from the beginning of the period
      page_at.after_received.clear();
      page_at.after_id = 0;
    } else {
      page_at.after_received = page->back().received_at;
      page_at.after_id = page->back().id;
    }
    for (const auto& r : *page) {
      ++report.records;
      const Sets& s = sets.at(r.region);
      auto fields = service::stored_fields(r);
      if (!fields) return fields.error();
      const Date day = received_day(r);
      CalendarUse use_a, use_b;
      auto cur = s.current->evaluate(*fields, RuleContext{r.region, s.calendar.get(), day, &use_a});
      auto cand =
          s.candidate->evaluate(*fields, RuleContext{r.region, s.calendar.get(), day, &use_b});
      if (!cand) {
        ++report.failed;
        continue;
      }
      std::vector<ChangedValue> changes;
      compare_deadlines(changes, r, cand->deadlines);
      compare(changes, "scope", r.scope, std::string(enum_label(cand->scope.scope)));
      if (cur) {
        compare(changes, "flags", flags_text(cur->scope.flags), flags_text(cand->scope.flags));
        compare(changes, "valid", cur->issues.empty() ? "valid" : "invalid",
                cand->issues.empty() ? "valid" : "invalid");
      }
      StoredRecord next = r;
      next.late_after = cand->deadlines.late_after;
      next.missing_after = cand->deadlines.missing_after;
      next.calendar_provisional = cand->calendar_provisional;
      const std::string timeliness = service::timeliness_on(day, next, *s.calendar);
      compare(changes, "timeliness", r.timeliness, timeliness);
      const StateInfo* st = lifecycle.state(r.state);
      if (!r.backfill && st != nullptr && st->counted) {  // what the 通报 counts
        ++before[r.region][{r.department_id, std::string(to_string(r.kind)), r.timeliness}];
        ++after[r.region][{r.department_id, std::string(to_string(r.kind)), timeliness}];
      }
      if (changes.empty()) continue;
      ++report.changed;
      for (const auto& c : changes) ++report.changed_by[c.what];
      if (r.timeliness != timeliness) ++report.timeliness_moves[r.timeliness + "→" + timeliness];
      if (report.samples.size() < req.samples) {
        report.samples.push_back({r.region, r.id, r.document_no, r.department_id, changes});
      }
    }
  }
  // Each region's 通报 of the period, as stored and as it would read.
  for (const auto& [code, counts] : before) {
    auto units = in_read_transaction<std::vector<ReportUnit>>(
        db, [&, code = code](Tx& tx) -> Result<std::vector<ReportUnit>> {
          auto departments = departments_of(tx, code);
          if (!departments) return departments.error();
          std::vector<ReportUnit> out;
          for (const auto& d : *departments) {
            if (d.kind != "county") out.push_back({d.id, d.name, d.kind});
          }
          return out;
        });
    if (!units) return units.error();
    const std::string name = regions.find(code) ? regions.find(code)->name : code;
    report.reports.push_back(
        {build_monthly(code, name, report.period, *units, counts_of(counts), {}, 0, 2000),
         build_monthly(code, name, report.period, *units, counts_of(after[code]), {}, 0, 2000)});
  }
  (void)now;
  return report;
}

Result<ReplayReport> replay_record(Database& db, const RuleRegistry& rules,
                                   const Lifecycle& lifecycle, const std::string& region,
                                   std::int64_t id) {
  return in_read_transaction<ReplayReport>(db, [&](Tx& tx) -> Result<ReplayReport> {
    auto found = get_record(tx, region, id);
    if (!found) return found.error();
    ReplayReport out;
    out.record = *found;
    const StoredRecord& r = out.record;
    out.pinned_version = r.rule_version;
    auto set = pinned_rules(rules, tx, r.rule_version);
    if (!set && is_transient(set.error())) return set.error();
    out.rebuilt = set.ok();
    if (!set) {
      out.rebuild_zh = set.error().message_zh;
      set = rules.rules_for(region);
      if (!set) return set.error();
    }
    out.used_version = (*set)->version();
    auto calendar = rules.calendar_for(region);
    if (!calendar) return calendar.error();
    auto events = events_of(tx, region, id);
    if (!events) return events.error();
    const Date day = received_day(r);
    auto again = recompute_deadlines(**set, **calendar, lifecycle, r, *events, day);
    if (!again) return again.error();
    const auto stored = deadline_dates(r), reproduced = deadline_dates(again->record);
    for (std::size_t i = 0; i < stored.size(); ++i) {
      if (stored[i].second != reproduced[i].second) {
        out.differences.push_back(
            {stored[i].first, date_text(stored[i].second), date_text(reproduced[i].second)});
      }
    }
    compare(out.differences, "calendar_provisional", r.calendar_provisional ? "true" : "false",
            again->record.calendar_provisional ? "true" : "false");
    compare(out.differences, "timeliness", r.timeliness, again->record.timeliness);
    auto fields = service::stored_fields(r);
    if (!fields) return fields.error();
    CalendarUse use;
    auto eval = (*set)->evaluate(*fields, RuleContext{region, calendar->get(), day, &use});
    if (!eval) return eval.error();
    compare(out.differences, "scope", r.scope, std::string(enum_label(eval->scope.scope)));
    return out;
  });
}

namespace {

boost::json::array changes_json(const std::vector<ChangedValue>& changes) {
  boost::json::array out;
  for (const auto& c : changes) {
    out.push_back({{"what", c.what}, {"old", c.old_value}, {"new", c.new_value}});
  }
  return out;
}

boost::json::object counts_json(const std::map<std::string, std::int64_t>& m) {
  boost::json::object out;
  for (const auto& [k, n] : m) out[k] = n;
  return out;
}

}  // namespace

boost::json::object whatif_json(const WhatIfReport& r) {
  boost::json::array samples, regions, failures;
  for (const auto& s : r.samples) {
    samples.push_back(
        {{"region", s.region},
         {"id", s.id},
         {"document_no", s.document_no},
         {"department_id", s.department_id ? boost::json::value(*s.department_id) : nullptr},
         {"changes", changes_json(s.changes)}});
  }
  for (const auto& code : r.regions) regions.push_back(boost::json::value(code));
  for (const auto& f : r.test_failures) failures.push_back(boost::json::value(f));
  boost::json::array reports;
  for (const auto& rr : r.reports) {
    reports.push_back({{"region", rr.before.region},
                       {"before", monthly_json(rr.before)},
                       {"after", monthly_json(rr.after)}});
  }
  boost::json::object out{{"region", r.region},
                          {"regions", std::move(regions)},
                          {"from", format_date(r.period.first)},
                          {"to", format_date(r.period.last)},
                          {"current_version", r.current_version},
                          {"candidate_version", r.candidate_version},
                          {"candidate_hash", r.candidate_hash},
                          {"tests", {{"cases", r.test_cases}, {"failures", std::move(failures)}}},
                          {"records", r.records},
                          {"changed", r.changed},
                          {"failed", r.failed},
                          {"changed_by", counts_json(r.changed_by)},
                          {"timeliness_moves", counts_json(r.timeliness_moves)},
                          {"samples", std::move(samples)},
                          {"reports", std::move(reports)},
                          {"complete", r.complete}};
  if (!r.complete) {
    out["stopped_zh"] = r.stopped_zh;
    out["stopped_en"] = r.stopped_en;
  }
  return out;
}

boost::json::object replay_json(const ReplayReport& r) {
  boost::json::object out{{"region", r.record.region},
                          {"id", r.record.id},
                          {"pinned_version", r.pinned_version},
                          {"rebuilt", r.rebuilt},
                          {"used_version", r.used_version},
                          {"reproduced", r.reproduced()},
                          {"differences", changes_json(r.differences)}};
  if (!r.rebuilt) out["rebuild_zh"] = r.rebuild_zh;
  return out;
}

}  // namespace gongshi
