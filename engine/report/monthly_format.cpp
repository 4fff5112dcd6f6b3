#include "engine/report/monthly_format.hpp"

#include <boost/json.hpp>

#include "engine/exchange/csv_writer.hpp"
#include "engine/exchange/xlsx_writer.hpp"

namespace gongshi {
namespace {

std::string title_of(const MonthlyReport& r, const char* what) {
  return std::to_string(r.period.year()) + "年" + what + "“双公示”工作情况统计表（" +
         r.period_label() + "）";
}

boost::json::object row_json(const MonthlyRow& r) {
  return {{"seq", r.seq},
          {"department_id", r.department_id ? boost::json::value(*r.department_id) : nullptr},
          {"name", r.name},
          {"late", r.late},
          {"missing", r.missing},
          {"qualified", r.qualified},
          {"licenses", r.licenses},
          {"penalties", r.penalties},
          {"total", r.total},
          {"late_rate", percent_text(r.rates.late)},
          {"missing_rate", percent_text(r.rates.missing)},
          {"qualified_rate", percent_text(r.rates.qualified)},
          {"upheld_objections", r.upheld_objections}};
}

}  // namespace

std::vector<std::string> department_headers() {
  return {"序号",     "部门",       "迟报数量",     "漏报数量",     "合格数量",    "行政许可",
          "行政处罚", "双公示合计", "双公示迟报率", "双公示漏报率", "双公示合格率"};
}

std::vector<std::string> department_cells(const MonthlyRow& r, bool total) {
  return {total ? "" : std::to_string(r.seq),
          r.name,
          std::to_string(r.late),
          std::to_string(r.missing),
          std::to_string(r.qualified),
          std::to_string(r.licenses),
          std::to_string(r.penalties),
          std::to_string(r.total),
          percent_text(r.rates.late),
          percent_text(r.rates.missing),
          percent_text(r.rates.qualified)};
}

std::vector<std::string> township_headers() {
  return {"序号", "乡镇", "报送数据量", "合格数据量", "数据合格率"};
}

std::vector<std::string> township_cells(const MonthlyRow& r, bool total) {
  return {total ? "" : std::to_string(r.seq), r.name, std::to_string(r.total),
          std::to_string(r.qualified), percent_text(r.rates.qualified)};
}

boost::json::object monthly_json(const MonthlyReport& r) {
  boost::json::array departments, townships, escalations;
  for (const auto& row : r.departments) departments.push_back(row_json(row));
  for (const auto& row : r.townships) townships.push_back(row_json(row));
  for (const auto& e : r.escalations) {
    boost::json::array zh, en;
    for (const auto& s : e.reasons_zh) zh.push_back(boost::json::value(s));
    for (const auto& s : e.reasons_en) en.push_back(boost::json::value(s));
    escalations.push_back({{"department_id", e.department_id},
                           {"name", e.name},
                           {"reasons_zh", std::move(zh)},
                           {"reasons_en", std::move(en)}});
  }
  boost::json::array summons;
  for (const auto& s : r.summons) {
    boost::json::array months;
    for (const auto& m : s.period) months.push_back(boost::json::value(m));
    summons.push_back({{"department_id", s.department_id},
                       {"name", s.name},
                       {"months", s.months},
                       {"escalated_months", std::move(months)}});
  }
  return {{"region", r.region},
          {"region_name", r.region_name},
          {"month", r.period.name},
          {"from", format_date(r.period.first)},
          {"to", format_date(r.period.last)},
          {"period", r.period_label()},
          {"summons_after", r.summons_after},
          {"summons", std::move(summons)},
          {"summary_zh", r.summary_zh()},
          {"departments", std::move(departments)},
          {"department_total", row_json(r.department_total)},
          {"townships", std::move(townships)},
          {"township_total", row_json(r.township_total)},
          {"backfills", r.backfills},
          {"late_threshold", percent_text(r.late_threshold)},
          {"escalations", std::move(escalations)}};
}

std::string monthly_csv(const MonthlyReport& r) {
  std::string out = kUtf8Bom;
  out += csv_line({"附件 1：" + title_of(r, "")});
  out += csv_line(department_headers());
  for (const auto& row : r.departments) out += csv_line(department_cells(row, false));
  out += csv_line(department_cells(r.department_total, true));
  out += "\r\n";
  out += csv_line({"附件 2：" + title_of(r, "乡镇")});
  out += csv_line(township_headers());
  for (const auto& row : r.townships) out += csv_line(township_cells(row, false));
  out += csv_line(township_cells(r.township_total, true));
  return out;
}

Status write_monthly_xlsx(const MonthlyReport& r, const std::filesystem::path& file) {
  auto w = XlsxWriter::create(file);
  if (!w) return w.error();
  auto& x = **w;
  if (auto st = x.add_sheet("部门", {}, {6, 28, 10, 10, 10, 10, 10, 12, 14, 14, 14}); !st)
    return st;
  if (auto st = x.write_row({title_of(r, "")}, true); !st) return st;
  if (auto st = x.write_row(department_headers(), true); !st) return st;
  for (const auto& row : r.departments) {
    if (auto st = x.write_row(department_cells(row, false)); !st) return st;
  }
  if (auto st = x.write_row(department_cells(r.department_total, true), true); !st) return st;
  if (auto st = x.add_sheet("乡镇", {}, {6, 20, 12, 12, 12}); !st) return st;
  if (auto st = x.write_row({title_of(r, "乡镇")}, true); !st) return st;
  if (auto st = x.write_row(township_headers(), true); !st) return st;
  for (const auto& row : r.townships) {
    if (auto st = x.write_row(township_cells(row, false)); !st) return st;
  }
  if (auto st = x.write_row(township_cells(r.township_total, true), true); !st) return st;
  if (auto st = x.add_sheet("需说明情况的单位", {"单位", "原因", "Reason"}, {28, 50, 50}); !st)
    return st;
  for (const auto& e : r.escalations) {
    std::string zh, en;
    for (const auto& s : e.reasons_zh) zh += (zh.empty() ? "" : "；") + s;
    for (const auto& s : e.reasons_en) en += (en.empty() ? "" : "; ") + s;
    if (auto st = x.write_row({e.name, zh, en}); !st) return st;
  }
  if (!r.summons.empty()) {
    if (auto st = x.add_sheet("约谈名单", {"单位", "连续需说明情况的月数", "月份"}, {28, 20, 40});
        !st) {
      return st;
    }
    for (const auto& s : r.summons) {
      std::string months;
      for (const auto& m : s.period) months += (months.empty() ? "" : "、") + m;
      if (auto st = x.write_row({s.name, std::to_string(s.months), months}); !st) return st;
    }
  }
  return x.close();
}

}  // namespace gongshi
