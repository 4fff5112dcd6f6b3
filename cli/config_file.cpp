#include "cli/config_file.hpp"

#include <algorithm>
#include <fstream>
#include <map>

namespace gongshi::cli {
namespace {

constexpr std::size_t kMaxFile = 1u << 20;

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

Error at_line(const ConfigFile& f, int line, const std::string& key, const std::string& zh,
              const std::string& en) {
  const std::string where = f.path.string() + ":" + std::to_string(line);
  const std::string k = key.empty() ? "" : key + "：";
  const std::string ke = key.empty() ? "" : key + ": ";
  return make_error(ErrorCode::invalid_input, "配置文件 " + where + "：" + k + zh,
                    "config " + where + ": " + ke + en);
}

// The line without its comment ('#' or ';' outside quotes).
std::string without_comment(const std::string& line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' || c == ';') {
      return line.substr(0, i);
    }
  }
  return line;
}

// One scalar: "…" (with \" \\ \n \t), '…' as written, or bare text.
Result<std::string> scalar(const std::string& text, const std::string& what_zh) {
  if (text.empty()) return std::string{};
  const char q = text.front();
  if (q != '"' && q != '\'') {
    if (text.find_first_of("\"'[]") != std::string::npos) {
      return bad_request(what_zh + "含引号或方括号，请用 \"…\" 括起来",
                         "a bare value may not hold quotes or brackets: quote it");
    }
    return text;
  }
  if (text.size() < 2 || text.back() != q) {
    return bad_request(what_zh + "的引号没有闭合", "the value's quote is not closed");
  }
  std::string out;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    char c = text[i];
    if (q == '"' && c == '\\' && i + 2 < text.size()) {
      c = text[++i];
      if (c == 'n') c = '\n';
      if (c == 't') c = '\t';
    } else if (c == q) {
      return bad_request(what_zh + "中间有未转义的引号", "an unescaped quote inside the value");
    }
    out += c;
  }
  return out;
}

// [a, "b", 'c']: the items, split at commas outside quotes.
Result<std::vector<std::string>> list_items(const std::string& text) {
  const std::string inner = trimmed(std::string_view(text).substr(1, text.size() - 2));
  std::vector<std::string> out;
  if (inner.empty()) return out;
  char quote = 0;
  std::string current;
  const auto flush = [&]() -> Status {
    auto v = scalar(trimmed(current), "列表项");
    if (!v) return v.error();
    out.push_back(std::move(v).value());
    current.clear();
    return ok_status();
  };
  for (std::size_t i = 0; i < inner.size(); ++i) {
    const char c = inner[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"' && i + 1 < inner.size()) {
        current += c;
        current += inner[++i];
        continue;
      }
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == ',') {
      if (auto st = flush(); !st) return st.error();
      continue;
    }
    current += c;
  }
  if (quote != 0) return bad_request("列表中的引号没有闭合", "a quote in the list is not closed");
  if (auto st = flush(); !st) return st.error();
  return out;
}

