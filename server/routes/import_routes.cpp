// /api/v1/imports: upload a CSV or XLSX file of records (the body is the file; it is streamed to
// disk), follow the job, download the refused rows as XLSX. /api/v1/templates/{kind}.xlsx: the
// empty template with the standard's headers.
#include <boost/json.hpp>

#include "engine/exchange/work_files.hpp"
#include "engine/exchange/xlsx_writer.hpp"
#include "engine/model/fields.hpp"
#include "engine/model/header_codec.hpp"
#include "server/routes/route_support.hpp"
#include "server/routes/routes.hpp"

namespace gongshi::server {
namespace {

boost::json::object job_json(const ImportJob& j) {
  return {{"id", j.id},
          {"region", j.region},
          {"department_id", j.department_id ? boost::json::value(*j.department_id) : nullptr},
          {"user", j.user_login},
          {"kind", j.kind},
          {"file_name", j.file_name},
          {"status", j.status},
          {"rows_total", j.rows_total},
          {"rows_done", j.rows_done},
          {"rows_ok", j.rows_ok},
          {"rows_failed", j.rows_failed},
          {"message", j.message},
          {"created_at", j.created_at},
          {"finished_at",
           j.finished_at.empty() ? boost::json::value(nullptr) : boost::json::value(j.finished_at)},
          {"errors_xlsx", "/api/v1/imports/" + std::to_string(j.id) + "/errors.xlsx"}};
}

HttpResponse upload(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    const auto& req = c.request;
    auto kind = kind_param(req.param("kind").value_or(""));
    if (!kind) return kind.error();
    if (req.body_file.empty() || std::filesystem::file_size(req.body_file) == 0) {
      return bad_request("请上传 CSV 或 XLSX 文件（请求体即文件内容）",
                         "upload a CSV or XLSX file as the request body");
    }
    ImportInput in;
    auto dept = int_param(req, "department_id");
    if (!dept) return dept.error();
    in.department_id = *dept;
    in.kind = *kind;
    in.file = req.body_file;
    in.file_name = req.param("filename").value_or("upload");
    in.backfill = req.param("backfill").value_or("") == "true";
    auto job = app.s().imports.submit(*c.who, std::move(in), app.now());
    if (!job) return job.error();
    auto res = json_response(job_json(*job), 202);
    res.headers.emplace_back("Location", "/api/v1/imports/" + std::to_string(job->id));
    return res;
  });
}

HttpResponse progress(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto id = id_param(c, "id");
    if (!id) return id.error();
    auto job = app.s().imports.job(*c.who, *id);
    if (!job) return job.error();
    return json_response(job_json(*job));
  });
}

Result<std::pair<ImportJob, std::vector<ImportRowError>>> errors_of(AppContext& app,
                                                                    const RouteContext& c) {
  auto id = id_param(c, "id");
  if (!id) return id.error();
  return app.s().imports.errors(*c.who, *id);
}

std::string field_name(const std::string& kind, const std::string& code) {
  auto k = parse_record_kind(kind);
  if (!k) return "";
  for (const auto& f : fields_of(*k)) {
    if (f.code == code) return std::string(f.name_zh);
  }
  return "";
}

HttpResponse errors_json(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto found = errors_of(app, c);
    if (!found) return found.error();
    const auto& [job_row, errors] = *found;
    const ImportJob* job = &job_row;
    boost::json::array items;
    for (const auto& e : errors) {
      items.push_back({{"row", e.row_no},
                       {"field", e.field},
                       {"field_name", field_name(job->kind, e.field)},
                       {"message_zh", e.message_zh},
                       {"message_en", e.message_en}});
    }
    return json_response({{"job", job_json(*job)}, {"items", std::move(items)}});
  });
}

HttpResponse errors_xlsx(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto found = errors_of(app, c);
    if (!found) return found.error();
    const auto& [job_row, errors] = *found;
    const ImportJob* job = &job_row;
    SheetData sheet{
        "错误明细", {"行号", "字段代码", "字段名称", "问题", "Problem"}, {}, {8, 16, 24, 60, 60}};
    for (const auto& e : errors) {
      sheet.rows.push_back({e.row_no > 0 ? std::to_string(e.row_no) : "", e.field,
                            field_name(job->kind, e.field), e.message_zh, e.message_en});
    }
    auto bytes = xlsx_bytes({sheet}, app.s().work_dir());
    if (!bytes) return bytes.error();
    return file_response(std::move(bytes).value(), kXlsxContentType,
                         "导入错误-" + std::to_string(job->id) + ".xlsx");
  });
}

HttpResponse template_xlsx(AppContext& app, RouteContext& c) {
  return answer([&]() -> Result<HttpResponse> {
    auto kind = kind_param(c.param("kind"));
    if (!kind) return kind.error();
    const auto headers = template_headers(*kind);
    SheetData data{
        std::string(label_zh(*kind)), headers, {}, std::vector<double>(headers.size(), 20)};
    SheetData notes{"填写说明", {"字段代码", "列名", "必填", "最大长度"}, {}, {18, 36, 10, 10}};
    for (const auto& f : fields_of(*kind)) {
      const char* presence = f.presence == Presence::required      ? "必填"
                             : f.presence == Presence::conditional ? "条件必填"
                                                                   : "选填";
      notes.rows.push_back({std::string(f.code), std::string(f.name_zh), presence,
                            f.max_len > 0 ? std::to_string(f.max_len) : ""});
    }
    auto bytes = xlsx_bytes({data, notes}, app.s().work_dir());
    if (!bytes) return bytes.error();
    return file_response(std::move(bytes).value(), kXlsxContentType,
                         std::string(label_zh(*kind)) + "模板.xlsx");
  });
}

}  // namespace

void add_import_routes(Router& r, AppContext& app) {
  r.add("POST", "/api/v1/imports", Access::user, with_app(app, upload));
  r.add("GET", "/api/v1/imports/{id}", Access::user, with_app(app, progress));
  r.add("GET", "/api/v1/imports/{id}/errors", Access::user, with_app(app, errors_json));
  r.add("GET", "/api/v1/imports/{id}/errors.xlsx", Access::user, with_app(app, errors_xlsx));
  r.add("GET", "/api/v1/templates/{kind}.xlsx", Access::open, with_app(app, template_xlsx));
}

}  // namespace gongshi::server
