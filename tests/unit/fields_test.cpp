#include <boost/test/unit_test.hpp>
#include <set>
#include <string>

#include "engine/model/fields.hpp"

using namespace gongshi;

BOOST_AUTO_TEST_SUITE(fields)

std::size_t standard_count(RecordKind k) {
  std::size_t n = 0;
  for (const auto& f : fields_of(k)) n += f.extension ? 0 : 1;
  return n;
}

BOOST_AUTO_TEST_CASE(every_field_of_the_standard) {
  BOOST_TEST(standard_count(RecordKind::license) == 28u);
  BOOST_TEST(standard_count(RecordKind::penalty) == 30u);
  for (auto k : {RecordKind::license, RecordKind::penalty}) {
    std::set<std::string_view> codes, names;
    for (const auto& f : fields_of(k)) {
      BOOST_TEST(codes.insert(f.code).second, f.code);
      BOOST_TEST(names.insert(f.name_zh).second, f.name_zh);
      const bool texty = f.type == FieldType::text || f.type == FieldType::code;
      BOOST_TEST((f.max_len > 0) == texty, f.code);
    }
  }
}

BOOST_AUTO_TEST_CASE(codes_names_and_presence_match_the_standard) {
  const auto* f = find_field(RecordKind::license, "XK_XDR_SHXYM");
  BOOST_REQUIRE(f != nullptr);
  BOOST_TEST(f->max_len == 18);
  BOOST_TEST((f->presence == Presence::conditional));
  BOOST_TEST(find_field(RecordKind::license, "XK_NR")->max_len == 4000);
  BOOST_TEST(find_field(RecordKind::penalty, "CF_SY")->max_len == 5000);
  BOOST_TEST(find_field(RecordKind::penalty, "CF_YJ")->max_len == 2048);
  BOOST_TEST(find_field(RecordKind::penalty, "CF_WSH")->max_len == 128);
  BOOST_TEST(find_field(RecordKind::penalty, "CF_NR_FK")->name_zh == "罚款金额（万元）");
  BOOST_TEST((find_field(RecordKind::penalty, "CF_GSJZQ")->presence == Presence::optional));
  BOOST_TEST((find_field(RecordKind::license, "XK_YXQZI")->type == FieldType::date_open));
  BOOST_TEST(find_field(RecordKind::license, "CF_WSH") == nullptr);
}

BOOST_AUTO_TEST_CASE(visiting_a_record_reaches_its_members) {
  License l;
  visit_fields(l, [](const FieldSpec& f, auto& m) {
    if constexpr (std::is_same_v<std::decay_t<decltype(m)>, std::string>) {
      if (f.code == "XK_WSH") m = "许准字〔2024〕1号";
    }
  });
  BOOST_TEST(l.document_no == "许准字〔2024〕1号");
  BOOST_TEST(document_no_of(Record{l}) == "许准字〔2024〕1号");
}

BOOST_AUTO_TEST_SUITE_END()
