// Hostile spreadsheets: each bound of TableLimits is met with a clear error or with cells that
// are never materialised, never with the memory the file asks for. The archives are written here
// with libzip, as an attacker would write them.
#define BOOST_TEST_MODULE table_bounds
#include <unistd.h>
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "engine/exchange/csv_writer.hpp"
#include "engine/exchange/table_reader.hpp"

using namespace gongshi;

namespace {

std::filesystem::path temp(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("gongshi-bounds-" + std::to_string(::getpid()) + "-" + name);
}

// An XLSX of just the members given (no workbook: the reader falls back to sheet1).
std::filesystem::path xlsx(const std::string& name,
                           const std::vector<std::pair<std::string, std::string>>& members) {
  const auto path = temp(name + ".xlsx");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z != nullptr);
  for (const auto& [member, text] : members) {
    zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
    BOOST_REQUIRE(src != nullptr);
    BOOST_REQUIRE(zip_file_add(z, member.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
  }
  BOOST_REQUIRE(zip_close(z) == 0);  // the texts are read here
  return path;
}

std::string sheet(const std::string& rows) {
  return R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

// Reads every row; the error of the first row that fails, or "" when all were read.
std::string read_all(const std::filesystem::path& file, std::size_t& rows, std::size_t& widest) {
  rows = widest = 0;
  auto reader = open_table(file);
  if (!reader) return reader.error().message_zh;
  std::vector<std::string> cells;
  while (true) {
    auto more = (*reader)->next(cells);
    if (!more) return more.error().message_zh;
    if (!*more) return "";
    ++rows;
    widest = std::max(widest, cells.size());
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(empty_cells_far_to_the_right_are_never_materialised) {
  // 20 000 rows of <c r="XFD…"/>: before, each row became 16 384 empty strings (gigabytes).
  std::string rows = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>CF_XDR_MC</t></is></c></row>)";
  for (int i = 2; i <= 20001; ++i) {
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"XFD" + std::to_string(i) + "\"/></row>";
  }
  const auto file = xlsx("xfd", {{"xl/worksheets/sheet1.xml", sheet(rows)}});
  std::size_t n = 0, widest = 0;
  BOOST_TEST(read_all(file, n, widest) == "");
  BOOST_TEST(n == 20001u);
  BOOST_TEST(widest == 1u);
  std::filesystem::remove(file);
}

BOOST_AUTO_TEST_CASE(a_value_past_the_columns_is_refused) {
  const auto file =
      xlsx("wide",
           {{"xl/worksheets/sheet1.xml", sheet(R"(<row r="1"><c r="XFD1"><v>1</v></c></row>)")}});
  std::size_t n = 0, widest = 0;
  BOOST_TEST(read_all(file, n, widest).find("超过 512 列") != std::string::npos);
  std::filesystem::remove(file);
}

BOOST_AUTO_TEST_CASE(an_oversized_cell_or_shared_string_is_refused) {
  const std::string big((2u << 20), 'x');
  const auto inline_cell = xlsx(
      "inline",
      {{"xl/worksheets/sheet1.xml",
        sheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + big + "</t></is></c></row>")}});
  std::size_t n = 0, widest = 0;
  BOOST_TEST(read_all(inline_cell, n, widest).find("1 MiB") != std::string::npos);
  const auto shared = xlsx(
      "shared",
      {{"xl/sharedStrings.xml", "<sst><si><t>" + big + "</t></si></sst>"},
       {"xl/worksheets/sheet1.xml", sheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)")}});
  BOOST_TEST(read_all(shared, n, widest).find("1 MiB") != std::string::npos);
  std::filesystem::remove(inline_cell);
  std::filesystem::remove(shared);
}

BOOST_AUTO_TEST_CASE(too_many_shared_strings_are_refused) {
  std::string sst = "<sst>";
  sst.reserve(TableLimits::shared_count * 12 + 20);
  for (std::size_t i = 0; i <= TableLimits::shared_count; ++i) sst += "<si><t/></si>";
  sst += "</sst>";
  const auto file =
      xlsx("count", {{"xl/sharedStrings.xml", sst}, {"xl/worksheets/sheet1.xml", sheet("")}});
  std::size_t n = 0, widest = 0;
  BOOST_TEST(read_all(file, n, widest).find("共享字符串超过") != std::string::npos);
  std::filesystem::remove(file);
}

BOOST_AUTO_TEST_CASE(a_compression_bomb_is_refused_before_it_is_inflated) {
  // 64 MiB of spaces inside a cell compress to a few dozen KiB.
  std::string rows = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>)";
  rows += std::string(64u << 20, ' ');
  const auto file = xlsx("bomb", {{"xl/worksheets/sheet1.xml", sheet(rows)}});
  BOOST_TEST(std::filesystem::file_size(file) < (1u << 20));
  std::size_t n = 0, widest = 0;
  BOOST_TEST(read_all(file, n, widest).find("压缩比") != std::string::npos);
  BOOST_TEST(n == 0u);
  std::filesystem::remove(file);
}

BOOST_AUTO_TEST_CASE(a_csv_row_of_endless_commas_is_bounded) {
  const auto empty = temp("commas.csv");
  std::ofstream(empty) << "名称\n" << std::string(2'000'000, ',') << "\n";
  std::size_t n = 0, widest = 0;
  BOOST_TEST(read_all(empty, n, widest) == "");
  BOOST_TEST(widest == TableLimits::columns);
  const auto valued = temp("valued.csv");
  std::ofstream(valued) << "名称\n" << std::string(1000, ',') << "x\n";
  BOOST_TEST(read_all(valued, n, widest).find("超过 512 列") != std::string::npos);
  std::filesystem::remove(empty);
  std::filesystem::remove(valued);
}

BOOST_AUTO_TEST_CASE(csv_cells_a_spreadsheet_would_run_are_defused) {
  BOOST_TEST(csv_cell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
  BOOST_TEST(csv_cell("+SUM(1,2)") == "\"'+SUM(1,2)\"");
  BOOST_TEST(csv_cell("@SUM(A1)") == "'@SUM(A1)");
  BOOST_TEST(csv_cell("-2+3") == "'-2+3");
  BOOST_TEST(csv_cell("\tx") == "'\tx");
  BOOST_TEST(csv_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  // Ordinary cells are unchanged.
  BOOST_TEST(csv_cell("殷市监罚〔2024〕15号") == "殷市监罚〔2024〕15号");
  BOOST_TEST(csv_cell("12.50%") == "12.50%");
  BOOST_TEST(csv_cell("a,b") == "\"a,b\"");
}
