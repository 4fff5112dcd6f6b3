// The validators: JSON text decoded and checked against the national standard as both kinds.
#include "engine/validate/check_digits.hpp"
#include "engine/validate/validate.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const gongshi::ValidationContext ctx{gongshi::make_date(2024, 7, 5), nullptr};
  for (auto kind : {gongshi::RecordKind::license, gongshi::RecordKind::penalty}) {
    (void)gongshi::validate_json_text(kind, gongshi::fuzz::text(data, size), ctx);
  }
  // The check digits on their own, on the raw text.
  const auto code = gongshi::fuzz::text(data, size < 64 ? size : 64);
  (void)gongshi::check_uscc(code);
  (void)gongshi::check_org_code(code);
  (void)gongshi::check_id_number(code, gongshi::make_date(2024, 7, 5));
  return 0;
}
