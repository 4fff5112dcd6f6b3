// Bad input of every shape: decoding and validation report it and never throw. Deterministic
// (a fixed seed), so a failure reproduces.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <random>

#include "engine/model/fields.hpp"
#include "engine/model/header_codec.hpp"
#include "engine/model/json_codec.hpp"
#include "engine/validate/validate.hpp"

using namespace gongshi;
namespace json = boost::json;

namespace {

struct Generator {
  std::mt19937 rng{20241123};

  int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }

  std::string text() {
    static const std::vector<std::string> pieces{"",
                                                 " ",
                                                 "2024-07-03",
                                                 "2024/7/3",
                                                 "2024-02-30",
                                                 "9999-12-31",
                                                 "长期",
                                                 "0.2",
                                                 "-1",
                                                 "1e9",
                                                 "0.0000001",
                                                 "自然人",
                                                 "法人及非法人组织",
                                                 "个体工商户",
                                                 "身份证",
                                                 "其他",
                                                 "其他-",
                                                 "罚款;吊销许可证件",
                                                 "；",
                                                 ";;",
                                                 "00000000000000000X",
                                                 "91350100M000100Y43",
                                                 "11010519491231002X",
                                                 "\xff\xfe",
                                                 "\xe4\xb8",
                                                 "\x01\x02",
                                                 "\n",
                                                 "\u3000",
                                                 "%s%n",
                                                 "'; DROP TABLE records; --",
                                                 "\\u0000"};
    std::string out;
    for (int i = below(4); i >= 0; --i) out += pieces[below(static_cast<int>(pieces.size()))];
    if (below(20) == 0) out += std::string(static_cast<std::size_t>(below(9000)), 'x');
    return out;
  }

  json::value value(int depth = 0) {
    switch (below(depth > 3 ? 5 : 7)) {
      case 0:
        return nullptr;
      case 1:
        return below(2) == 0;
      case 2:
        return static_cast<std::int64_t>(below(2000000)) - 1000000;
      case 3:
        return std::uniform_real_distribution<double>(-1e12, 1e12)(rng);
      case 4:
        return json::string(text());
      case 5: {
        json::array a;
        for (int i = below(4); i > 0; --i) a.push_back(value(depth + 1));
        return a;
      }
      default: {
        json::object o;
        for (int i = below(4); i > 0; --i) o[text()] = value(depth + 1);
        return o;
      }
    }
  }

  // An object keyed mostly by real field codes, with values of any shape.
  json::value record(RecordKind kind) {
    if (below(10) == 0) return value();
    json::object o;
    const auto& fields = fields_of(kind);
    for (const auto& f : fields) {
      if (below(3) == 0) continue;
      o[f.code] = below(4) == 0 ? value() : json::value(json::string(text()));
    }
    if (below(4) == 0) o[text()] = value();
    return o;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input)

BOOST_AUTO_TEST_CASE(decode_and_validate_never_throw) {
  Generator g;
  const ValidationContext ctx{make_date(2024, 7, 31)};
  std::size_t with_issues = 0;
  for (int i = 0; i < 3000; ++i) {
    const RecordKind kind = i % 2 ? RecordKind::license : RecordKind::penalty;
    const json::value input = g.record(kind);
    Issues issues;
    BOOST_REQUIRE_NO_THROW(issues = validate(record_from_json(kind, input), ctx));
    with_issues += issues.empty() ? 0 : 1;
    for (const auto& issue : issues) {
      BOOST_REQUIRE(!issue.message_zh.empty());
      BOOST_REQUIRE(!issue.message_en.empty());
    }
    // Text from JSON round-trips through the decoded record without throwing either.
    BOOST_REQUIRE_NO_THROW((void)to_json(record_from_json(kind, input).record));
  }
  BOOST_TEST(with_issues > 2900u);  // random input is almost never a valid record
}

BOOST_AUTO_TEST_CASE(rows_of_any_width_never_throw) {
  Generator g;
  for (int i = 0; i < 500; ++i) {
    const RecordKind kind = i % 2 ? RecordKind::license : RecordKind::penalty;
    std::vector<std::string> headers, cells;
    for (int c = g.below(40); c > 0; --c) {
      headers.push_back(
          g.below(2) ? std::string(fields_of(kind)[static_cast<std::size_t>(g.below(
                                                       static_cast<int>(fields_of(kind).size())))]
                                       .name_zh)
                     : g.text());
    }
    for (int c = g.below(45); c > 0; --c) cells.push_back(g.text());
    BOOST_REQUIRE_NO_THROW({
      const auto mapping = map_headers(kind, headers);
      (void)validate(record_from_row(mapping.columns, cells),
                     ValidationContext{make_date(2024, 7, 31)});
    });
  }
}

BOOST_AUTO_TEST_CASE(malformed_json_text_is_one_issue) {
  const ValidationContext ctx{make_date(2024, 7, 31)};
  for (const char* text :
       {"", "{", "[", "{\"XK_WSH\":}", "nul", "{\"a\":1,}", "\xff", "{\"XK_WSH\": \"\\ud800\"}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]"
        "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"}) {
    Issues issues;
    BOOST_REQUIRE_NO_THROW(issues = validate_json_text(RecordKind::license, text, ctx));
    BOOST_TEST(!issues.empty(), text);
  }
}

BOOST_AUTO_TEST_SUITE_END()
