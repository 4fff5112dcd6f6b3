#include "engine/model/json_pretty.hpp"

#include <boost/json.hpp>

namespace gongshi {
namespace {

void write(std::string& out, const boost::json::value& v, int indent) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  const std::string inner(static_cast<std::size_t>(indent + 1) * 2, ' ');
  if (v.is_object() && !v.get_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [k, member] : v.get_object()) {
      if (!first) out += ",\n";
      first = false;
      out += inner + boost::json::serialize(boost::json::value(k)) + ": ";
      write(out, member, indent + 1);
    }
    out += "\n" + pad + "}";
  } else if (v.is_array() && !v.get_array().empty()) {
    out += "[";
    bool first = true;
    for (const auto& item : v.get_array()) {
      out += first ? "" : ", ";
      first = false;
      write(out, item, indent + 1);
    }
    out += "]";
  } else {
    out += boost::json::serialize(v);
  }
}

}  // namespace

std::string pretty_json(const boost::json::value& v) {
  std::string out;
  write(out, v, 0);
  return out + "\n";
}

}  // namespace gongshi
