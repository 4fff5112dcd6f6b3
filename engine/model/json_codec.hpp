#pragma once
// Records to and from JSON objects keyed by the standard's field codes.

#include <boost/json/fwd.hpp>

#include "engine/model/decode.hpp"

namespace gongshi {

// Only non-empty fields are written. Enum fields are written as the standard's code where it has
// one (XK_ZT "1"), else the Chinese label; dates YYYY-MM-DD; amounts as decimal strings.
boost::json::object to_json(const Record& record);

// {"field", "code", "message_zh", "message_en"}: how an issue is written everywhere (API errors,
// command output).
boost::json::object issue_json(const Issue& issue);
boost::json::array issues_json(const Issues& issues);

// Keys are field codes. Values are strings; amounts may also be JSON numbers and XK_ZT an integer;
// null means not given. Unknown keys and wrong types are reported, never thrown.
DecodedRecord record_from_json(RecordKind kind, const boost::json::value& json);

}  // namespace gongshi
