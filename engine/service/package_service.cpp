#include "engine/service/package_service.hpp"

#include <boost/json.hpp>
#include <map>

#include "engine/exchange/work_files.hpp"
#include "engine/exchange/xlsx_writer.hpp"
#include "engine/model/decode.hpp"
#include "engine/model/header_codec.hpp"
#include "engine/model/json_codec.hpp"
#include "engine/store/directory_repo.hpp"
#include "engine/store/package_repo.hpp"
#include "engine/store/time_text.hpp"

namespace gongshi {
namespace {

constexpr const char* kFormat = "gongshi-package/1";
constexpr RecordKind kKinds[] = {RecordKind::license, RecordKind::penalty};

std::string file_name_of(RecordKind kind) {
  return std::string(to_string(kind)) + ".xlsx";
}

// After the template's columns: the sending side's department of the row (its id, which the
// manifest's counts name), so the receiving side can give each row to its own department.
std::string department_header() {
  return std::string(kStatusColumnPrefix) + "报送部门编号";
}

// The field holding the 数据来源单位统一社会信用代码 of a record of `kind`.
const char* source_unit_field(RecordKind kind) {
  return kind == RecordKind::license ? "XK_LYDWDM" : "CF_SJLYDM";
}

Error region_wide_only() {
  return make_error(ErrorCode::forbidden, "数据包只能由信用办或系统管理员导出、导入",
                    "only the credit office or a system administrator exports or imports packages");
}

// Removes the files or directories it holds when the use case returns, on every path.
struct RemoveOnExit {
  std::vector<std::filesystem::path> paths;
  ~RemoveOnExit() {
    std::error_code ec;
    for (const auto& p : paths) std::filesystem::remove_all(p, ec);
  }
};

Result<std::vector<Department>> region_departments(Database& db, const std::string& region) {
  return in_read_transaction<std::vector<Department>>(
      db, [&](Tx& tx) { return departments_of(tx, region); });
}

struct SenderDepartment {
  std::string name, uscc;
};

struct Unpacked {
  std::string package_id, region, from, to;
  std::map<std::string, RecordKind> kind_of_file;
  std::map<std::string, SenderDepartment> departments;  // by the sender's id, as text
};

Result<Unpacked> read_manifest(const std::string& text) {
  const auto bad = [](const std::string& what) {
    return make_error(ErrorCode::invalid_input, "数据包清单缺少或写错了 " + what,
                      "the package manifest lacks or misstates " + what);
  };
  boost::system::error_code ec;
  const auto json = boost::json::parse(text, ec);
  const auto* o = json.if_object();
  if (ec || o == nullptr) return bad("(JSON)");
  const auto text_of = [&](const char* key) -> std::string {
    const auto* v = o->if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->as_string()) : "";
  };
  if (text_of("format") != kFormat) return bad("format");
  Unpacked u;
  u.package_id = text_of("package_id");
  u.region = text_of("region");
  const auto* period = o->if_contains("period");
  if (period != nullptr && period->is_object()) {
    const auto& p = period->as_object();
    if (const auto* f = p.if_contains("from"); f != nullptr && f->is_string())
      u.from = std::string(f->as_string());
    if (const auto* t = p.if_contains("to"); t != nullptr && t->is_string())
      u.to = std::string(t->as_string());
  }
  if (u.package_id.size() != 32 ||
      u.package_id.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return bad("package_id");
  }
  const auto from = parse_date(u.from), to = parse_date(u.to);
  if (u.region.size() != 6 || u.region.find_first_not_of("0123456789") != std::string::npos ||
      !from || !to || *to < *from) {
    return bad("region/period");
  }
  if (const auto* counts = o->if_contains("counts"); counts != nullptr && counts->is_array()) {
    for (const auto& c : counts->as_array()) {
      const auto* co = c.if_object();
      if (co == nullptr) return bad("counts");
      const auto* id = co->if_contains("department_id");
      const auto* name = co->if_contains("department");
      const auto* uscc = co->if_contains("uscc");
      if (id == nullptr || !id->is_int64() || name == nullptr || !name->is_string() ||
          uscc == nullptr || !uscc->is_string()) {
        return bad("counts");
      }
      u.departments[std::to_string(id->as_int64())] = {std::string(name->as_string()),
                                                       std::string(uscc->as_string())};
    }
  }
  for (const auto& f : o->at("files").as_array()) {
    const auto& fo = f.as_object();
    const auto* kind = fo.if_contains("kind");
    auto k = kind != nullptr && kind->is_string() ? parse_record_kind(kind->as_string())
                                                  : std::optional<RecordKind>{};
    if (!k) return bad("files[].kind");
    u.kind_of_file[std::string(fo.at("name").as_string())] = *k;
  }
  return u;
}

}  // namespace

PackageService::PackageService(std::shared_ptr<Database> db, Engine& engine, RecordService& records,
                               const Lifecycle& lifecycle, const AccessPolicy& access, Clock clock,
                               std::filesystem::path work_dir)
    : db_(std::move(db)),
      engine_(engine),
      records_(records),
      lifecycle_(lifecycle),
      access_(access),
      clock_(std::move(clock)),
      work_dir_(std::move(work_dir)) {}

