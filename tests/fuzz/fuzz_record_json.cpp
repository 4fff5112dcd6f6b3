// The JSON record decoder: any bytes, parsed as the API parses a body, decoded as both kinds.
#include <boost/json.hpp>

#include "engine/model/json_codec.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  boost::json::parse_options opts;
  opts.max_depth = 32;
  boost::system::error_code ec;
  const auto json = boost::json::parse(gongshi::fuzz::text(data, size), ec, {}, opts);
  if (ec) return 0;
  for (auto kind : {gongshi::RecordKind::license, gongshi::RecordKind::penalty}) {
    auto decoded = gongshi::record_from_json(kind, json);
    (void)gongshi::encode_texts(decoded.record);
  }
  return 0;
}
