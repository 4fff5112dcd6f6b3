// Validation and working-day calendar speed, each against a baseline measured in the same run.
// Prints Markdown tables; scripts/bench runs it (Release build) and docs/benchmarks.md keeps the
// figures. Not a test: nothing here asserts a time. One thread: the figures are per core.
#include <chrono>
#include <cstdio>
#include <functional>

#include "engine/calendar/calendar_loader.hpp"
#include "engine/model/decode.hpp"
#include "engine/model/json_codec.hpp"
#include "engine/model/json_file.hpp"
#include "engine/validate/validate.hpp"

using namespace gongshi;
using Clock = std::chrono::steady_clock;

namespace {

const std::filesystem::path kSchemas = std::filesystem::path(GONGSHI_SOURCE_DIR) / "schemas";

// Calls per second of `body`, run in batches until at least `seconds` have passed.
double rate(const std::function<void()>& body, double seconds = 1.0) {
  for (int i = 0; i < 1000; ++i) body();
  long calls = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (int i = 0; i < 1000; ++i) body();
    calls += 1000;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  }
  return calls / elapsed;
}

volatile std::uint64_t sink = 0;

Record sample(RecordKind kind) {
  auto json = read_json_file(kSchemas / "samples" /
                             (kind == RecordKind::license ? "license.json" : "penalty.json"));
  return record_from_json(kind, *json).record;
}

// The baseline: touch every byte of every field text once (FNV-1a), what any check must at least
// read.
std::uint64_t read_once(const std::vector<std::string>& texts) {
  std::uint64_t h = 1469598103934665603ull;
  for (const auto& t : texts) {
    for (const unsigned char c : t) h = (h ^ c) * 1099511628211ull;
  }
  return h;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string only = argc > 1 ? argv[1] : "";  // validate | calendar: one table only
  if (only.empty() || only == "validate") {
    std::printf("### validation (one core)\n\n");
    std::printf("| what | records/s | µs/record | ratio to reading every field once |\n");
    std::printf("|---|---|---|---|\n");
    const ValidationContext ctx{make_date(2024, 7, 31), nullptr};
    for (const auto kind : {RecordKind::license, RecordKind::penalty}) {
      const Record r = sample(kind);
      const auto texts = encode_texts(r);
      const double base = rate([&] { sink = sink + read_once(texts); });
      const double v = rate([&] { sink = sink + validate(r, ctx).size(); });
      std::printf("| %s: read every field text once (baseline) | %.0f | %.3f | 1.00 |\n",
                  std::string(label_zh(kind)).c_str(), base, 1e6 / base);
      std::printf("| %s: validate (every field rule, check digits) | %.0f | %.3f | %.2f |\n",
                  std::string(label_zh(kind)).c_str(), v, 1e6 / v, v / base);
    }
  }
  if (!only.empty() && only != "calendar") return 0;
  std::printf("\n### working-day calendar (one core, national calendar 2019–2026)\n\n");
  std::printf("| what | calls/s | ns/call | ratio to add_days |\n|---|---|---|---|\n");
  auto regions = RegionRegistry::load(kSchemas / "regions.json");
  auto cal = load_calendar(kSchemas, *regions, "410505");
  if (!cal) {
    std::fprintf(stderr, "%s\n", cal.error().message_en.c_str());
    return 1;
  }
  // Decision days spread over the covered years, so no branch predictor learns one answer.
  std::vector<Date> days;
  for (Date d = make_date(2019, 1, 1); d <= make_date(2026, 6, 30); d = add_days(d, 3)) {
    days.push_back(d);
  }
  std::size_t i = 0;
  const auto next = [&] { return days[i = (i + 1) % days.size()]; };
  const double base = rate([&] { sink = sink + static_cast<unsigned>(add_days(next(), 7).day()); });
  std::printf("| add_days(d, 7), civil date arithmetic (baseline) | %.0f | %.1f | 1.00 |\n", base,
              1e9 / base);
  for (const int n : {1, 5, 30, 120}) {
    const double r =
        rate([&] { sink = sink + static_cast<unsigned>(cal->add_working_days(next(), n)->day()); });
    std::printf("| add_working_days(d, %d) | %.0f | %.1f | %.2f |\n", n, r, 1e9 / r, r / base);
  }
  const double between = rate([&] {
    const Date d = next();
    sink = sink + static_cast<unsigned>(*cal->working_days_between(d, add_days(d, 40)));
  });
  std::printf("| working_days_between(d, d + 40) | %.0f | %.1f | %.2f |\n", between, 1e9 / between,
              between / base);
  CalendarUse use;
  const Date late = make_date(2026, 12, 28);
  const double provisional = rate(
      [&] { sink = sink + static_cast<unsigned>(cal->add_working_days(late, 5, &use)->day()); });
  std::printf("| add_working_days(2026-12-28, 5), provisional past 2026 | %.0f | %.1f | %.2f |\n",
              provisional, 1e9 / provisional, provisional / base);
  return 0;
}