Result<PackageExport> PackageService::export_package(const Principal& who,
                                                     const PackageExportInput& in) {
  if (!access_.region_wide(who)) return region_wide_only();
  if (auto st = access_.require_region(who, in.region); !st) return st.error();
  if (in.to < in.from) {
    return make_error(ErrorCode::invalid_input, "--to 早于 --from", "--to is before --from");
  }
  auto departments = region_departments(*db_, in.region);
  if (!departments) return departments.error();
  std::map<std::int64_t, const Department*> by_id;
  for (const auto& d : *departments) by_id[d.id] = &d;

  PackageExport out;
  auto id = random_package_id();
  if (!id) return id.error();
  out.package_id = std::move(id).value();
  RemoveOnExit written;  // the XLSX files, once they are in the package or it failed
  std::map<std::pair<std::int64_t, RecordKind>, int> counts;
  std::vector<int> records_of_file;
  for (RecordKind kind : kKinds) {
    const auto path = unique_path(work_dir_, "gongshi-package-", ".xlsx");
    written.paths.push_back(path);
    auto xlsx = XlsxWriter::create(path);
    if (!xlsx) {
      return xlsx.error();
    }
    auto headers = template_headers(kind);
    headers.push_back(department_header());
    if (auto st = (*xlsx)->add_sheet(std::string(label_zh(kind)), headers); !st) {
      return st.error();
    }
    RecordList q;
    q.region = in.region;
    q.kind = kind;
    q.decided_from = in.from;
    q.decided_to = in.to;
    // What stands as reported. A record withdrawn, revoked or repaired is left out: the
    // platform must not show it, and telling it of such a change is the push's work.
    q.states = lifecycle_.states_where(
        [](const StateInfo& st) { return st.publication != Publication::other; });
    q.limit = 500;
    int records = 0;
    while (true) {
      auto page = records_.list(who, q, clock_.now());
      if (!page) {
        return page.error();
      }
      for (const auto& r : *page) {
        boost::system::error_code ec;
        const auto json = boost::json::parse(r.data, ec);
        auto cells = encode_texts(record_from_json(r.kind, json).record);
        cells.push_back(std::to_string(r.department_id.value_or(0)));
        if (auto st = (*xlsx)->write_row(cells); !st) {
          return st.error();
        }
        ++records;
        ++counts[{r.department_id.value_or(0), kind}];
      }
      if (static_cast<int>(page->size()) < q.limit) break;
      q.before_id = page->back().id;
    }
    if (auto st = (*xlsx)->close(); !st) {
      return st.error();
    }
    auto described = describe_file(file_name_of(kind), path);
    if (!described) {
      return described.error();
    }
    out.files.push_back(std::move(described).value());
    records_of_file.push_back(records);
    out.records += records;
  }

  boost::json::array count_rows;
  for (const auto& [key, n] : counts) {
    PackageCount c;
    c.department_id = key.first;
    c.kind = key.second;
    c.records = n;
    if (auto it = by_id.find(c.department_id); it != by_id.end()) {
      c.department = it->second->name;
      c.uscc = it->second->uscc;
    }
    count_rows.push_back({{"department_id", c.department_id},
                          {"department", c.department},
                          {"uscc", c.uscc},
                          {"kind", to_string(c.kind)},
                          {"records", c.records}});
    out.counts.push_back(std::move(c));
  }
  boost::json::array file_rows;
  for (std::size_t i = 0; i < out.files.size(); ++i) {
    const auto& f = out.files[i];
    file_rows.push_back({{"name", f.name},
                         {"kind", to_string(kKinds[i])},
                         {"records", records_of_file[i]},
                         {"bytes", static_cast<std::int64_t>(f.bytes)},
                         {"sha256", f.sha256}});
  }
  const boost::json::object manifest{
      {"format", kFormat},
      {"package_id", out.package_id},
      {"region", in.region},
      {"period", {{"from", format_date(in.from)}, {"to", format_date(in.to)}}},
      {"generated_at", format_utc(clock_.now())},
      {"generator", "gongshi " GONGSHI_VERSION},
      {"records", out.records},
      {"counts", count_rows},
      {"files", file_rows}};
  auto st = write_package(in.out, out.files, boost::json::serialize(manifest), in.key);
  if (!st) return st.error();
  return out;
}

