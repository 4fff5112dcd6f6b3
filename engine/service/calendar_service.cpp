#include "engine/service/calendar_service.hpp"

#include <boost/json.hpp>

#include "engine/rules/sha256.hpp"
#include "engine/service/deadline_recompute.hpp"
#include "engine/service/engine_internal.hpp"
#include "engine/store/record_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

Error bad_load(const std::string& zh, const std::string& en) {
  return make_error(ErrorCode::invalid_input, zh, en);
}

std::string source_name(const CalendarLoad& req) {
  return req.region == kNationalRegion ? std::to_string(req.year) + ".json"
                                       : req.region + "-" + std::to_string(req.year) + ".json";
}

boost::json::value date_json(const std::optional<Date>& d) {
  return d ? boost::json::value(format_date(*d)) : boost::json::value(nullptr);
}

}  // namespace

Result<LoadedCalendar> CalendarService::loaded_from(
    const std::vector<CalendarYearRow>& rows) const {
  LoadedCalendar out;
  for (const auto& row : rows) {
    boost::system::error_code ec;
    const auto json = boost::json::parse(row.body, ec);
    if (ec) {
      return make_error(ErrorCode::internal, "数据库中的节假日数据已损坏",
                        "stored holiday data does not parse");
    }
    const std::string source = row.region + "/" + std::to_string(row.year);
    if (row.region == kNationalRegion) {
      auto year = parse_holiday_year(json, source);
      if (!year) return year.error();
      out.national.push_back(std::move(year).value());
    } else {
      auto days = parse_region_year(json, row.region, row.year, source);
      if (!days) return days.error();
      auto& into = out.region_days[row.region];
      into.insert(into.end(), days->begin(), days->end());
    }
  }
  return out;
}

Result<CalendarLoadResult> CalendarService::load(const CalendarLoad& req, TimePoint now) {
  if (req.year < 2000 || req.year > 2100) {
    return bad_load("年份无效：" + std::to_string(req.year), "invalid year");
  }
  if (req.body.size() > kMaxBody) {
    return make_error(ErrorCode::too_large, "节假日文件超过 256 KiB",
                      "the holiday file exceeds 256 KiB");
  }
  if (calendars_.regions().find(req.region) == nullptr) {
    return make_error(ErrorCode::not_found, "未登记的地区代码：" + req.region,
                      "unknown region code: " + req.region);
  }
  boost::system::error_code ec;
  const auto json = boost::json::parse(req.body, ec);
  if (ec) return bad_load("节假日文件不是有效的 JSON", "the holiday file is not valid JSON");
  CalendarLoadResult result;
  result.region = req.region;
  result.year = req.year;
  CalendarYearRow row{req.region, req.year, 0,  req.body,      sha256_hex(req.body),
                      "",         "",       "", req.loaded_by, format_utc(now)};
  if (req.region == kNationalRegion) {
    auto year = parse_notice_year(json, req.year, source_name(req));
    if (!year) return year.error();
    const Notice& n = year->notices.front();
    row.title = n.title;
    row.number = n.number;
    row.published = n.published;
    result.working_days = working_days_of(*year);
  } else {
    auto days = parse_region_year(json, req.region, req.year, source_name(req));
    if (!days) return days.error();
    row.title = "地区节假日调整";
    if (const auto* o = json.if_object()) {
      if (const auto* t = o->if_contains("title"); t && t->is_string()) {
        row.title = std::string(t->get_string()).substr(0, 200);
      }
    }
  }
  result.title = row.title;
  result.number = row.number;
  // Whether the years in force with this one still build a calendar (no year missing between).
  auto stored = in_read_transaction<std::vector<CalendarYearRow>>(
      *db_, [](Tx& tx) { return calendar_years_in_force(tx); });
  if (!stored) return stored.error();
  std::vector<CalendarYearRow> candidate;
  for (const auto& r : *stored) {
    if (r.region != req.region || r.year != req.year) candidate.push_back(r);
  }
  candidate.push_back(row);
  auto loaded = loaded_from(candidate);
  if (!loaded) return loaded.error();
  if (auto st = calendars_.check(*loaded); !st) return st.error();

  auto version = in_transaction<int>(*db_, [&](Tx& tx) { return insert_calendar_year(tx, row); });
  if (!version) return version.error();
  result.version = *version;
  if (auto synced = sync(); !synced) return synced.error();
  auto recomputed =
      recompute_provisional(now, "载入" + std::to_string(req.year) + "年节假日安排" +
                                     (row.number.empty() ? "" : "（" + row.number + "）"));
  if (!recomputed) return recomputed.error();
  result.recompute = std::move(recomputed).value();
  return result;
}

Result<CalendarLoadResult> CalendarService::load(const Principal& who, CalendarLoad req,
                                                 TimePoint now, const AccessPolicy& access) {
  if (auto st = access.may_load_calendar(who, req.region); !st) return st.error();
  req.loaded_by = who.login;
  auto loaded = load(req, now);
  if (loaded) {
    (void)audit_.record("calendar.loaded", &who, loaded->region,
                        loaded->region + "/" + std::to_string(loaded->year),
                        {{"version", loaded->version}, {"title", loaded->title}});
  }
  return loaded;
}

