#pragma once
// Records and events as the API shows them, and the public (masked) view a credit website shows.

#include <boost/json/object.hpp>

#include "engine/store/stored_record.hpp"

namespace gongshi::server {

// null for an empty text or a missing date, as the JSON answers show "not set".
boost::json::value text_or_null(const std::string& s);
boost::json::value date_or_null(const std::optional<Date>& d);

boost::json::object record_json(const StoredRecord& r);
boost::json::object event_json(const EventRow& e);

// Only what a credit website shows: the standard's 公示 fields as public_fields() gives them
// (engine/model/publication.hpp), and the publication dates; of the workflow only the state's
// label (异议处理中 while an objection is handled).
boost::json::object public_record_json(const StoredRecord& r, const std::string& state_label);

}  // namespace gongshi::server
