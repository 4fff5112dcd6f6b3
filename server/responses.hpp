#pragma once
// The one error shape {code, message_zh, message_en, fields:[…]} and the one mapping from
// ErrorCode to HTTP status; JSON and file responses.

#include <boost/json/value.hpp>

#include "engine/model/error.hpp"
#include "engine/model/result.hpp"
#include "server/http_types.hpp"

namespace gongshi::server {

int http_status_of(ErrorCode code);
boost::json::object error_json(const Error& e);
HttpResponse error_response(const Error& e);
// By value: pass a finished object or array with std::move, or it is copied whole first.
HttpResponse json_response(boost::json::value body, int status = 200);
HttpResponse file_response(std::string body, std::string content_type, const std::string& filename);

// The body as a JSON object; a clear error for malformed JSON or another type.
Result<boost::json::object> json_body(const HttpRequest& req);
// The same, an empty body being an empty object (events and actions whose body is optional).
Result<boost::json::object> optional_json_body(const HttpRequest& req);

// Fields of a JSON object, with clear errors for wrong types (absent or null: not given).
// A string longer than `max_bytes` is refused.
Result<std::string> string_field(const boost::json::object& o, std::string_view key,
                                 bool required = true, std::size_t max_bytes = std::string::npos);
Result<std::optional<std::int64_t>> int_field(const boost::json::object& o, std::string_view key);
Result<std::vector<std::string>> string_list_field(const boost::json::object& o,
                                                   std::string_view key);

}  // namespace gongshi::server
