#pragma once
// JSON Schema (draft 2020-12) of a record kind's `fields` object, written from the same field
// list the codecs and checks use, so the published schema cannot drift from the code. Conditional
// rules (R for 法人, empty for 自然人 …) stay in the validator; the schema names them in the
// descriptions.

#include <boost/json/object.hpp>

#include "engine/model/record.hpp"

namespace gongshi {

boost::json::object record_json_schema(RecordKind kind);

}  // namespace gongshi
