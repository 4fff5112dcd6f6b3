#pragma once
// Each file adds one group of routes to the table.

#include <optional>
#include <string>

#include "server/app_context.hpp"
#include "server/router.hpp"

namespace gongshi::server {

void add_auth_routes(Router& r, AppContext& app);
void add_record_routes(Router& r, AppContext& app);
void add_import_routes(Router& r, AppContext& app);
void add_directory_routes(Router& r, AppContext& app);
void add_rules_routes(Router& r, AppContext& app);
void add_webhook_routes(Router& r, AppContext& app);
void add_public_routes(Router& r, AppContext& app);
void add_ops_routes(Router& r, AppContext& app);
void add_report_routes(Router& r, AppContext& app);
void add_calendar_routes(Router& r, AppContext& app);
void add_application_routes(Router& r, AppContext& app);
void add_schema_routes(Router& r, AppContext& app);
void add_upstream_routes(Router& r, AppContext& app);
void add_audit_routes(Router& r, AppContext& app);

// The body limit of a public attachment upload (the attachment limit), nullopt elsewhere.
std::optional<std::size_t> attachment_body_limit(const AppContext& app, const std::string& method,
                                                 const std::string& path);

}  // namespace gongshi::server
