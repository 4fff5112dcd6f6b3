// What a public answer carries of a record: the one list (FieldSpec::publicity) applied by
// public_fields(), and the scrubbing of ID and phone numbers out of free text.
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "engine/model/fields.hpp"
#include "engine/model/publication.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(publication)

BOOST_AUTO_TEST_CASE(natural_persons_are_masked_by_character) {
  BOOST_TEST(mask_name("李某某") == "李**");
  BOOST_TEST(mask_name("王五") == "王*");
  BOOST_TEST(mask_name("张") == "*");  // one character: nothing may show
  BOOST_TEST(mask_name("") == "");
  BOOST_TEST(mask_id_number("410505198506121232") == "41**************32");
  BOOST_TEST(mask_id_number("123") == "12*");
}

BOOST_AUTO_TEST_CASE(id_and_phone_numbers_in_text_are_masked_where_they_stand) {
  const std::pair<std::string, std::string> cases[] = {
      // ID numbers: 18 digits (X check character too) and the 15-digit first generation.
      {"当事人身份证号410505199001015674，已核实", "当事人身份证号41**************74，已核实"},
      {"证件 11010519491231002X。", "证件 11**************2X。"},
      {"证件 11010519491231002x", "证件 11**************2x"},
      {"旧证 410505900101567", "旧证 41***********67"},
      {"身份证 410505 19900101 5674", "身份证 41**** ******** **74"},
      // Mobile and fixed-line numbers, with and without +86 and separators.
      {"联系电话13812345678", "联系电话138****5678"},
      {"手机：+86 138-1234-5678", "手机：+86 138-****-5678"},
      {"8613812345678", "86138****5678"},
      {"电话 0372-1234567 转 8", "电话 0372-*****67 转 8"},
      {"(0372)12345678", "(0372)******78"},
      {"固话03721234567", "固话0372*****67"},
      {"电话：2345678", "电话：*****78"},
      // Full-width digits are digits.
      {"手机１３８１２３４５６７８", "手机１３８****５６７８"},
      // Not personal numbers: dates, amounts, document numbers, a company's USCC, short runs.
      {"2024年7月1日罚款20000元", "2024年7月1日罚款20000元"},
      {"统一社会信用代码91350100M000100Y43", "统一社会信用代码91350100M000100Y43"},
      {"依据第12条第3款", "依据第12条第3款"},
      {"编号 20240101 与 12345678901234567890", "编号 20240101 与 12345678901234567890"},
      {"400-123-4567", "400-123-4567"},
      {"", ""},
  };
  for (const auto& [in, want] : cases) BOOST_TEST(mask_personal_numbers(in) == want, in);
}

BOOST_AUTO_TEST_CASE(public_fields_follow_the_one_list) {
  const boost::json::object stored{{"CF_XDR_MC", "安阳市某某餐饮有限公司"},
                                   {"CF_XDR_LB", "法人及非法人组织"},
                                   {"CF_FRDB", "李四"},
                                   {"CF_FR_ZJLX", "身份证"},
                                   {"CF_FR_ZJHM", "410505199001015674"},
                                   {"CF_XDR_ZJHM", "410505199001015674"},
                                   {"CF_WSH", "安市监罚〔2024〕13812345678号"},
                                   {"CF_SY", "经查，负责人电话13812345678"},
                                   {"BZ", "身份证410505199001015674 电话 0372-1234567"},
                                   {"CF_NR_FK", "0.2"}};
  const auto pub = public_fields(RecordKind::penalty, stored, false);
  // The legal representative's certificate is shared with government systems, never public.
  BOOST_TEST(!pub.contains("CF_FR_ZJLX"));
  BOOST_TEST(!pub.contains("CF_FR_ZJHM"));
  BOOST_TEST(pub.at("CF_FRDB").as_string() == "李四");
  BOOST_TEST(pub.at("CF_XDR_MC").as_string() == "安阳市某某餐饮有限公司");
  BOOST_TEST(pub.at("CF_XDR_ZJHM").as_string() == "41**************74");
  BOOST_TEST(pub.at("CF_WSH").as_string() == "安市监罚〔2024〕13812345678号");  // its own number
  BOOST_TEST(pub.at("CF_SY").as_string() == "经查，负责人电话138****5678");
  BOOST_TEST(pub.at("BZ").as_string() == "身份证41**************74 电话 0372-*****67");
  BOOST_TEST(pub.at("CF_NR_FK").as_string() == "0.2");
  // Nothing the list does not name passes (a stored key from elsewhere).
  auto extra = stored;
  extra["secret"] = "x";
  BOOST_TEST(!public_fields(RecordKind::penalty, extra, false).contains("secret"));
  // A natural person: the name masked as well.
  auto person = stored;
  person["CF_XDR_LB"] = "自然人";
  person["CF_XDR_MC"] = "张三丰";
  BOOST_TEST(is_natural_person(RecordKind::penalty, person));
  BOOST_TEST(!is_natural_person(RecordKind::penalty, stored));
  BOOST_TEST(public_fields(RecordKind::penalty, person, true).at("CF_XDR_MC").as_string() ==
             "张**");
  // Every field is on the list with a decision; the shared ones are exactly the legal
  // representative's certificate.
  for (auto kind : {RecordKind::license, RecordKind::penalty}) {
    std::vector<std::string> shared;
    for (const auto& f : fields_of(kind)) {
      if (f.publicity == Publicity::shared_only) shared.emplace_back(f.code);
    }
    const bool license = kind == RecordKind::license;
    const std::vector<std::string> want = {license ? "XK_FR_ZJLX" : "CF_FR_ZJLX",
                                           license ? "XK_FR_ZJHM" : "CF_FR_ZJHM"};
    BOOST_TEST(shared == want, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_SUITE_END()
