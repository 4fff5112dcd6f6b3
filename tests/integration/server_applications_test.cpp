// Objections and credit repairs filed by the subject through the public routes, the handlers'
// queue, corrections with new field values, attachments and the public rate limit: through the
// real `gongshi serve`, on SQLite and MariaDB.
#include <boost/test/unit_test.hpp>
#include <set>

#include "server_fixture.hpp"

using namespace gongshi;
using namespace gongshi::test;

namespace {

const char* kSubject = "91410505MA9K3W8L7R";  // the sample penalty's 统一社会信用代码

// A small but real PDF and PNG (their magic numbers are what the server checks).
std::string pdf_bytes() {
  return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
}
std::string png_bytes() {
  std::string b("\x89PNG\r\n\x1a\n", 8);
  b += std::string("\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02\0\0\0", 21);
  return b;
}

// Publishes a penalty of the market department; returns the record.
boost::json::object published(
    Site& site, std::initializer_list<std::pair<const char*, boost::json::value>> changes = {}) {
  auto rec = site.create(site.penalty(changes));
  rec = site.took(rec, "submit", "filler");
  rec = site.took(rec, "approve", "reviewer");
  return site.took(rec, "publish", "reviewer");
}

std::string percent_encoded(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

server::ClientResponse upload(Site& site, const std::string& name, const std::string& bytes) {
  return site.call("POST", "/public/attachments?name=" + percent_encoded(name), "", bytes,
                   {{"Content-Type", "application/octet-stream"}});
}

std::string uploaded(Site& site, const std::string& name, const std::string& bytes) {
  auto r = upload(site, name, bytes);
  BOOST_REQUIRE_MESSAGE(r.status == 201, "upload " << name << ": " << r.status << " " << r.body);
  return std::string(json_of(r).at("id").as_string());
}

boost::json::object objection(const boost::json::object& rec, const std::string& subject,
                              boost::json::array attachments = {}) {
  return {{"region", rec.at("region")},
          {"id", rec.at("id")},
          {"subject_code", subject},
          {"contact_name", "李某"},
          {"contact_phone", "0372-5123456"},
          {"type", "错误"},
          {"description", "处罚决定书载明的违法行为与事实不符，见附件。"},
          {"attachments", std::move(attachments)}};
}

server::ClientResponse file(Site& site, const std::string& what, const boost::json::object& body) {
  return site.call("POST", "/public/" + what, "", boost::json::serialize(body));
}

boost::json::object public_record(Site& site, const boost::json::object& rec) {
  auto r = site.call("GET", "/public/records/" + std::string(rec.at("region").as_string()) + "/" +
                                std::to_string(rec.at("id").as_int64()));
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
  return json_of(r).as_object();
}

std::vector<std::string> steps_of(const boost::json::value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.at("steps").as_array()) out.emplace_back(s.at("step").as_string());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(applications)

BOOST_AUTO_TEST_CASE(an_objection_filed_by_the_subject_accepted_and_corrected) {
  Site site;
  auto rec = published(site);

  // Two attachments, uploaded first and named by id.
  const std::string proof = uploaded(site, "证明材料.pdf", pdf_bytes());
  const std::string photo = uploaded(site, "现场照片.png", png_bytes());

  // A wrong subject code is answered exactly as a record that does not exist.
  auto wrong = file(site, "objections", objection(rec, "91410505MA9K3W8L8X"));
  BOOST_TEST(wrong.status == 404);
  auto nothing_there = objection(rec, kSubject);
  nothing_there["id"] = 999999;
  auto missing = file(site, "objections", nothing_there);
  BOOST_TEST(missing.status == 404);
  BOOST_TEST(json_of(wrong).at("message_zh") == json_of(missing).at("message_zh"));
  BOOST_TEST(wrong.body.find("安阳") == std::string::npos);  // nothing of the record leaks
  BOOST_TEST(site.count("applications") == 0);

  // Every problem of a filing comes back field by field, and nothing is filed.
  auto bad = objection(rec, kSubject);
  bad["type"] = "投诉";
  bad["contact_phone"] = "call me";
  bad["description"] = "";
  auto refused = file(site, "objections", bad);
  BOOST_TEST(refused.status == 400);
  std::set<std::string> fields;
  const auto problems = json_of(refused);
  for (const auto& f : problems.at("fields").as_array()) {
    fields.insert(std::string(f.at("field").as_string()));
  }
  BOOST_TEST(fields == (std::set<std::string>{"type", "contact_phone", "description"}),
             boost::test_tools::per_element());

  // The subject's code matches: the objection is filed with its attachments.
  auto filed = file(site, "objections", objection(rec, kSubject, {proof.c_str(), photo.c_str()}));
  BOOST_REQUIRE_MESSAGE(filed.status == 201, filed.body);
  const auto answer = json_of(filed);
  const std::string number(answer.at("number").as_string());
  const std::string code(answer.at("code").as_string());
  BOOST_TEST(number.starts_with("YY"));
  BOOST_TEST(code.size() == 8u);
  BOOST_TEST(answer.at("state").as_string() == "filed");

  // One objection to a record may be open at a time.
  auto again = file(site, "objections", objection(rec, kSubject, {proof.c_str()}));
  BOOST_TEST(again.status == 409);  // and one objection is open already
  BOOST_TEST(std::string(json_of(again).at("message_zh").as_string()).find(number) !=
             std::string::npos);

  // The subject follows it with the code; a wrong code learns nothing.
  const std::string query = "/public/objections/" + number;
  BOOST_TEST(site.call("GET", query + "?code=AAAAAAAA").status == 404);
  auto seen = json_of(site.call("GET", query + "?code=" + code));
  BOOST_TEST(seen.at("state").as_string() == "filed");
  BOOST_TEST(seen.at("attachments").as_array().size() == 2u);
  BOOST_TEST(!seen.as_object().contains("contact_phone"));

  // The handlers' queue lists it, with its attachments; the record's department sees it too,
  // another department does not.
  auto queue = json_of(site.call("GET", "/api/v1/objections?state=filed", "handler"));
  BOOST_REQUIRE(queue.at("items").as_array().size() == 1u);
  const auto& item = queue.at("items").as_array()[0];
  BOOST_TEST(item.at("number").as_string() == number);
  BOOST_TEST(item.at("contact_phone").as_string() == "0372-5123456");
  BOOST_TEST(item.at("channel").as_string() == "online");
  BOOST_TEST(
      json_of(site.call("GET", "/api/v1/objections", "admin")).at("items").as_array().size() == 1u);
  BOOST_TEST(json_of(site.call("GET", "/api/v1/objections", "other_admin"))
                 .at("items")
                 .as_array()
                 .empty());

  // Attachments are served to those who may see the objection, byte for byte.
  std::string url;
  for (const auto& a : item.at("attachments").as_array()) {
    if (a.at("file_name") == "证明材料.pdf") url = std::string(a.at("url").as_string());
  }
  BOOST_REQUIRE(!url.empty());
  auto bytes = site.call("GET", url, "handler");
  BOOST_TEST(bytes.status == 200);
  BOOST_TEST(bytes.body == pdf_bytes());
  BOOST_TEST(site.call("GET", url, "other_admin").status == 404);
  BOOST_TEST(site.call("GET", url).status == 401);

  // A filler may not accept; the handler accepts: the record is under objection, on the public
  // page with that label, and the three-working-day clock runs.
  BOOST_TEST(site.call("POST", "/api/v1/objections/" + number + "/accept", "filler").status == 403);
  auto accepted = site.call("POST", "/api/v1/objections/" + number + "/accept", "handler",
                            R"({"comment":"材料齐全，予以受理"})");
  BOOST_REQUIRE_MESSAGE(accepted.status == 200, accepted.body);
  const auto acc = json_of(accepted);
  BOOST_TEST(acc.at("state").as_string() == "accepted");
  BOOST_TEST(acc.at("record").at("state").as_string() == "objected");
  BOOST_TEST(acc.at("due").at("working_days_left").as_int64() == 3);
  BOOST_TEST(site.call("POST", "/api/v1/objections/" + number + "/accept", "handler").status ==
             409);
  BOOST_TEST(public_record(site, rec).at("status_label").as_string() == "异议处理中");

  // Corrected within the clock, with the new values.
  rec = json_of(site.call("GET", path_of(rec), "handler")).as_object();
  auto no_fields = site.take(rec, "correct", "handler", "核实后更正");
  BOOST_TEST(no_fields.status == 400);
  auto invalid =
      site.take(rec, "correct", "handler", "核实后更正", {{"fields", {{"CF_JDRQ", "2024-13-40"}}}});
  BOOST_TEST(invalid.status == 400);
  BOOST_TEST(invalid.body.find("CF_JDRQ") != std::string::npos);
  rec = site.took(rec, "correct", "handler", "核实后更正",
                  {{"fields", {{"CF_WFXW", "销售标签不符合规定的食品"}}}});
  BOOST_TEST(rec.at("state").as_string() == "corrected");

  // The public page shows the corrected values only.
  const auto shown = public_record(site, rec);
  BOOST_TEST(shown.at("fields").at("CF_WFXW").as_string() == "销售标签不符合规定的食品");
  BOOST_TEST(shown.at("corrected").as_bool());
  BOOST_TEST(boost::json::serialize(shown).find("销售超过保质期的食品") == std::string::npos);

  // The history keeps the old value beside the new one.
  auto history = json_of(site.call("GET", path_of(rec) + "/history", "office"));
  const auto& last = history.at("events").as_array().back();
  BOOST_TEST(last.at("event").as_string() == "correct");
  const auto& diff = last.at("payload").at("changes").at("CF_WFXW");
  BOOST_TEST(diff.at("from").as_string() == "销售超过保质期的食品");
  BOOST_TEST(diff.at("to").as_string() == "销售标签不符合规定的食品");
  BOOST_TEST(last.at("payload").at("reason").as_string() == "核实后更正");

  // The subject sees each step with its date, and the outcome.
  seen = json_of(site.call("GET", query + "?code=" + code));
  BOOST_TEST(seen.at("state").as_string() == "closed");
  BOOST_TEST(steps_of(seen) == (std::vector<std::string>{"filed", "accepted", "closed"}),
             boost::test_tools::per_element());
  BOOST_TEST(seen.at("steps").as_array()[2].at("label").as_string() == "异议成立，更正后重新公示");
  BOOST_TEST(seen.at("record").at("corrected").as_bool());
}

BOOST_AUTO_TEST_CASE(refused_objections_paper_objections_and_department_amendments) {
  Site site;
  auto rec = published(site);
  auto filed = json_of(file(site, "objections", objection(rec, kSubject)));
  const std::string number(filed.at("number").as_string());
  const std::string code(filed.at("code").as_string());

  // 不予受理 needs a reason and leaves the record as it was.
  const std::string path = "/api/v1/objections/" + number + "/refuse";
  BOOST_TEST(site.call("POST", path, "handler", "{}").status == 400);
  auto refused = site.call("POST", path, "handler", R"({"reason":"异议内容与记录无关"})");
  BOOST_REQUIRE_MESSAGE(refused.status == 200, refused.body);
  BOOST_TEST(json_of(refused).at("state").as_string() == "refused");
  BOOST_TEST(json_of(site.call("GET", path_of(rec), "handler")).at("state").as_string() ==
             "published");
  auto seen = json_of(site.call("GET", "/public/objections/" + number + "?code=" + code));
  BOOST_TEST(steps_of(seen) == (std::vector<std::string>{"filed", "refused"}),
             boost::test_tools::per_element());
  BOOST_TEST(seen.at("steps").as_array()[1].at("reason").as_string() == "异议内容与记录无关");

  // Once refused, the subject may object again.
  BOOST_TEST(file(site, "objections", objection(rec, kSubject)).status == 201);
  auto queue = json_of(site.call("GET", "/api/v1/objections?state=filed", "handler"));
  const std::string second(queue.at("items").as_array()[0].at("number").as_string());
  site.call("POST", "/api/v1/objections/" + second + "/refuse", "handler", R"({"reason":"重复"})");

  // An objection received by letter is registered by staff with its channel.
  rec = json_of(site.call("GET", path_of(rec), "handler")).as_object();
  rec = site.took(rec, "object", "handler", "当事人来信称处罚内容有误", {{"channel", "letter"}});
  queue = json_of(site.call("GET", "/api/v1/objections?state=accepted", "handler"));
  BOOST_REQUIRE(queue.at("items").as_array().size() == 1u);
  BOOST_TEST(queue.at("items").as_array()[0].at("channel").as_string() == "letter");
  const std::string paper(queue.at("items").as_array()[0].at("number").as_string());
  rec = site.took(rec, "dismiss_objection", "handler", "经核实记录无误");
  auto settled = json_of(site.call("GET", "/api/v1/objections/" + paper, "handler"));
  BOOST_TEST(settled.at("state").as_string() == "closed");
  BOOST_TEST(settled.at("outcome").as_string() == "dismiss_objection");
  BOOST_TEST(settled.at("reason").as_string() == "经核实记录无误");

  // 部门更正: the department's admin corrects a typo it found itself; a reviewer may not.
  BOOST_TEST(
      site.take(rec, "amend", "reviewer", "笔误", {{"fields", {{"CF_NR", "警告"}}}}).status == 403);
  rec = site.took(rec, "amend", "admin", "更正笔误",
                  {{"fields", {{"CF_NR", "警告，并处罚款贰仟元"}}}});
  BOOST_TEST(rec.at("state").as_string() == "corrected");
  BOOST_TEST(public_record(site, rec).at("fields").at("CF_NR").as_string() ==
             "警告，并处罚款贰仟元");
  // The natural key stays: a correction cannot change the 决定书文号.
  auto key = site.take(rec, "amend", "admin", "改文号",
                       {{"fields", {{"CF_WSH", "殷市监罚〔2024〕99号"}}}});
  BOOST_TEST(key.status == 409);
  // An event that changes no fields refuses them.
  BOOST_TEST(site.take(rec, "object", "handler", "x", {{"fields", {{"CF_NR", "y"}}}}).status ==
             400);
}

BOOST_AUTO_TEST_CASE(an_objections_clock_runs_from_the_day_it_was_filed) {
  // Filed on Friday 2024-07-05: three working days are Mon 8, Tue 9 and Wed 10 July.
  Site site;
  auto rec = published(site);
  auto page = public_record(site, rec);
  BOOST_TEST(!page.at("objection_open").as_bool());
  std::set<std::string> may;
  for (const auto& k : page.at("may_file").as_array()) may.emplace(k.as_string());
  BOOST_TEST(may.count("objection") == 1u);
  // Decided days ago: the minimum publication period has not passed, and the page says why.
  BOOST_TEST(may.count("repair") == 0u);
  BOOST_TEST(page.at("repair_refusal").is_string());

  auto filed = file(site, "objections", objection(rec, kSubject));
  BOOST_REQUIRE_MESSAGE(filed.status == 201, filed.body);
  const std::string number(json_of(filed).at("number").as_string());
  // Waiting for 受理, its clock already runs; the public page says an objection is open.
  auto waiting = json_of(site.call("GET", "/api/v1/objections/" + number, "handler"));
  BOOST_TEST(waiting.at("due").at("date").as_string() == "2024-07-10");
  BOOST_TEST(waiting.at("due").at("working_days_left").as_int64() == 3);
  page = public_record(site, rec);
  BOOST_TEST(page.at("objection_open").as_bool());
  BOOST_TEST(page.at("status_label").as_string() == "异议处理中");
  BOOST_TEST(std::string(page.at("repair_refusal").as_string()).find("异议") != std::string::npos);
  for (const auto& k : page.at("may_file").as_array()) BOOST_TEST(k.as_string() != "objection");

  auto other = published(site, {{"CF_WSH", "殷市监罚〔2024〕77号"}});  // for a letter, below

  // Accepted on Tuesday: still due on Wednesday, one working day left, not three more.
  site.server = std::make_unique<ServerProcess>(
      Site::serve_args(site.tdb.url, "600", "2024-07-09T09:00:00+08:00"));
  site.token.clear();
  waiting = json_of(site.call("GET", "/api/v1/objections/" + number, "handler"));
  BOOST_TEST(waiting.at("due").at("working_days_left").as_int64() == 1);
  auto accepted = site.call("POST", "/api/v1/objections/" + number + "/accept", "handler");
  BOOST_REQUIRE_MESSAGE(accepted.status == 200, accepted.body);
  BOOST_TEST(json_of(accepted).at("due").at("date").as_string() == "2024-07-10");
  BOOST_TEST(json_of(site.call("GET", path_of(rec), "handler"))
                 .at("deadlines")
                 .at("objection_due")
                 .as_string() == "2024-07-10");
  auto history = json_of(site.call("GET", path_of(rec) + "/history", "handler"));
  BOOST_TEST(history.at("events").as_array().back().at("payload").at("received_on").as_string() ==
             "2024-07-05");

  // Staff registering a letter say the day it arrived; a day after today is refused.
  other = json_of(site.call("GET", path_of(other), "handler")).as_object();
  BOOST_TEST(
      site.take(other, "object", "handler", "来信", {{"received_on", "2024-07-10"}}).status == 400);
  BOOST_TEST(site.take(other, "object", "handler", "来信", {{"received_on", "7月8日"}}).status ==
             400);
  // Nor one before the record was published.
  BOOST_TEST(
      site.take(other, "object", "handler", "来信", {{"received_on", "2024-07-04"}}).status == 400);
  other = site.took(other, "object", "handler", "来信", {{"received_on", "2024-07-08"}});
  BOOST_TEST(other.at("deadlines").at("objection_due").as_string() == "2024-07-11");
  // An event that sets no time limit takes no received_on.
  BOOST_TEST(
      site.take(other, "dismiss_objection", "handler", "无误", {{"received_on", "2024-07-08"}})
          .status == 400);
}

BOOST_AUTO_TEST_CASE(attachments_are_checked_by_content_and_size) {
  Site site;
  // HTML named .pdf is refused; so is anything above the limit; nothing is left behind.
  auto disguised = upload(site, "判决书.pdf", "<html><script>alert(1)</script></html>");
  BOOST_TEST(disguised.status == 400);
  BOOST_TEST(json_of(disguised).at("message_zh").as_string().find("PDF") != std::string::npos);
  std::string big = pdf_bytes();
  big.resize((10u << 20) + 1, ' ');
  auto too_big = upload(site, "big.pdf", big);
  BOOST_TEST(too_big.status == 413);
  BOOST_TEST(upload(site, "", "").status == 400);
  BOOST_TEST(site.count("attachments") == 0);
  BOOST_TEST(site.count("attachment_chunks") == 0);
  // Exactly at the limit is accepted, and kept whole (in several chunks).
  std::string largest = pdf_bytes();
  largest.resize(10u << 20, 'x');
  const std::string id = uploaded(site, "largest.pdf", largest);
  BOOST_TEST(site.count("attachment_chunks") == 20);
  auto rec = published(site);
  auto filed = file(site, "objections", objection(rec, kSubject, {id.c_str()}));
  BOOST_REQUIRE(filed.status == 201);
  auto queue = json_of(site.call("GET", "/api/v1/objections", "handler"));
  const auto& a = queue.at("items").as_array()[0].at("attachments").as_array()[0];
  BOOST_TEST(a.at("size").as_int64() == static_cast<std::int64_t>(largest.size()));
  BOOST_TEST(site.call("GET", std::string(a.at("url").as_string()), "office").body == largest);
  // An unknown attachment id refuses the whole filing.
  auto other = published(site, {{"CF_WSH", "殷市监罚〔2024〕16号"}});
  auto unknown = file(site, "objections", objection(other, kSubject, {"0123456789abcdef"}));
  BOOST_TEST(unknown.status == 400);
  BOOST_TEST(site.count("applications") == 1);
}

BOOST_AUTO_TEST_CASE(a_repair_refused_before_eligibility_and_granted_after) {
  Site site;
  // An advertising penalty decided 2024-07-03: repair from 2024-10-03 (令第58号).
  auto rec = published(
      site, {{"CF_YJ", "《中华人民共和国广告法》第五十八条"}, {"CF_WFXW", "发布虚假广告"}});
  BOOST_TEST(rec.at("deadlines").at("repair_from").as_string() == "2024-10-03");
  const std::string commitment = uploaded(site, "信用承诺书.pdf", pdf_bytes());
  const std::string receipt = uploaded(site, "罚款缴纳凭证.png", png_bytes());
  boost::json::object body{{"region", rec.at("region")},
                           {"id", rec.at("id")},
                           {"subject_code", kSubject},
                           {"contact_name", "王某"},
                           {"contact_phone", "13800000000"},
                           {"description", "已按期缴纳罚款并完成整改。"},
                           {"attachments", {commitment.c_str(), receipt.c_str()}}};
  auto early = file(site, "repairs", body);
  BOOST_TEST(early.status == 400);
  BOOST_TEST(json_of(early).at("message_zh").as_string().find("信用修复") != std::string::npos);
  BOOST_TEST(site.count("applications") == 0);

  // In October the same application goes through: the record waits for the credit office.
  site.server = std::make_unique<ServerProcess>(
      Site::serve_args(site.tdb.url, "600", "2024-10-10T09:00:00+08:00"));
  site.token.clear();
  // While an objection to it waits for 受理, the repair waits too (it would leave the objection
  // nothing to be accepted into); once the objection is refused it goes through.
  auto objected = file(site, "objections", objection(rec, kSubject));
  BOOST_REQUIRE_MESSAGE(objected.status == 201, objected.body);
  BOOST_TEST(file(site, "repairs", body).status == 409);
  const std::string objection_no(json_of(objected).at("number").as_string());
  BOOST_TEST(site.call("POST", "/api/v1/objections/" + objection_no + "/refuse", "handler",
                       R"({"reason":"与记录无关"})")
                 .status == 200);
  auto filed = file(site, "repairs", body);
  BOOST_REQUIRE_MESSAGE(filed.status == 201, filed.body);
  const std::string number(json_of(filed).at("number").as_string());
  const std::string code(json_of(filed).at("code").as_string());
  BOOST_TEST(number.starts_with("XF"));
  BOOST_TEST(file(site, "repairs", body).status == 409);  // one at a time

  auto queue = json_of(site.call("GET", "/api/v1/repairs?state=accepted", "office"));
  BOOST_REQUIRE(queue.at("items").as_array().size() == 1u);
  const auto& item = queue.at("items").as_array()[0];
  BOOST_TEST(item.at("attachments").as_array().size() == 2u);
  BOOST_TEST(item.at("record").at("state").as_string() == "repair_requested");
  BOOST_TEST(!item.at("due").is_null());
  BOOST_TEST(public_record(site, rec).at("status_label").as_string() == "信用修复申请中");

  rec = json_of(site.call("GET", path_of(rec), "office")).as_object();
  rec = site.took(rec, "grant_repair", "office", "已履行处罚决定，准予修复");
  BOOST_TEST(rec.at("state").as_string() == "repaired");
  auto seen = json_of(site.call("GET", "/public/repairs/" + number + "?code=" + code));
  BOOST_TEST(seen.at("state").as_string() == "closed");
  BOOST_TEST(seen.at("steps").as_array().back().at("label").as_string() == "准予信用修复");
  // The history names the subject's application as the actor of the request.
  auto history = json_of(site.call("GET", path_of(rec) + "/history", "office"));
  bool found = false;
  for (const auto& e : history.at("events").as_array()) {
    if (e.at("event") == "request_repair") {
      found = true;
      BOOST_TEST(e.at("actor_role").as_string() == "subject");
      BOOST_TEST(e.at("payload").at("application").as_string() == number);
    }
  }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(no_account_holds_the_subjects_role) {
  Site site;
  for (const char* role : {"subject", "system"}) {
    const std::string body = R"({"login":"x9","password":"password-1","region":"410505",)"
                             R"("roles":[")" +
                             std::string(role) + R"("]})";
    auto r = site.call("POST", "/api/v1/users", "sysadmin", body);
    BOOST_TEST(r.status == 400, role << ": " << r.body);
  }
}

BOOST_AUTO_TEST_CASE(the_public_routes_are_rate_limited_per_address) {
  Site site({"--public-limit", "3"});
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(site.call("GET", "/public/objections/YY1?code=X").status == 404);
  }
  auto limited = site.call("GET", "/public/objections/YY1?code=X");
  BOOST_TEST(limited.status == 429);
  BOOST_TEST(json_of(limited).at("code").as_string() == "rate_limited");
  bool retry_after = false;
  for (const auto& [k, v] : limited.headers) {
    retry_after = retry_after || (k == "retry-after" && std::stoi(v) > 0);
  }
  BOOST_TEST(retry_after);
  BOOST_TEST(upload(site, "a.pdf", pdf_bytes()).status == 429);
  // The public record pages and the staff routes are not counted.
  BOOST_TEST(site.call("GET", "/public/records").status == 200);
  BOOST_TEST(site.call("GET", "/api/v1/objections", "handler").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
