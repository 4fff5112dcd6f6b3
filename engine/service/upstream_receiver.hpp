#pragma once
// The reference receiver: a small, real platform above that takes the upstream format (either
// form), checks every record with the same validation gongshi uses, answers per record, and
// keeps what it took — each idempotency key once. It is what the integration tests push to, and
// what an operator can run to try a connection before the province's platform is ready.

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/exchange/upstream_format.hpp"
#include "engine/model/clock.hpp"
#include "engine/store/database.hpp"
#include "engine/store/upstream_repo.hpp"

namespace gongshi {

// The validation a record meets: the standard's, and a region's rules when the receiver has one.
using RecordCheck = std::function<Result<Issues>(const DecodedRecord&)>;

struct ReceiverOptions {
  std::set<std::string> change_types;  // the ones it knows (lifecycle.json's upstream_changes)
  // The 数据来源单位 codes registered with this platform; a record from another unit is refused.
  // Empty: any.
  std::set<std::string> units;
};

class UpstreamReceiver {
 public:
  UpstreamReceiver(std::shared_ptr<Database> db, RecordCheck check, ReceiverOptions options,
                   Clock clock);

  // One request's changes, in order, in one transaction: a result per change.
  Result<std::vector<ResultLine>> accept(const IncomingBatch& batch, const std::string& form);
  Result<std::vector<ReceivedChange>> received(std::int64_t after_id, int limit);

 private:
  std::shared_ptr<Database> db_;
  RecordCheck check_;
  ReceiverOptions options_;
  Clock clock_;
};

}  // namespace gongshi