bool valid_key(const std::string& k) {
  if (k.empty() || !std::islower(static_cast<unsigned char>(k[0]))) return false;
  return std::all_of(k.begin(), k.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

std::string option_name(const std::string& key) {
  std::string name = "--" + key;
  std::replace(name.begin(), name.end(), '_', '-');
  return name;
}

}  // namespace

const std::vector<std::string>& config_keys_of_other_commands() {
  static const std::vector<std::string> keys = {"backup_keep"};
  return keys;
}

Result<ConfigFile> read_config(const std::filesystem::path& path) {
  ConfigFile f;
  f.path = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::not_found, "无法读取配置文件 " + path.string(),
                      "cannot read the config file " + path.string());
  }
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) > kMaxFile) {
    return make_error(ErrorCode::too_large, "配置文件 " + path.string() + " 超过 1 MiB",
                      "the config file " + path.string() + " is over 1 MiB");
  }
  std::string raw;
  int line_no = 0;
  std::map<std::string, int> seen;
  while (std::getline(in, raw)) {
    ++line_no;
    if (line_no == 1 && raw.starts_with("\xEF\xBB\xBF")) raw.erase(0, 3);  // a BOM (Notepad)
    const std::string line = trimmed(without_comment(raw));
    if (line.empty()) continue;
    if (line.front() == '[') {
      const bool ok =
          line.back() == ']' && line.size() > 2 && line.find_first_of("[]", 1) == line.size() - 1;
      if (!ok) return at_line(f, line_no, "", "节名应为 [名称]", "a section must be [name]");
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string::npos) {
      return at_line(f, line_no, "", "应为「键 = 值」", "expected 'key = value'");
    }
    ConfigEntry e;
    e.key = trimmed(std::string_view(line).substr(0, eq));
    e.line = line_no;
    if (!valid_key(e.key)) {
      return at_line(f, line_no, e.key, "键名只能由小写字母、数字、_ 和 - 组成",
                     "a key is lower-case letters, digits, '_' and '-'");
    }
    const std::string value = trimmed(std::string_view(line).substr(eq + 1));
    if (value.starts_with("[")) {
      if (!value.ends_with("]")) {
        return at_line(f, line_no, e.key, "列表应在同一行以 ] 结束",
                       "a list must end with ']' on the same line");
      }
      auto items = list_items(value);
      if (!items)
        return at_line(f, line_no, e.key, items.error().message_zh, items.error().message_en);
      e.values = std::move(items).value();
      e.list = true;
    } else {
      auto v = scalar(value, "值");
      if (!v) return at_line(f, line_no, e.key, v.error().message_zh, v.error().message_en);
      e.values = {std::move(v).value()};
    }
    if (const auto [it, fresh] = seen.emplace(e.key, line_no); !fresh) {
      return at_line(f, line_no, e.key, "重复（第 " + std::to_string(it->second) + " 行已设置）",
                     "set twice (already on line " + std::to_string(it->second) + ")");
    }
    f.entries.push_back(std::move(e));
  }
  return f;
}

Result<std::vector<std::string>> config_arguments(const ConfigFile& file, CLI::App& cmd,
                                                  CLI::App& serve,
                                                  const std::vector<std::string>& given) {
  const auto& others = config_keys_of_other_commands();
  std::vector<std::string> words;
  for (const auto& e : file.entries) {
    const std::string name = option_name(e.key);
    CLI::Option* opt = cmd.get_option_no_throw(name);
    const bool elsewhere = std::find(others.begin(), others.end(), e.key) != others.end() ||
                           (&cmd != &serve && serve.get_option_no_throw(name) != nullptr);
    if (opt == nullptr || name == "--config") {
      if (elsewhere && name != "--config") continue;
      return at_line(file, e.line, e.key, "未知的配置项（见随附 gongshi.conf 的说明）",
                     "unknown key (the shipped gongshi.conf lists every key)");
    }
    const bool on_command_line = std::any_of(given.begin(), given.end(), [&](const auto& w) {
      return w == name || w.starts_with(name + "=");
    });
    if (on_command_line) continue;       // the command line wins
    if (opt->get_expected_max() == 0) {  // a flag: takes no value
      if (e.list || (e.values[0] != "true" && e.values[0] != "false")) {
        return at_line(file, e.line, e.key, "应为 true 或 false", "must be true or false");
      }
      if (e.values[0] == "true") words.push_back(name);
      continue;
    }
    if (e.list && opt->get_expected_max() <= 1 && opt->get_items_expected_max() <= 1) {
      return at_line(file, e.line, e.key, "只能有一个值，不能是列表",
                     "takes one value, not a list");
    }
    for (const auto& v : e.values) {
      words.push_back(name);
      words.push_back(v);
    }
  }
  return words;
}

Error config_error(const ConfigFile& file, const CLI::Error& e) {
  const std::string what = e.what();
  for (const auto& entry : file.entries) {
    const std::string name = option_name(entry.key);
    const auto at = what.find(name);
    if (at == std::string::npos) continue;
    const auto after = at + name.size();
    if (after < what.size() &&
        (std::isalnum(static_cast<unsigned char>(what[after])) || what[after] == '-')) {
      continue;  // --upstream-retry inside --upstream-retry-max
    }
    return at_line(file, entry.line, entry.key, "值不被接受：" + what, "value refused: " + what);
  }
  return make_error(ErrorCode::invalid_input, what, what);
}

}  // namespace gongshi::cli
