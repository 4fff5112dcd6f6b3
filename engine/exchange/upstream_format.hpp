#pragma once
// The upstream format: how gongshi reports record changes to the platform above, and how that
// platform answers. Both sides are here, since they are one contract (docs/upstream.md).
//
// JSON form (POST, application/json):
//   {"format": "gongshi-upstream/1", "sender": "<region>",
//    "changes": [{"idempotency_key", "change", "kind", "changed_at",
//                 "natural_key": {"region", "document_no", "subject_code"},
//                 "record": {<the standard's field codes, as the API takes them>}}, …]}
// File form (POST ?kind=license|penalty, text/csv or XLSX): the template's headers, then the
//   columns 【gongshi】变更类型, 【gongshi】幂等键, 【gongshi】变更时间; one row per change.
// The answer, to either (2xx, application/json):
//   {"results": [{"idempotency_key", "status": "accepted" | "duplicate" | "refused",
//                 "reason_zh", "reason_en", "issues": [...]}, …]}
// A change with no result in the answer has not been taken and is sent again.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/decode.hpp"
#include "engine/model/issue.hpp"
#include "engine/model/result.hpp"

namespace gongshi {

inline constexpr const char* kUpstreamFormat = "gongshi-upstream/1";
inline constexpr std::size_t kUpstreamMaxChanges = 1000;  // per request, either form

struct OutgoingChange {
  std::string idem_key, change_type, changed_at;
  RecordKind kind = RecordKind::license;
  std::string region, document_no, subject_code;
  std::string record_json;  // the record's fields
};

std::string upstream_json_body(const std::string& sender, const std::vector<OutgoingChange>& cs);
// The file form's header row and rows for changes of one kind (CSV text, or the XLSX's bytes).
std::vector<std::string> upstream_file_headers(RecordKind kind);
std::string upstream_csv_body(RecordKind kind, const std::vector<OutgoingChange>& cs);
Result<std::string> upstream_xlsx_body(RecordKind kind, const std::vector<OutgoingChange>& cs,
                                       const std::filesystem::path& work_dir);

struct Acknowledgement {
  std::string status;  // accepted | duplicate | refused
  std::string reason_zh, reason_en;
};
// The answer's results by idempotency key; an error when it is not such an answer.
Result<std::map<std::string, Acknowledgement>> parse_acknowledgements(std::string_view body);

// The receiving side: a change as it arrived, read but not yet checked.
struct IncomingChange {
  std::string idem_key, change_type, changed_at;
  RecordKind kind = RecordKind::license;
  DecodedRecord record;
  std::string record_json;             // the fields as JSON (the file form: encoded from the row)
  std::string problem_zh, problem_en;  // why it cannot be read; "" when it can
};
struct IncomingBatch {
  std::string sender;
  std::vector<IncomingChange> changes;
};
Result<IncomingBatch> parse_upstream_json(std::string_view body);
Result<IncomingBatch> parse_upstream_file(RecordKind kind, const std::filesystem::path& file,
                                          const std::string& sender);

struct ResultLine {
  std::string idem_key, status, reason_zh, reason_en;
  Issues issues;
};
std::string acknowledgements_json(const std::vector<ResultLine>& lines);

}  // namespace gongshi
