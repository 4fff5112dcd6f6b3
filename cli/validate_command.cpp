// gongshi validate --kind license|penalty FILE: every record of a file checked against the national
// standard (and, with --region, that region's rules), one JSON line out per record:
// {"line":N,"valid":bool,"issues":[…]}. FILE is JSON lines (one record per line keyed by the
// standard's field codes) or a spreadsheet (CSV in UTF-8 or GB18030, or XLSX) under the standard's
// Chinese column headers. Exit 0 when every record is valid, 1 when any is not, 2 when the file
// cannot be read.
#include <boost/json.hpp>
#include <fstream>
#include <iostream>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/record_checker.hpp"
#include "engine/exchange/table_reader.hpp"
#include "engine/model/header_codec.hpp"
#include "engine/model/json_codec.hpp"
#include "engine/validate/validate.hpp"

namespace gongshi::cli {
namespace {

constexpr std::size_t kMaxLine = 1u << 20;

struct ValidateOptions {
  CommonOptions common;
  std::string kind, file, region;
};

void print(int line, const Issues& issues) {
  std::cout << boost::json::serialize(boost::json::object{
                   {"line", line}, {"valid", issues.empty()}, {"issues", issues_json(issues)}})
            << "\n";
}

Issue line_issue(std::string zh, std::string en) {
  return Issue{"", IssueCode::wrong_type, std::move(zh), std::move(en), ""};
}

// The first byte that is not white space (after a UTF-8 BOM): '{' or '[' means JSON.
bool looks_like_json_lines(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  char c = 0;
  int skipped = 0;
  while (in.get(c)) {
    const auto u = static_cast<unsigned char>(c);
    if (skipped < 3 && (u == 0xEF || u == 0xBB || u == 0xBF)) {
      ++skipped;
      continue;
    }
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c == '{' || c == '[';
  }
  return false;
}

// A file that is one JSON document (a record pretty-printed over many lines, as the samples are,
// or an array of records): nullopt when it is not, e.g. JSON lines.
std::optional<boost::json::value> whole_document(const std::string& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || size > (64u << 20)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  boost::system::error_code jec;
  auto json = boost::json::parse(text, jec);
  if (jec || !(json.is_object() || json.is_array())) return std::nullopt;
  return json;
}

int run_document(const boost::json::value& doc, RecordKind kind, const Checker& checker) {
  bool all_valid = true;
  const auto one = [&](int n, const boost::json::value& v) -> std::optional<int> {
    Issues issues;
    if (!v.is_object()) {
      issues.push_back(line_issue("第 " + std::to_string(n) + " 项不是 JSON 对象",
                                  "item " + std::to_string(n) + " is not a JSON object"));
    } else {
      auto checked = checker.check(record_from_json(kind, v));
      if (!checked) return report(checked.error());
      issues = std::move(checked).value();
    }
    all_valid = all_valid && issues.empty();
    print(n, issues);
    return std::nullopt;
  };
  if (doc.is_object()) {
    if (auto failed = one(1, doc)) return *failed;
  } else {
    int n = 0;
    for (const auto& item : doc.get_array()) {
      if (auto failed = one(++n, item)) return *failed;
    }
  }
  return all_valid ? 0 : 1;
}

int run_json_lines(const ValidateOptions& o, RecordKind kind, const Checker& checker) {
  if (auto doc = whole_document(o.file)) return run_document(*doc, kind, checker);
  std::ifstream in(o.file, std::ios::binary);
  std::string text;
  int line = 0;
  bool all_valid = true;
  while (std::getline(in, text)) {
    ++line;
    if (line == 1 && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    Issues issues;
    if (text.size() > kMaxLine) {
      issues.push_back(line_issue("该行超过 1 MiB", "the line exceeds 1 MiB"));
    } else {
      boost::system::error_code ec;
      const auto json = boost::json::parse(text, ec);
      if (ec || !json.is_object()) {
        issues.push_back(line_issue("该行不是 JSON 对象", "the line is not a JSON object"));
      } else {
        auto checked = checker.check(record_from_json(kind, json));
        if (!checked) return report(checked.error());
        issues = std::move(checked).value();
      }
    }
    all_valid = all_valid && issues.empty();
    print(line, issues);
  }
  return all_valid ? 0 : 1;
}

int run_table(const ValidateOptions& o, RecordKind kind, const Checker& checker) {
  auto table = open_table(o.file);
  if (!table) {
    report(table.error());
    return 2;
  }
  std::vector<std::string> cells;
  auto first = (*table)->next(cells);
  if (!first || !*first) {
    std::cerr << "错误：" << o.file << " 没有表头行\nerror: " << o.file << " has no header row\n";
    return 2;
  }
  const HeaderMapping mapping = map_headers(kind, cells);
  int mapped = 0;
  for (const auto& f : mapping.columns.field_of_column) mapped += f ? 1 : 0;
  if (mapped == 0) {
    std::cerr << "错误：表头中没有" << label_zh(kind) << "的标准字段名\nerror: no column header "
              << "names a field of the standard\n";
    return 2;
  }
  bool all_valid = mapping.issues.empty();
  if (!mapping.issues.empty()) print((*table)->row_number(), mapping.issues);
  for (;;) {
    auto more = (*table)->next(cells);
    if (!more) {
      report(more.error());
      return 2;
    }
    if (!*more) break;
    bool blank = true;
    for (const auto& cell : cells) blank = blank && cell.empty();
    if (blank) continue;
    auto checked = checker.check(record_from_row(mapping.columns, cells));
    if (!checked) return report(checked.error());
    all_valid = all_valid && checked->empty();
    print((*table)->row_number(), *checked);
  }
  return all_valid ? 0 : 1;
}

int run(const ValidateOptions& o) {
  const auto kind = parse_record_kind(o.kind);
  if (!kind) {
    report(make_error(ErrorCode::invalid_input, "--kind 应为 license 或 penalty",
                      "--kind must be license or penalty"));
    return 2;
  }
  if (!std::ifstream(o.file, std::ios::binary)) {
    report(make_error(ErrorCode::not_found, "无法读取 " + o.file, "cannot read " + o.file));
    return 2;
  }
  auto checker = Checker::open(o.common, o.region);
  if (!checker) {
    report(checker.error());
    return 2;
  }
  return looks_like_json_lines(o.file) ? run_json_lines(o, *kind, *checker)
                                       : run_table(o, *kind, *checker);
}

}  // namespace

void add_validate_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ValidateOptions>();
  auto* cmd = app.add_subcommand(
      "validate", "按国家标准（及地区规则）逐条校验记录 / validate every record of a file");
  add_common_options(*cmd, o->common);
  cmd->add_option("--kind", o->kind, "license | penalty")->required();
  cmd->add_option("--region", o->region, "also this region's rules (GB/T 2260 code)");
  cmd->add_option("file", o->file, "JSON lines, or CSV/XLSX under the standard's Chinese headers")
      ->required();
  cmd->callback([o, &exit_code] { exit_code = run(*o); });
}

}  // namespace gongshi::cli
