#include "engine/service/upstream_receiver.hpp"

#include <variant>

#include "engine/model/text.hpp"
#include "engine/service/engine_internal.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

ResultLine refused(const IncomingChange& c, std::string zh, std::string en, Issues issues = {}) {
  return ResultLine{c.idem_key, "refused", std::move(zh), std::move(en), std::move(issues)};
}

// The record's 数据来源单位统一社会信用代码 (XK_LYDWDM / CF_SJLYDM).
const std::string& source_unit_of(const IncomingChange& c) {
  return std::visit([](const auto& r) -> const std::string& { return r.source_unit_uscc; },
                    c.record.record);
}

}  // namespace

UpstreamReceiver::UpstreamReceiver(std::shared_ptr<Database> db, RecordCheck check,
                                   ReceiverOptions options, Clock clock)
    : db_(std::move(db)),
      check_(std::move(check)),
      options_(std::move(options)),
      clock_(std::move(clock)) {}

Result<std::vector<ResultLine>> UpstreamReceiver::accept(const IncomingBatch& batch,
                                                         const std::string& form) {
  // Validation first, outside the transaction (rule work is not database work).
  std::vector<std::optional<ResultLine>> verdicts(batch.changes.size());
  for (std::size_t i = 0; i < batch.changes.size(); ++i) {
    const auto& c = batch.changes[i];
    if (!c.problem_zh.empty()) {
      verdicts[i] = refused(c, "无法读取：" + c.problem_zh, "cannot be read: " + c.problem_en);
      continue;
    }
    if (!options_.change_types.contains(c.change_type)) {
      verdicts[i] = refused(c, "未知的变更类型「" + c.change_type + "」",
                            "unknown change type '" + c.change_type + "'");
      continue;
    }
    auto issues = check_(c.record);
    if (!issues) return issues.error();
    if (!issues->empty()) {
      const Issue& first = issues->front();
      verdicts[i] =
          refused(c, "记录未通过校验：" + first.field + " " + first.message_zh,
                  "the record fails validation: " + first.field + " " + first.message_en, *issues);
      continue;
    }
    if (!options_.units.empty()) {
      const std::string unit = source_unit_of(c);
      if (!options_.units.contains(unit)) {
        verdicts[i] = refused(c, "数据来源单位「" + unit + "」未在本平台登记",
                              "the source unit '" + unit + "' is not registered here");
      }
    }
  }
  const std::string now_text = format_utc(clock_.now());
  return in_transaction<std::vector<ResultLine>>(
      *db_, [&](Tx& tx) -> Result<std::vector<ResultLine>> {
        std::vector<ResultLine> out;
        for (std::size_t i = 0; i < batch.changes.size(); ++i) {
          const auto& c = batch.changes[i];
          auto before = find_received(tx, c.idem_key);
          if (!before) return before.error();
          if (*before) {
            out.push_back({c.idem_key, "duplicate", "", "", {}});
            continue;
          }
          if (verdicts[i]) {
            out.push_back(*verdicts[i]);
            continue;
          }
          ReceivedChange r;
          r.idem_key = c.idem_key;
          r.sender = utf8_prefix(batch.sender, 64);
          r.kind = std::string(to_string(c.kind));
          r.document_no = document_no_of(c.record.record);
          r.subject_code = service::subject_code_of(c.record.record);
          r.change_type = c.change_type;
          r.form = form;
          r.payload = c.record_json;
          r.received_at = now_text;
          if (c.change_type != "published" && c.change_type != "corrected") {
            auto known = received_record(tx, r.kind, r.document_no, r.subject_code);
            if (!known) return known.error();
            if (!*known) {
              out.push_back(refused(c, "本平台没有收到过这条记录的公示，无法登记" + c.change_type,
                                    "no such record here to mark " + c.change_type));
              continue;
            }
          }
          if (auto id = insert_received(tx, r); !id) return id.error();
          out.push_back({c.idem_key, "accepted", "", "", {}});
        }
        return out;
      });
}

Result<std::vector<ReceivedChange>> UpstreamReceiver::received(std::int64_t after_id, int limit) {
  return in_read_transaction<std::vector<ReceivedChange>>(
      *db_, [&](Tx& tx) { return received_after(tx, after_id, std::clamp(limit, 1, 1000)); });
}

}  // namespace gongshi
