#pragma once
// At most N jobs of one kind at once; the next caller is refused at once instead of waiting, so a
// few expensive requests (a rule upload's tests, a what-if) cannot take every worker the server
// has.

#include <cstddef>
#include <mutex>
#include <optional>

namespace gongshi {

class JobGate {
 public:
  explicit JobGate(std::size_t slots) : free_(slots == 0 ? 1 : slots) {}
  JobGate(const JobGate&) = delete;
  JobGate& operator=(const JobGate&) = delete;

  // Holds one slot while alive.
  class Pass {
   public:
    explicit Pass(JobGate* g) : gate_(g) {}
    Pass(Pass&& o) noexcept : gate_(o.gate_) { o.gate_ = nullptr; }
    Pass& operator=(Pass&&) = delete;
    ~Pass() {
      if (gate_ != nullptr) gate_->leave();
    }

   private:
    JobGate* gate_;
  };

  // A pass when a slot is free, nothing when every slot is taken.
  std::optional<Pass> try_enter() {
    std::lock_guard lock(mu_);
    if (free_ == 0) return std::nullopt;
    --free_;
    return std::optional<Pass>(std::in_place, this);
  }

 private:
  void leave() {
    std::lock_guard lock(mu_);
    ++free_;
  }

  std::mutex mu_;
  std::size_t free_;
};

}  // namespace gongshi