Result<PackageImportResult> PackageService::import_package(const Principal& who,
                                                           const std::filesystem::path& zip,
                                                           const std::string& key) {
  if (!access_.region_wide(who)) return region_wide_only();
  // Signature, manifest, permission and an earlier import first; only then is anything
  // extracted.
  auto verified = verify_package(zip, key);
  if (!verified) return verified.error();
  auto manifest = read_manifest(verified->manifest_json);
  if (!manifest) return manifest.error();
  if (auto st = access_.require_region(who, manifest->region); !st) return st.error();

  PackageImportResult out;
  out.package_id = manifest->package_id;
  out.region = manifest->region;
  out.period_from = manifest->from;
  out.period_to = manifest->to;
  auto earlier = in_read_transaction<std::optional<PackageImport>>(
      *db_, [&](Tx& tx) { return find_package_import(tx, out.package_id); });
  if (!earlier) return earlier.error();
  if (*earlier) {
    out.already_imported = true;
    out.first_imported_at = (*earlier)->imported_at;
    out.created = (*earlier)->created;
    out.repeated = (*earlier)->repeated;
    out.refused = (*earlier)->refused;
    return out;
  }
  auto opened = extract_package(zip, *verified, work_dir_);
  if (!opened) return opened.error();
  const RemoveOnExit extracted{{opened->directory}};

  auto departments = region_departments(*db_, out.region);
  if (!departments) return departments.error();
  // A sending department is the local one with its credit code, else with its name; a row
  // without the column, the local one with its source unit's credit code.
  std::map<std::string, std::int64_t> by_uscc, by_name;
  for (const auto& d : *departments) {
    if (d.valid_until) continue;  // merged away (机构改革)
    if (!d.uscc.empty()) by_uscc[d.uscc] = d.id;
    by_name[d.name] = d.id;
  }
  const auto local = [&](const std::string& sender,
                         const std::string& source_uscc) -> std::optional<std::int64_t> {
    if (auto s = manifest->departments.find(sender); s != manifest->departments.end()) {
      if (auto it = by_uscc.find(s->second.uscc); !s->second.uscc.empty() && it != by_uscc.end())
        return it->second;
      if (auto it = by_name.find(s->second.name); it != by_name.end()) return it->second;
      return std::nullopt;
    }
    if (auto it = by_uscc.find(source_uscc); it != by_uscc.end()) return it->second;
    return std::nullopt;
  };
  for (const auto& file : opened->files) {
    const RecordKind kind = manifest->kind_of_file.at(file.name);
    ImportSpec spec;
    spec.region = out.region;
    spec.kind = kind;
    spec.file = file.path;
    spec.file_name = zip.filename().string() + "/" + file.name;
    spec.actor = Actor{who.login, "filler"};  // as the department's 填报员 would enter them
    spec.department_column = department_header();
    spec.department_of = [&](const std::string& sender,
                             const boost::json::object& fields) -> Result<std::int64_t> {
      const auto* code = fields.if_contains(source_unit_field(kind));
      const std::string uscc =
          code != nullptr && code->is_string() ? std::string(code->as_string()) : "";
      if (auto id = local(sender, uscc)) return *id;
      const auto s = manifest->departments.find(sender);
      const std::string who =
          s != manifest->departments.end() ? s->second.name + " " + s->second.uscc : uscc;
      Error e = make_error(ErrorCode::invalid_input, "本地没有对应的部门：" + who,
                           "no department here matches the sending department " + who);
      Issue issue;
      issue.field = source_unit_field(kind);
      issue.code = IssueCode::rule;
      issue.rule_code = "unknown_source_unit";
      issue.message_zh = e.message_zh;
      issue.message_en = e.message_en;
      e.issues.push_back(std::move(issue));
      return e;
    };
    spec.on_stored = [&](const CreateOutcome& o) { ++(o.created ? out.created : out.repeated); };
    auto job = create_import_job(*db_, spec, clock_.now());
    if (!job) return job.error();
    ImportJob done = run_import(engine_, *db_, *job, spec, clock_, {});
    out.refused += done.rows_failed;
    const bool failed = done.status != "done";
    out.jobs.push_back(std::move(done));
    if (failed) {
      // A file that could not be read through (the database went away, say): stop here. The
      // package is not remembered, so it can be imported again; the rows stored so far come
      // back as repeats.
      const auto& j = out.jobs.back();
      const std::string stored = std::to_string(out.created + out.repeated);
      return make_error(ErrorCode::io_error,
                        "数据包中的 " + j.file_name + " 未能导入完毕（已存入 " + stored +
                            " 行，可再次导入）：" + j.message,
                        "the package's " + j.file_name + " was not imported to the end (" + stored +
                            " rows stored; import it again): " + j.message);
    }
  }
  // Remembered only once every row is here: a package with refused rows (a department missing
  // here, say) can be imported again after the fix, the rows stored already coming back as
  // repeats.
  if (out.refused > 0) return out;
  PackageImport row;
  row.package_id = out.package_id;
  row.region = out.region;
  row.period_from = out.period_from;
  row.period_to = out.period_to;
  row.file_name = zip.filename().string();
  row.imported_at = format_utc(clock_.now());
  row.imported_by = who.login;
  row.created = out.created;
  row.repeated = out.repeated;
  row.refused = out.refused;
  auto stored =
      in_transaction<std::monostate>(*db_, [&](Tx& tx) { return insert_package_import(tx, row); });
  // A conflict: the same package imported at the same time by another process, which recorded
  // it first. Its rows were repeats here, so the outcome stands.
  if (!stored && stored.error().code != ErrorCode::conflict) return stored.error();
  return out;
}

}  // namespace gongshi
