// 方式三, the offline package, end to end with the real command line: records published on one
// database, `gongshi export package`, then `gongshi import package` on another whose departments
// have other ids; the package imported twice, a second package of the same period, and copies
// changed by one byte or signed with another key — each refused with nothing stored.
#include <soci/soci.h>
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>

#include "engine/store/directory_repo.hpp"
#include "server_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

namespace {

constexpr const char* kKey = "a-package-key-for-the-tests-0123456789";
constexpr const char* kNow = "2024-08-01T10:00:00+08:00";

std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// Where member `name`'s stored bytes start in the zip and how many there are (its local header:
// signature, …, compressed size at 18, name length at 26, extra length at 28, the name at 30).
std::pair<std::size_t, std::size_t> member_data(const std::string& zip, const std::string& name) {
  const auto le16 = [&](std::size_t at) {
    return static_cast<std::size_t>(static_cast<unsigned char>(zip[at])) |
           static_cast<std::size_t>(static_cast<unsigned char>(zip[at + 1])) << 8;
  };
  for (std::size_t at = zip.find("PK\x03\x04"); at != std::string::npos;
       at = zip.find("PK\x03\x04", at + 4)) {
    const std::size_t name_len = le16(at + 26), extra_len = le16(at + 28);
    if (zip.compare(at + 30, name_len, name) != 0) continue;
    const std::size_t size = le16(at + 18) | le16(at + 20) << 16;
    return {at + 30 + name_len + extra_len, size};
  }
  BOOST_FAIL("no member " << name);
  return {0, 0};
}

// A copy of the package with member `name` replaced by `content` (a well-formed zip: only the
// manifest's hashes and signature can tell).
std::filesystem::path with_member(const std::filesystem::path& zip, const std::string& name,
                                  const std::string& content, const std::string& suffix) {
  const auto copy = zip.parent_path() / (zip.stem().string() + suffix + ".zip");
  std::filesystem::copy_file(zip, copy, std::filesystem::copy_options::overwrite_existing);
  int err = 0;
  zip_t* z = zip_open(copy.c_str(), 0, &err);
  BOOST_REQUIRE(z != nullptr);
  auto* src = zip_source_buffer(z, content.data(), content.size(), 0);
  BOOST_REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
  BOOST_REQUIRE(zip_close(z) == 0);
  return copy;
}

std::string member_of(const std::filesystem::path& zip, const std::string& name) {
  int err = 0;
  zip_t* z = zip_open(zip.c_str(), ZIP_RDONLY, &err);
  BOOST_REQUIRE(z != nullptr);
  zip_stat_t st;
  BOOST_REQUIRE(zip_stat(z, name.c_str(), 0, &st) == 0);
  std::string out(st.size, '\0');
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  BOOST_REQUIRE(zip_fread(f, out.data(), out.size()) == static_cast<zip_int64_t>(out.size()));
  zip_fclose(f);
  zip_discard(z);
  return out;
}

long long scalar(Database& db, const std::string& sql) {
  soci::session s(db.pool());
  long long n = 0;
  s << sql, soci::into(n);
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(offline_package_round_trip_imports_once_and_refuses_changed_copies) {
  ::setenv("GONGSHI_PACKAGE_KEY", kKey, 1);
  Site site;
  const auto publish = [&](const std::string& body, const std::string& filler,
                           const std::string& reviewer) {
    auto r = site.create(body, filler);
    r = site.took(r, "submit", filler);
    r = site.took(r, "approve", reviewer);
    return site.took(r, "publish", reviewer);
  };
  const auto penalty = [&](const char* no, const char* decided, std::int64_t dept) {
    return site.penalty(
        {{"CF_WSH", boost::json::value(no)}, {"CF_JDRQ", boost::json::value(decided)}}, dept);
  };
  // In the period and published: two of the market department, one of transport (which has no
  // credit code, so the receiving side finds it by name).
  publish(penalty("殷市监罚〔2024〕P1号", "2024-07-03", site.market), "filler", "reviewer");
  publish(penalty("殷市监罚〔2024〕P2号", "2024-07-04", site.market), "filler", "reviewer");
  publish(penalty("殷交罚〔2024〕P3号", "2024-07-04", site.transport), "other_filler",
          "other_admin");
  // Not in the package: a draft, one decided before the period, and one published and then
  // revoked (决定被撤销: the platform must not show it).
  site.create(penalty("殷市监罚〔2024〕P4号", "2024-07-04", site.market));
  publish(penalty("殷市监罚〔2024〕P5号", "2024-06-20", site.market), "filler", "reviewer");
  site.took(
      publish(penalty("殷市监罚〔2024〕P6号", "2024-07-04", site.market), "filler", "reviewer"),
      "revoke", "admin", "行政复议撤销");

  const auto dir = std::filesystem::temp_directory_path() /
                   ("gongshi-package-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto zip = dir / "410505-2024-07.zip";
  const std::vector<std::string> export_args{
      "export",     "package", "--db",       site.tdb.url, "--region",   "410505", "--from",
      "2024-07-01", "--to",    "2024-07-31", "--out",      zip.string(), "--now",  kNow};
  BOOST_REQUIRE(run_cli(export_args) == 0);
  const auto manifest = boost::json::parse(member_of(zip, "manifest.json")).as_object();
  BOOST_TEST(manifest.at("records").as_int64() == 3);
  BOOST_TEST(manifest.at("region").as_string() == "410505");
  for (const auto& f : manifest.at("files").as_array()) {
    const auto& fo = f.as_object();
    BOOST_TEST(fo.at("sha256").as_string().size() == 64u);
    BOOST_TEST(fo.at("records").as_int64() == (fo.at("kind").as_string() == "penalty" ? 3 : 0));
  }

  // The receiving side: the same two departments, created in the other order (other ids).
  TestDb other;
  std::int64_t their_market = 0, their_transport = 0;
  auto seeded = in_transaction<std::monostate>(*other.db, [&](Tx& tx) -> Status {
    auto t = insert_department(
        tx, {"410505", 0, {}, "department", "安阳市殷都区交通运输局", "", {}, {}});
    if (!t) return t.error();
    their_transport = *t;
    auto m = insert_department(
        tx,
        {"410505", 0, {}, "department", "殷都区市场监管局（新名）", "11230500001755309F", {}, {}});
    if (!m) return m.error();
    their_market = *m;
    return ok_status();
  });
  BOOST_REQUIRE(seeded.ok());
  BOOST_REQUIRE(their_market != site.market);
  const auto import = [&](const std::filesystem::path& p) {
    return run_cli({"import", "package", p.string(), "--db", other.url, "--now", kNow});
  };
  const std::string records = "SELECT COUNT(*) FROM records";

  // Changed by one byte — inside a data file, inside the manifest, in the signature — or signed
  // with another key: refused, nothing stored.
  const std::string original = read_bytes(zip);
  int copy_no = 0;
  for (const char* member : {"penalty.xlsx", "manifest.json", "manifest.sig"}) {
    const auto [at, size] = member_data(original, member);
    std::string changed = original;
    changed[at + size / 2] ^= 0x01;
    const auto copy = dir / ("changed-" + std::to_string(++copy_no) + ".zip");
    write_bytes(copy, changed);
    BOOST_TEST(import(copy) == 2, member);
  }
  // Well-formed zips (their CRCs right) whose data file was swapped for another, or changed in
  // one byte: only the manifest's size and SHA-256 tell.
  BOOST_TEST(import(with_member(zip, "penalty.xlsx", member_of(zip, "license.xlsx"), "-swap")) !=
             0);
  std::string flipped = member_of(zip, "penalty.xlsx");
  flipped[flipped.size() / 2] ^= 0x01;
  BOOST_TEST(import(with_member(zip, "penalty.xlsx", flipped, "-flip")) == 2);
  // A member the manifest does not list, carried along.
  BOOST_TEST(import(with_member(zip, "extra.xlsx", flipped, "-extra")) == 2);
  // The manifest edited to claim another region, the signature left as it was.
  std::string claimed = member_of(zip, "manifest.json");
  claimed.replace(claimed.find("410505"), 6, "410500");
  BOOST_TEST(import(with_member(zip, "manifest.json", claimed, "-claim")) == 2);
  ::setenv("GONGSHI_PACKAGE_KEY", "another-key-of-the-same-length-0123456789", 1);
  BOOST_TEST(import(zip) == 2);
  ::setenv("GONGSHI_PACKAGE_KEY", "too-short", 1);
  BOOST_TEST(import(zip) == 2);
  ::setenv("GONGSHI_PACKAGE_KEY", kKey, 1);
  BOOST_TEST(scalar(*other.db, records) == 0);
  BOOST_TEST(scalar(*other.db, "SELECT COUNT(*) FROM package_imports") == 0);

  // The package as it was: three records, each with its own department here.
  BOOST_REQUIRE(import(zip) == 0);
  BOOST_TEST(scalar(*other.db, records) == 3);
  BOOST_TEST(scalar(*other.db, "SELECT COUNT(*) FROM records WHERE department_id = " +
                                   std::to_string(their_market)) == 2);
  BOOST_TEST(scalar(*other.db, "SELECT COUNT(*) FROM records WHERE department_id = " +
                                   std::to_string(their_transport)) == 1);
  BOOST_TEST(scalar(*other.db,
                    "SELECT COUNT(*) FROM records WHERE document_no IN "
                    "('殷市监罚〔2024〕P4号', '殷市监罚〔2024〕P5号')") == 0);

  // Twice: nothing new. A second package of the same period (a new id): every row a repeat.
  BOOST_TEST(import(zip) == 0);
  BOOST_TEST(scalar(*other.db, records) == 3);
  const auto again = dir / "again.zip";
  auto again_args = export_args;
  again_args[11] = again.string();
  BOOST_REQUIRE(run_cli(again_args) == 0);
  BOOST_TEST(import(again) == 0);
  BOOST_TEST(scalar(*other.db, records) == 3);
  BOOST_TEST(scalar(*other.db, "SELECT COUNT(*) FROM package_imports") == 2);
  BOOST_TEST(scalar(*other.db, "SELECT SUM(created) FROM package_imports") == 3);
  BOOST_TEST(scalar(*other.db, "SELECT SUM(repeated) FROM package_imports") == 3);
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_package_row_whose_department_is_unknown_here_is_refused_by_name) {
  ::setenv("GONGSHI_PACKAGE_KEY", kKey, 1);
  Site site;
  auto r = site.create(site.penalty({{"CF_WSH", boost::json::value("殷市监罚〔2024〕Q1号")},
                                     {"CF_JDRQ", boost::json::value("2024-07-03")}}));
  r = site.took(r, "submit", "filler");
  r = site.took(r, "approve", "reviewer");
  site.took(r, "publish", "reviewer");
  const auto zip = std::filesystem::temp_directory_path() /
                   ("gongshi-package-unknown-" + std::to_string(::getpid()) + ".zip");
  BOOST_REQUIRE(
      run_cli({"export", "package", "--db", site.tdb.url, "--region", "410505", "--from",
               "2024-07-01", "--to", "2024-07-31", "--out", zip.string(), "--now", kNow}) == 0);
  TestDb other;  // no departments at all
  BOOST_TEST(run_cli({"import", "package", zip.string(), "--db", other.url, "--now", kNow}) == 3);
  BOOST_TEST(scalar(*other.db, "SELECT COUNT(*) FROM records") == 0);
  soci::session s(other.db->pool());
  std::string message;
  s << "SELECT message_zh FROM import_errors WHERE field = 'CF_SJLYDM'", soci::into(message);
  BOOST_TEST(message.find("安阳市殷都区市场监督管理局") != std::string::npos, message);
  // Not remembered: once the department exists here, the same package goes in.
  BOOST_TEST(scalar(*other.db, "SELECT COUNT(*) FROM package_imports") == 0);
  auto added = in_transaction<std::int64_t>(*other.db, [&](Tx& tx) {
    return insert_department(tx, {"410505",
                                  0,
                                  {},
                                  "department",
                                  "安阳市殷都区市场监督管理局",
                                  "11230500001755309F",
                                  {},
                                  {}});
  });
  BOOST_REQUIRE(added.ok());
  BOOST_TEST(run_cli({"import", "package", zip.string(), "--db", other.url, "--now", kNow}) == 0);
  BOOST_TEST(scalar(*other.db, "SELECT COUNT(*) FROM records WHERE department_id = " +
                                   std::to_string(*added)) == 1);
  BOOST_TEST(scalar(*other.db, "SELECT COUNT(*) FROM package_imports") == 1);
  std::filesystem::remove(zip);
}
