#include "server/upstream_receiver_app.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <iostream>

#include "engine/exchange/work_files.hpp"
#include "engine/model/text.hpp"
#include "engine/service/auth_service.hpp"
#include "server/responses.hpp"

namespace gongshi::server {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

HttpResponse UpstreamReceiverApp::handle(HttpRequest& req) {
  if (req.path == "/healthz") return json_response({{"status", "ok"}});
  if (!token_.empty()) {
    const auto header = req.header("authorization").value_or("");
    if (!starts_with(header, "Bearer ") || !same_token(header.substr(7), token_)) {
      HttpResponse res = error_response(
          make_error(ErrorCode::unauthenticated, "凭据缺失或不符", "missing or wrong credential"));
      res.headers.emplace_back("WWW-Authenticate", "Bearer");
      return res;
    }
  }
  if (req.path == "/upstream/v1/changes" && req.method == "POST") return take(req);
  if (req.path == "/upstream/v1/received" && req.method == "GET") return list(req);
  return error_response(not_found("没有这个地址：" + req.path, "no such route: " + req.path));
}

HttpResponse UpstreamReceiverApp::take(HttpRequest& req) {
  const std::string type = req.header("content-type").value_or("");
  const std::string sender = req.header("x-gongshi-sender").value_or("");
  Result<IncomingBatch> batch = make_error(ErrorCode::internal, "", "");
  std::string form = "json";
  if (starts_with(type, "application/json")) {
    batch = parse_upstream_json(req.body);
  } else {
    form = starts_with(type, "text/csv") ? "csv" : "xlsx";
    const auto kind = parse_record_kind(req.param("kind").value_or(""));
    if (!kind) {
      return error_response(bad_request("文件形式需要 ?kind=license 或 ?kind=penalty",
                                        "the file form needs ?kind=license or ?kind=penalty"));
    }
    const auto file = unique_path(work_dir_, "gongshi-received-", form == "csv" ? ".csv" : ".xlsx");
    {
      std::ofstream out(file, std::ios::binary);
      out.write(req.body.data(), static_cast<std::streamsize>(req.body.size()));
      if (!out) {
        return error_response(
            make_error(ErrorCode::io_error, "无法写入临时文件", "cannot write a work file"));
      }
    }
    batch = parse_upstream_file(*kind, file, sender);
    std::error_code ec;
    std::filesystem::remove(file, ec);
  }
  if (!batch) return error_response(batch.error());
  IncomingBatch taken = std::move(batch).value();
  if (taken.sender.empty()) taken.sender = sender;
  auto lines = receiver_.accept(taken, form);
  if (!lines) return error_response(lines.error());
  int accepted = 0, duplicate = 0, refused = 0;
  for (const auto& l : *lines) {
    (l.status == "accepted" ? accepted : l.status == "duplicate" ? duplicate : refused) += 1;
  }
  std::cerr << "received from " << utf8_prefix(taken.sender, 64) << " (" << form
            << "): " << accepted << " accepted, " << duplicate << " duplicate, " << refused
            << " refused\n";
  HttpResponse res;
  res.body = acknowledgements_json(*lines);
  return res;
}

HttpResponse UpstreamReceiverApp::list(const HttpRequest& req) {
  std::int64_t after = 0;
  int limit = 1000;
  try {
    after = std::stoll(req.param("after").value_or("0"));
    limit = std::stoi(req.param("limit").value_or("1000"));
  } catch (const std::exception&) {
    return error_response(bad_request("after、limit 应为整数", "after and limit must be integers"));
  }
  auto rows = receiver_.received(after, limit);
  if (!rows) return error_response(rows.error());
  boost::json::array items;
  for (const auto& r : *rows) {
    boost::system::error_code ec;
    auto record = boost::json::parse(r.payload, ec);
    items.push_back(boost::json::object{{"id", r.id},
                                        {"idempotency_key", r.idem_key},
                                        {"sender", r.sender},
                                        {"kind", r.kind},
                                        {"document_no", r.document_no},
                                        {"subject_code", r.subject_code},
                                        {"change", r.change_type},
                                        {"form", r.form},
                                        {"received_at", r.received_at},
                                        {"record", ec ? boost::json::value(nullptr) : record}});
  }
  return json_response({{"items", std::move(items)}});
}

}  // namespace gongshi::server
