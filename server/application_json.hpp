#pragma once
// Applications (异议, 信用修复) as JSON: the handler's full view, and the subject's own, which
// shows the steps with their dates and nothing about the handlers.

#include <boost/json/object.hpp>

#include "engine/lifecycle/lifecycle.hpp"
#include "engine/service/applications.hpp"

namespace gongshi::server {

boost::json::object application_json(const ApplicationView& v, const Lifecycle& lifecycle);
boost::json::object subject_application_json(const ApplicationView& v, const Lifecycle& lifecycle);
boost::json::object attachment_json(const AttachmentRow& a);

}  // namespace gongshi::server
