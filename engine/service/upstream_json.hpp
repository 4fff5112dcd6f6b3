#pragma once
// Reporting upward as JSON (the routes, `gongshi upstream … --format json`) and as text (the
// command line's tables). A target's credential is never written: only whether it has one.

#include <boost/json/fwd.hpp>
#include <string>

#include "engine/service/upstream_service.hpp"

namespace gongshi {

boost::json::object upstream_target_json(const UpstreamTarget& t);
boost::json::object upstream_change_json(const UpstreamChange& c);
boost::json::object upstream_report_json(const UpstreamReport& r);
// The reconciliation as the 信用办 reads it: one line per department, then the gaps.
std::string upstream_report_text(const UpstreamReport& r);

}  // namespace gongshi
