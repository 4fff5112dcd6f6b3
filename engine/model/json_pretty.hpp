#pragma once
// JSON as people read it: two-space indents, one member per line, keys in their given order.

#include <boost/json/fwd.hpp>
#include <string>

namespace gongshi {

std::string pretty_json(const boost::json::value& v);

}  // namespace gongshi
