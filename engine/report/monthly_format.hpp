#pragma once
// The monthly report as JSON, CSV and XLSX. The CSV and XLSX mirror seed 003's two tables
// (附件 1 部门, 附件 2 乡镇) with its Chinese headers; the XLSX adds the escalation list.

#include <boost/json/object.hpp>
#include <filesystem>
#include <string>

#include "engine/report/monthly.hpp"

namespace gongshi {

boost::json::object monthly_json(const MonthlyReport& r);
std::string monthly_csv(const MonthlyReport& r);  // UTF-8 with BOM
Status write_monthly_xlsx(const MonthlyReport& r, const std::filesystem::path& file);

// The tables' header rows and cells, shared by the CSV and XLSX writers.
std::vector<std::string> department_headers();
std::vector<std::string> department_cells(const MonthlyRow& row, bool total);
std::vector<std::string> township_headers();
std::vector<std::string> township_cells(const MonthlyRow& row, bool total);

}  // namespace gongshi
