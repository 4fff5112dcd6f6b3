#include "engine/service/password_policy.hpp"

#include <algorithm>
#include <array>

#include "engine/model/text.hpp"

namespace gongshi {
namespace {

// The most common passwords of Chinese and English leak lists (lower case), at least 8
// characters long: anything shorter is refused by length already.
constexpr std::array kCommon = {
    "password",      "password1",      "password123", "p@ssw0rd",    "passw0rd",   "12345678",
    "123456789",     "1234567890",     "0123456789",  "987654321",   "87654321",   "11111111",
    "00000000",      "88888888",       "66666666",    "12341234",    "11223344",   "12344321",
    "1qaz2wsx",      "1q2w3e4r",       "1q2w3e4r5t",  "qwertyui",    "qwertyuiop", "qwerty123",
    "asdfghjk",      "asdfghjkl",      "zxcvbnm1",    "zxcvbnm123",  "abcd1234",   "abc12345",
    "abc123456",     "a1234567",       "a12345678",   "a123456789",  "aa123456",   "aa12345678",
    "qq123456",      "qq12345678",     "woaini1314",  "woaini520",   "iloveyou",   "iloveyou1",
    "5201314a",      "52013145201314", "1314520520",  "admin123",    "admin1234",  "admin12345",
    "administrator", "root1234",       "welcome1",    "welcome123",  "letmein1",   "sunshine",
    "princess",      "football",       "baseball",    "superman",    "trustno1",   "dragon12",
    "monkey12",      "master12",       "gongshi123",  "gongshi2024", "xinyong123", "changeme",
    "default1",      "test1234",       "test12345",   "user1234",    "guest123",   "zaq12wsx",
    "!qaz2wsx",      "1qaz!qaz",       "q1w2e3r4",    "a1b2c3d4",    "147258369",  "123qweasd",
    "qweasdzxc",     "qweasd123",      "asd123456",   "zxc123456",   "aaaaaaaa",   "abcdefgh",
    "abcdefg1",      "12qwaszx",       "woaini123",   "nihao123",    "5201314520"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_common(std::string_view password) {
  std::string p = lower(password);
  // "password12", "qwertyui1": a common one with digits put after it is no better.
  for (int i = 0; i < 2 && !p.empty() && std::isdigit(static_cast<unsigned char>(p.back())); ++i) {
    if (std::find(kCommon.begin(), kCommon.end(), p) != kCommon.end()) return true;
    p.pop_back();
  }
  return std::find(kCommon.begin(), kCommon.end(), p) != kCommon.end();
}

int classes_of(std::string_view password) {
  bool lower_case = false, upper_case = false, digit = false, other = false;
  for (const char ch : password) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') {
      lower_case = true;
    } else if (c >= 'A' && c <= 'Z') {
      upper_case = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      other = true;
    }
  }
  return int(lower_case) + int(upper_case) + int(digit) + int(other);
}

Error weak(const std::string& zh, const std::string& en) {
  Error e = bad_request("密码不符合要求：" + zh, "the password is refused: " + en);
  e.issues.push_back(Issue{"password", IssueCode::wrong_type, "密码不符合要求：" + zh,
                           "the password is refused: " + en, ""});
  return e;
}

}  // namespace

Status check_password(std::string_view password, const PasswordPolicy& policy,
                      std::string_view login) {
  const TextScan scan = scan_text(password, ControlPolicy::none_allowed);
  if (!scan.utf8 || scan.control) {
    return weak("不能含控制字符或无效字符", "no control characters or invalid UTF-8");
  }
  const std::string min = std::to_string(policy.min_length);
  if (scan.chars < policy.min_length) {
    return weak("至少 " + min + " 个字符", "it needs at least " + min + " characters");
  }
  if (scan.chars > policy.max_length) {
    const std::string max = std::to_string(policy.max_length);
    return weak("最多 " + max + " 个字符", "at most " + max + " characters");
  }
  if (trim(password).empty()) return weak("不能全是空格", "it must not be only white space");
  const int classes = classes_of(password);
  if (classes < policy.min_classes) {
    const std::string n = std::to_string(policy.min_classes);
    return weak("须包含小写字母、大写字母、数字、其他符号中的至少 " + n + " 类",
                "it must mix at least " + n +
                    " of: lower-case letters, upper-case letters, digits, other characters");
  }
  if (is_common(password)) {
    return weak("这是最常见的密码之一，容易被猜中", "it is one of the most common passwords");
  }
  if (!login.empty() && lower(password).find(lower(login)) != std::string::npos) {
    return weak("不能包含登录名", "it must not contain the login name");
  }
  return ok_status();
}

}  // namespace gongshi
