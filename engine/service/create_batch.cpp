// Engine::create_batch: per-item validation, then multi-row inserts in one transaction.
#include <algorithm>
#include <map>
#include <thread>

#include "engine/service/engine_internal.hpp"
#include "engine/store/record_bulk.hpp"
#include "engine/store/record_repo.hpp"

namespace gongshi {

unsigned Engine::default_batch_threads() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
}

std::vector<Result<PreparedRecord>> Engine::prepare_all(const std::vector<BatchItem>& items,
                                                        TimePoint now) {
  // Fewer than this many items per thread: starting a thread costs more than it saves.
  constexpr std::size_t min_per_thread = 32;
  const std::size_t n = items.size();
  const std::size_t threads =
      std::clamp<std::size_t>(n / min_per_thread, 1, std::max(1u, batch_threads));
  const auto one = [&](std::size_t i) -> Result<PreparedRecord> {
    try {
      return prepare(items[i].request, now);
    } catch (const std::exception& e) {  // e.g. out of memory: this item fails, not the process
      return make_error(ErrorCode::internal, "处理本条记录时出错", std::string(e.what()));
    }
  };
  const auto run = [&](std::size_t part, std::vector<Result<PreparedRecord>>& out) {
    const std::size_t from = n * part / threads, to = n * (part + 1) / threads;
    out.reserve(to - from);
    for (std::size_t i = from; i < to; ++i) out.push_back(one(i));
  };
  std::vector<std::vector<Result<PreparedRecord>>> parts(threads);
  {
    std::vector<std::jthread> helpers;
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back([&, t] { run(t, parts[t]); });
    run(0, parts[0]);
  }  // joined
  std::vector<Result<PreparedRecord>> all = std::move(parts[0]);
  all.reserve(n);
  for (std::size_t t = 1; t < threads; ++t) {
    std::move(parts[t].begin(), parts[t].end(), std::back_inserter(all));
  }
  return all;
}

Result<std::vector<Result<CreateOutcome>>> Engine::create_batch(const std::vector<BatchItem>& items,
                                                                const Actor& actor, TimePoint now) {
  using Outcomes = std::vector<Result<CreateOutcome>>;
  const std::vector<Result<PreparedRecord>> prepared = prepare_all(items, now);

  return in_transaction<Outcomes>(*db_, [&](Tx& tx) -> Result<Outcomes> {
    Outcomes out;
    out.reserve(items.size());
    for (const auto& p : prepared) {
      out.push_back(p ? Result<CreateOutcome>(CreateOutcome{p->record, true})
                      : Result<CreateOutcome>(p.error()));
    }
    // Keys and natural keys seen before this batch, or earlier in it.
    std::vector<NaturalKey> keys;
    for (const auto& p : prepared) {
      if (p)
        keys.emplace_back(p->record.region, p->record.kind, p->record.document_no,
                          p->record.subject_code);
    }
    auto stored = find_ids_by_natural_keys(tx, keys);
    if (!stored) return stored.error();
    std::map<NaturalKey, std::size_t> first_in_batch;
    std::vector<std::size_t> fresh;                            // items to insert
    std::vector<std::pair<std::size_t, std::size_t>> repeats;  // (item, earlier item)
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!prepared[i]) continue;
      const StoredRecord& r = prepared[i]->record;
      const NaturalKey key{r.region, r.kind, r.document_no, r.subject_code};
      const bool keyed = !items[i].idempotency_key.empty();
      if (keyed || stored->contains(key)) {
        auto before =
            existing(tx, items[i].request, r, items[i].idempotency_key, prepared[i]->hash);
        if (!before && is_transient(before.error())) return before.error();
        if (!before) {
          out[i] = before.error();
          continue;
        }
        if (*before) {
          out[i] = **before;
          continue;
        }
      }
      if (const auto earlier = first_in_batch.find(key); earlier != first_in_batch.end()) {
        if (prepared[earlier->second]->hash == prepared[i]->hash) {
          repeats.emplace_back(i, earlier->second);
        } else {
          out[i] = make_error(ErrorCode::conflict,
                              "本批中决定书文号「" + r.document_no + "」出现两次且内容不同",
                              "document number '" + r.document_no +
                                  "' appears twice in the batch with other content");
        }
        continue;
      }
      first_in_batch.emplace(key, i);
      fresh.push_back(i);
    }

    std::vector<StoredRecord> records;
    for (std::size_t i : fresh) records.push_back(prepared[i]->record);
    if (auto st = insert_records_bulk(tx, records); !st) return st.error();
    reach("after_bulk_records");
    std::vector<EventRow> events;
    std::vector<OutboxRow> outbox;
    std::vector<IdempotencyRow> idem;
    for (std::size_t k = 0; k < fresh.size(); ++k) {
      const std::size_t i = fresh[k];
      const StoredRecord& r = records[k];
      events.push_back({r.region, r.id, 1, "create", "", r.state, actor.user, actor.role,
                        r.received_at, prepared[i]->event_payload, r.rule_version});
      outbox.push_back({r.region, r.id, "record.created",
                        service::outbox_payload(r, "record.created"), r.received_at});
      if (!items[i].idempotency_key.empty()) {
        idem.push_back(
            {r.region, items[i].idempotency_key, prepared[i]->hash, r.id, r.received_at});
      }
      out[i] = CreateOutcome{r, true};
    }
    if (auto st = insert_events_bulk(tx, events); !st) return st.error();
    if (auto st = insert_outbox_bulk(tx, outbox); !st) return st.error();
    if (auto st = insert_idempotency_bulk(tx, idem); !st) return st.error();
    for (const auto& [i, earlier] : repeats) out[i] = CreateOutcome{out[earlier]->record, false};
    return out;
  });
}

}  // namespace gongshi
