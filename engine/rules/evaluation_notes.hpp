#pragma once
// What an evaluation decided beside the deadlines — severity tier and how it was derived, sector,
// regime and its bounds, whether a deadline is provisional — as JSON: stored with each record
// (rule_notes), shown by `gongshi rules eval` and the API.

#include <boost/json/object.hpp>

#include "engine/rules/rule_set.hpp"

namespace gongshi {

boost::json::object evaluation_notes(const Evaluation& e);

}  // namespace gongshi