Result<bool> CalendarService::sync() {
  std::lock_guard lock(mu_);
  auto fingerprint =
      in_read_transaction<std::string>(*db_, [](Tx& tx) { return calendar_fingerprint(tx); });
  if (!fingerprint) return fingerprint.error();
  if (*fingerprint == installed_) return false;
  auto rows = in_read_transaction<std::vector<CalendarYearRow>>(
      *db_, [](Tx& tx) { return calendar_years_in_force(tx); });
  if (!rows) return rows.error();
  auto loaded = loaded_from(*rows);
  if (!loaded) return loaded.error();
  if (auto st = calendars_.install(std::move(loaded).value()); !st) return st.error();
  installed_ = *fingerprint;
  return true;
}

Result<RecomputeReport> CalendarService::recompute_provisional(TimePoint now,
                                                               const std::string& reason,
                                                               int batch) {
  RecomputeReport report;
  const Date today = shanghai_date(now);
  const std::string now_text = format_utc(now);
  std::optional<std::int64_t> before;
  for (;;) {
    // A page that runs again (a database conflict) starts from the same place and counts afresh.
    const auto page_start = before;
    const RecomputeReport so_far = report;
    auto page = in_transaction<int>(*db_, [&](Tx& tx) -> Result<int> {
      before = page_start;
      report = so_far;
      RecordQuery q;
      q.calendar_provisional = true;
      q.before_id = before;
      q.limit = batch;
      auto rows = list_records(tx, q);
      if (!rows) return rows.error();
      for (const auto& r : *rows) {
        before = r.id;
        ++report.examined;
        bool pinned = true;
        auto rules = pinned_rules(rules_, tx, r.rule_version);
        std::string pin_note;
        if (!rules && is_transient(rules.error())) return rules.error();
        if (!rules) {
          pinned = false;
          pin_note = rules.error().message_zh;
          rules = rules_.rules_for(r.region);
        }
        auto calendar = rules_.calendar_for(r.region);
        auto events = events_of(tx, r.region, r.id);
        if (!events && is_transient(events.error())) return events.error();
        if (!rules || !calendar || !events) {
          ++report.failed;
          report.errors.push_back(r.region + "/" + std::to_string(r.id) + ": " +
                                  (!rules      ? rules.error().message_en
                                   : !calendar ? calendar.error().message_en
                                               : events.error().message_en));
          continue;
        }
        auto again = recompute_deadlines(**rules, **calendar, lifecycle_, r, *events, today);
        if (!again) {
          ++report.failed;
          report.errors.push_back(r.region + "/" + std::to_string(r.id) + ": " +
                                  again.error().message_en);
          continue;
        }
        StoredRecord n = again->record;
        if (n.calendar_provisional) ++report.still_provisional;
        if (again->changes.empty() && n.calendar_provisional == r.calendar_provisional &&
            n.timeliness == r.timeliness) {
          continue;
        }
        n.updated_at = now_text;
        auto updated = update_record(tx, n, r.version);
        if (!updated) return updated.error();
        if (!*updated) continue;  // another process got there first
        n.version = r.version + 1;
        boost::json::object changes;
        for (const auto& [name, move] : again->changes) {
          changes[name] = {{"old", date_json(move.first)}, {"new", date_json(move.second)}};
        }
        boost::json::object payload{
            {"reason", reason},
            {"changes", std::move(changes)},
            {"calendar_provisional",
             {{"old", r.calendar_provisional}, {"new", n.calendar_provisional}}},
            {"pinned_rule_version", pinned}};
        if (n.timeliness != r.timeliness) {
          payload["timeliness"] = {{"old", r.timeliness}, {"new", n.timeliness}};
        }
        if (!pinned) payload["pinned_rule_version_note"] = pin_note;
        if (auto st = append_event(
                tx, {r.region, r.id, 0, "recompute_deadlines", r.state, r.state, "system", "system",
                     now_text, service::json_text(payload), n.rule_version});
            !st) {
          return st.error();
        }
        const std::string topic = "record.deadlines_recomputed";
        if (auto st = append_outbox(
                tx, {r.region, r.id, topic, service::outbox_payload(n, topic), now_text});
            !st) {
          return st.error();
        }
        ++report.changed;
      }
      return static_cast<int>(rows->size());
    });
    if (!page) return page.error();
    if (*page < batch) return report;
  }
}

Result<CalendarStatus> CalendarService::status(Date today) {
  auto national = calendars_.national();
  if (!national) return national.error();
  CalendarStatus s;
  s.first_year = (*national)->first_year();
  s.last_year = (*national)->last_year();
  s.complete_through = (*national)->complete_through();
  s.days_ahead = (*national)->days_ahead(today);
  auto years = calendars_.national_years();
  if (!years) return years.error();
  auto rows = in_read_transaction<std::vector<CalendarYearRow>>(
      *db_, [](Tx& tx) { return calendar_years_in_force(tx); });
  if (!rows) return rows.error();
  for (const auto& y : *years) {
    CalendarYearInfo info{y.year, false, y.notices, working_days_of(y), "", "", 0};
    for (const auto& r : *rows) {
      if (r.region == kNationalRegion && r.year == y.year) {
        info.loaded = true;
        info.loaded_by = r.loaded_by;
        info.loaded_at = r.loaded_at;
        info.version = r.version;
      }
    }
    s.years.push_back(std::move(info));
  }
  auto counts =
      in_read_transaction<std::int64_t>(*db_, [](Tx& tx) { return count_provisional(tx); });
  if (!counts) return counts.error();
  s.provisional_records = *counts;
  auto loads = in_read_transaction<std::vector<CalendarYearRow>>(
      *db_, [](Tx& tx) { return calendar_loads(tx, ""); });
  if (!loads) return loads.error();
  s.loads = std::move(loads).value();
  return s;
}

}  // namespace gongshi
