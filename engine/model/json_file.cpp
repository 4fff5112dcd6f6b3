#include "engine/model/json_file.hpp"

#include <boost/json/parse.hpp>
#include <fstream>
#include <sstream>

namespace gongshi {

Result<boost::json::value> read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::not_found, "无法读取文件 " + path.string(),
                      "cannot read " + path.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text.str(), ec);
  if (ec) {
    return make_error(ErrorCode::invalid_input,
                      "文件 " + path.string() + " 不是有效的 JSON：" + ec.message(),
                      path.string() + " is not valid JSON: " + ec.message());
  }
  return v;
}

}  // namespace gongshi
