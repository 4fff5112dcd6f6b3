// gongshi demo: fills a database with a realistic demo — the seed regions and the departments
// and townships of 殷都区's monthly 通报 (seed 003), a user for every role, and a few hundred
// records in every state of the lifecycle, some reported late or not at all, one objection open.
#include <boost/json.hpp>
#include <iostream>
#include <random>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "cli/demo_pdf.hpp"
#include "engine/service/services.hpp"

namespace gongshi::cli {

namespace {

constexpr const char* kPassword = "Gongshi-demo1";

// 殷都区's departments and townships, as seed 003's monthly 通报 lists them.
const char* kDepartments[] = {"殷都区教育局",
                              "殷都区公安局",
                              "殷都区交通运输局",
                              "殷都区发改委",
                              "殷都区卫生健康委",
                              "殷都区市场监督管理局",
                              "殷都区生态环境分局",
                              "殷都区应急局",
                              "殷都区林业局",
                              "殷都区水利局",
                              "殷都区文化广电体育旅游局",
                              "殷都区农业农村局",
                              "殷都区城管局",
                              "殷都区住房城乡建设局",
                              "殷都区财政局",
                              "殷都区人力资源社会保障局",
                              "殷都区统计局",
                              "殷都区工业和信息化局",
                              "殷都区司法局",
                              "殷都区审计局",
                              "殷都区医保局",
                              "殷都区自然资源局",
                              "殷都区民政局",
                              "殷都区商务局"};
const char* kTownships[] = {"伦掌镇", "安丰乡", "水冶镇", "西郊乡", "许家沟乡",
                            "铜冶镇", "曲沟镇", "都里镇", "磊口乡", "洪河屯乡"};

struct Seeded {
  std::vector<std::pair<std::int64_t, std::string>> departments;  // id, name
  std::int64_t market = 0;
};

// The market regulator's contacts and its 双公示目录 (seed 000 附件2 and seed 001 附件1 ask
// every unit for both; the catalog is public on /gongshi/catalog).
Status seed_catalog(Services& services, const Seeded& s) {
  const Principal op = operator_principal();
  auto contacts = services.directory.update_contacts(
      op, s.market, {"王建国（副局长）", "法规科", "李敏", "0372-5961234"});
  if (!contacts) return contacts.error();
  struct Item {
    const char* power_type;
    const char* name;
    const char* basis;
    const char* subjects;
  };
  int seq = 0;
  for (const Item& i :
       {Item{"行政许可", "食品经营许可", "《中华人民共和国食品安全法》第三十五条",
             "法人及非法人组织、个体工商户"},
        Item{"行政许可", "特种设备使用登记", "《中华人民共和国特种设备安全法》第三十三条",
             "法人及非法人组织、个体工商户"},
        Item{"行政处罚", "对未取得食品经营许可从事食品经营活动的处罚",
             "《中华人民共和国食品安全法》第一百二十二条", "法人及非法人组织、个体工商户、自然人"},
        Item{"行政处罚", "对销售不符合安全标准产品的处罚", "《中华人民共和国产品质量法》第四十九条",
             "法人及非法人组织、个体工商户、自然人"}}) {
    CatalogItem item;
    item.region = "410505";
    item.department_id = s.market;
    item.seq = ++seq;
    item.power_type = i.power_type;
    item.name = i.name;
    item.basis = i.basis;
    item.subject_categories = i.subjects;
    if (auto added = services.directory.create_catalog_item(op, item); !added) {
      return added.error();
    }
  }
  return ok_status();
}

Result<Seeded> seed_directory(Services& services) {
  Seeded s;
  const Principal op = operator_principal();
  const auto add = [&](const char* region, const char* kind,
                       const char* name) -> Result<std::int64_t> {
    DepartmentInput in;
    in.region = region;
    in.kind = kind;
    in.name = name;
    auto d = services.directory.create_department(op, in);
    if (!d) return d.error();
    return d->id;
  };
  for (const char* name : kDepartments) {
    auto id = add("410505", "department", name);
    if (!id) return id.error();
    s.departments.emplace_back(*id, name);
    if (std::string(name) == "殷都区市场监督管理局") s.market = *id;
  }
  for (const char* name : kTownships) {
    auto id = add("410505", "township", name);
    if (!id) return id.error();
    s.departments.emplace_back(*id, name);
  }
  for (const char* region : {"410500", "140400", "140600", "231100", "410122"}) {
    for (const char* name : {"市场监督管理局", "交通运输局"}) {
      if (auto id = add(region, "department", name); !id) return id.error();
    }
  }
  if (auto st = seed_catalog(services, s); !st) return st.error();
  struct U {
    const char* login;
    const char* name;
    const char* region;
    std::optional<std::int64_t> dept;
    std::vector<std::string> roles;
  };
  for (const U& u : {U{"tianbao", "市场监管局填报员", "410505", s.market, {"filler"}},
                     U{"shenhe", "市场监管局审核员", "410505", s.market, {"reviewer"}},
                     U{"guanli", "市场监管局部门管理员", "410505", s.market, {"dept_admin"}},
                     U{"yiyi", "殷都区异议处理", "410505", {}, {"objection_handler"}},
                     U{"xinyongban", "殷都区信用办", "410505", {}, {"credit_office"}},
                     U{"anyang", "安阳市信用办", "410500", {}, {"credit_office"}},
                     U{"admin", "系统管理员", "000000", {}, {"sysadmin"}}}) {
    auto added = services.directory.add_user_unchecked(
        {u.region, u.dept, u.login, u.name, kPassword, u.roles});
    if (!added) return added.error();
  }
  return s;
}

// The states records are sent to, from the lifecycle: every state a user can reach, the first
// public one more often (most records are simply published).
std::vector<std::string> demo_states(const Lifecycle& lc) {
  std::vector<std::string> out;
  std::string common;
  for (const auto& s : lc.states()) {
    if (s.name != lc.initial() && lc.path_to(s.name).empty()) continue;  // only the system goes
    out.push_back(s.name);
    if (common.empty() && s.public_page) common = s.name;
  }
  for (int i = 0; i < 4; ++i) out.push_back(common);
  return out;
}

bool path_has_guard(const Lifecycle& lc, const std::string& state, std::string_view guard) {
  for (const auto& [edge, role] : lc.path_to(state)) {
    if (std::find(edge->guards.begin(), edge->guards.end(), guard) != edge->guards.end()) {
      return true;
    }
  }
  return false;
}

// A state in which the sweeper watches an objection's limit: the demo keeps one such record open.
bool holds_objection(const Lifecycle& lc, const std::string& state) {
  const StateInfo* s = lc.state(state);
  if (s == nullptr) return false;
  for (const auto& w : s->watches) {
    if (w.deadline == "objection_due") return true;
  }
  return false;
}

// The correction a demo record's `correct` or `amend` carries: its description, amended.
boost::json::object corrected_fields_of(const StoredRecord& r) {
  const char* code = r.kind == RecordKind::penalty ? "CF_WFXW" : "XK_NR";
  auto data = boost::json::parse(r.data).as_object();
  const auto* v = data.if_contains(code);
  const std::string before = v != nullptr && v->is_string() ? std::string(v->get_string()) : "";
  return {{code, before + "（更正）"}};
}

// Two applications from subjects, waiting for the staff: an objection to a published penalty
// (with its proof attached) and a credit repair of one whose minimum period has passed.
Status file_waiting_applications(Services& ctx, std::int64_t dept,
                                 const boost::json::object& sample, TimePoint now) {
  const Lifecycle& lc = ctx.lifecycle;
  const Date today = shanghai_date(now);
  std::vector<StoredRecord> published;
  for (int i = 0; i < 2; ++i) {
    const Date decided = add_days(today, -(i == 0 ? 10 : 120));
    CreateRequest req;
    req.region = "410505";
    req.department_id = dept;
    req.kind = RecordKind::penalty;
    req.fields = sample;
    req.fields["CF_WSH"] = "殷罚〔" + std::to_string(static_cast<int>(decided.year())) + "〕" +
                           std::to_string(9001 + i) + "号";
    req.fields["CF_JDRQ"] = format_date(decided);
    req.fields["CF_YXQ"] = format_date(add_months(decided, 12));
    req.fields["CF_YJ"] = "《中华人民共和国广告法》第五十八条";  // repair after three months
    req.fields["CF_WFXW"] = "发布虚假广告";
    const TimePoint at = TimePoint(std::chrono::sys_days(add_days(decided, 1)));
    auto created = ctx.engine.create(req, Actor{"tianbao", "filler"}, "", at);
    if (!created) return created.error();
    StoredRecord r = created->record;
    for (const auto& [edge, role] :
         lc.path_to(lc.states_where([](const StateInfo& s) { return s.public_page; }).front())) {
      auto next = ctx.engine.transition(r, edge->event, Actor{"demo", role}, r.version,
                                        {{"reason", "演示数据"}}, at + std::chrono::hours(1));
      if (!next) return next.error();
      r = *next;
    }
    published.push_back(r);
  }
  auto proof = ctx.applications.upload(
      {text_pdf({"情况说明",
                 "处罚决定书 " + published[0].document_no + " 载明的违法行为与事实不符。",
                 "（演示数据：当事人提交的情况说明）"}),
       "情况说明.pdf", "public:127.0.0.1"},
      now);
  if (!proof) return proof.error();
  auto pledge = ctx.applications.upload(
      {text_pdf({"信用承诺书", "本单位已履行行政处罚决定，缴清罚款并完成整改，",
                 "承诺今后依法经营，如违背承诺自愿接受惩戒。", "（演示数据）"}),
       "信用承诺书.pdf", "public:127.0.0.1"},
      now);
  if (!pledge) return pledge.error();
  Filing objection{"objection",     "410505",
                   published[0].id, published[0].subject_code,
                   "李某",          "0372-5123456",
                   "错误",          "处罚决定书载明的违法行为与事实不符，详见情况说明。",
                   {proof->id},     "127.0.0.1"};
  if (auto filed = ctx.applications.file(objection, now); !filed) return filed.error();
  Filing repair{"repair",
                "410505",
                published[1].id,
                published[1].subject_code,
                "王某",
                "13800000000",
                "",
                "已于决定作出后十五日内缴清罚款，并完成整改；附信用承诺书。",
                {pledge->id},
                "127.0.0.1"};
  if (auto filed = ctx.applications.file(repair, now); !filed) return filed.error();
  return ok_status();
}

}  // namespace

void add_demo_command(CLI::App& app, int& exit_code) {
  struct Options {
    CommonOptions common;
    std::string db;
    int records = 300;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("demo", "建立演示数据 / fill a new database with demo data");
  add_common_options(*cmd, o->common);
  cmd->add_option("--db", o->db, "database URL (a new one)")->required();
  cmd->add_option("--records", o->records, "records for 殷都区");
  cmd->callback([o, &exit_code] {
    auto opened = open_service_layer(o->common, o->db, 2);
    if (!opened) {
      exit_code = report(opened.error());
      return;
    }
    Services& ctx = **opened;
    const Lifecycle& lc = ctx.lifecycle;
    auto seeded = seed_directory(ctx);
    if (!seeded) {
      exit_code = report(seeded.error());
      return;
    }
    const TimePoint now = ctx.now();
    const Date today = shanghai_date(now);
    std::mt19937 rng(20240705);
    const std::vector<std::string> states = demo_states(lc);
    const std::string published = states.back();
    const auto penalty = ctx.rules_env->rules->samples().penalty;
    const auto license = ctx.rules_env->rules->samples().license;
    int stored = 0, refused = 0, late = 0;
    bool objection_open = false;
    for (int i = 0; i < o->records; ++i) {
      const auto& [dept, dept_name] = seeded->departments[rng() % seeded->departments.size()];
      const bool is_penalty = rng() % 3 == 0;
      // Decided 20–400 days ago; most reach gongshi within a few days, some weeks later.
      Date decided = add_days(today, -static_cast<int>(20 + rng() % 380));
      const int delay =
          rng() % 10 == 0 ? static_cast<int>(8 + rng() % 40) : static_cast<int>(rng() % 5);
      std::string state = states[static_cast<std::size_t>(i) % states.size()];
      if (!is_penalty && path_has_guard(lc, state, "penalty_only")) state = published;
      if (holds_objection(lc, state) && objection_open) {
        // Only one stays open: the others go on to the objection's outcome, published again.
        for (const auto* edge : lc.edges_from(state)) {
          if (edge->upheld_objection && lc.state(edge->to)->public_page) state = edge->to;
        }
      }
      // Repair needs the regime's minimum period behind it (令第58号: three months for an
      // advertising penalty; a food-safety one would wait a year).
      const bool repairing = path_has_guard(lc, state, "repair_eligible");
      if (repairing && days_between(decided, today) < 100) decided = add_days(today, -120);
      CreateRequest req;
      req.region = "410505";
      req.department_id = dept;
      req.kind = is_penalty ? RecordKind::penalty : RecordKind::license;
      req.fields = is_penalty ? penalty : license;
      const std::string no = std::to_string(i + 1);
      if (is_penalty) {
        req.fields["CF_WSH"] =
            "殷罚〔" + std::to_string(static_cast<int>(decided.year())) + "〕" + no + "号";
        req.fields["CF_JDRQ"] = format_date(decided);
        req.fields["CF_YXQ"] = format_date(add_months(decided, 12));
        req.fields["CF_CFJG"] = "安阳市" + dept_name;
        if (repairing) {
          req.fields["CF_YJ"] = "《中华人民共和国广告法》第五十八条";
          req.fields["CF_WFXW"] = "发布虚假广告";
        }
      } else {
        req.fields["XK_WSH"] =
            "殷许〔" + std::to_string(static_cast<int>(decided.year())) + "〕" + no + "号";
        req.fields["XK_JDRQ"] = format_date(decided);
        req.fields["XK_YXQZ"] = format_date(decided);
        req.fields["XK_YXQZI"] = format_date(add_months(decided, 60));
        req.fields["XK_XKJG"] = "安阳市" + dept_name;
      }
      if (path_has_guard(lc, state, "scope_restricted")) {
        req.fields["GKFW"] = "政务共享";
        req.fields["GKFW_YJ"] = "《中华人民共和国个人信息保护法》第十三条";
      }
      const auto received = std::chrono::sys_days(add_days(decided, delay)) + std::chrono::hours(2);
      const TimePoint at =
          std::min(now, TimePoint(std::chrono::floor<std::chrono::seconds>(received)));
      auto created = ctx.engine.create(req, Actor{"tianbao", "filler"}, "", at);
      if (!created) {
        ++refused;
        continue;
      }
      auto r = created->record;
      if (r.timeliness != "on_time") ++late;
      bool ok = true;
      for (const auto& [edge, role] : lc.path_to(state)) {
        boost::json::object payload{{"reason", "演示数据"}};
        // Review and publication follow the report; objections and repairs come later, today.
        bool early = false;
        for (const auto& w : lc.state(edge->from)->watches)
          early = early || w.deadline == "publish_by";
        const TimePoint when = early ? std::min(now, at + std::chrono::hours(1)) : now;
        TxStep extra;
        if (!edge->opens.empty()) {  // registered by staff, as if it came on paper
          ApplicationRow a = staff_application(edge->opens, r, "paper", "演示数据", "demo", when);
          payload["application"] = a.number;
          payload["channel"] = a.channel;
          extra = [a](Tx& tx, const StoredRecord&) { return insert_application(tx, a); };
        }
        if (edge->fields_required) payload["fields"] = corrected_fields_of(r);
        auto next = ctx.engine.transition(r, edge->event, Actor{"demo", role}, r.version, payload,
                                          when, extra);
        if (!next) {
          ok = false;
          break;
        }
        r = *next;
      }
      if (ok && holds_objection(lc, state)) objection_open = true;
      ++stored;
    }
    // A few records for the other seed regions.
    for (const char* region : {"410500", "140400", "140600", "231100", "410122"}) {
      for (int i = 0; i < 10; ++i) {
        CreateRequest req;
        req.region = region;
        req.kind = RecordKind::penalty;
        req.fields = penalty;
        req.fields["CF_WSH"] = std::string(region) + "罚〔2024〕" + std::to_string(i + 1) + "号";
        const Date decided = add_days(today, -(10 + i * 7));
        req.fields["CF_JDRQ"] = format_date(decided);
        req.fields["CF_YXQ"] = format_date(add_months(decided, 12));
        if (ctx.engine.create(req, Actor{"demo", "filler"}, "", now)) ++stored;
      }
    }
    auto waiting = file_waiting_applications(ctx, seeded->departments.front().first, penalty, now);
    if (!waiting) {
      exit_code = report(waiting.error());
      return;
    }
    stored += 2;
    auto swept = ctx.engine.sweep(now, 1000);
    std::cout << "demo: " << stored << " records (" << late << " reported late or missing, "
              << refused << " refused by the rules), " << seeded->departments.size()
              << " departments and townships of 殷都区";
    if (swept) std::cout << "; sweeper fired " << swept->fired;
    std::cout << "; waiting: an objection and a credit repair filed by the subject";
    std::cout
        << "\nlogins (password " << kPassword
        << "): tianbao 填报员, shenhe 审核员, guanli 部门管理员 (殷都区市场监督管理局); "
           "yiyi 异议处理, xinyongban 信用办 (殷都区); anyang 信用办 (安阳市); admin 系统管理员\n";
  });
}

}  // namespace gongshi::cli
