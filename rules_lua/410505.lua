-- 殷都区 (410505) 双公示规则
-- 继承安阳市 (410500) 的 5 个工作日、迟报/漏报和公开范围规则；本区另有：
--   殷信用办〔2024〕14号：每月迟报率高于 20%、存在瞒报或产生有效异议的单位，须以正式文件报送
--   情况说明和整改方案；连续两次以上的，由区政府领导约谈单位"一把手"。
-- 这些是月度通报的口径（报表按 settings 读取）。
rule = { region = "410505", name = "殷都区" }

settings = {
  escalation_late_rate = 0.20,    -- 迟报率 > 20% 须书面说明
  summons_after_repeats = 2,      -- 连续两次以上约谈
}

tests = {
  { name = "inherits 安阳市's 5 working days", kind = "license",
    record = { XK_JDRQ = "2024-07-03" },
    expect = { publish_by = "2024-07-10", late_after = "2024-07-10", missing_after = "2024-08-09" } },
  { name = "inherits the concealment flag", kind = "penalty",
    record = { GKFW = "政务共享", GKFW_YJ = "《中华人民共和国保守国家秘密法》" },
    expect = { scope = "政务共享", flags = { "explanation_required" } } },
  { name = "a natural person's penalty is public but masked", kind = "penalty",
    record = { CF_XDR_MC = "李某", CF_XDR_LB = "自然人", CF_XDR_SHXYM = false, CF_FRDB = false,
               CF_XDR_ZJLX = "身份证", CF_XDR_ZJHM = "410505198506121232" },
    expect = { scope = "社会公开", mask = true, issues = {} } },
  { name = "a food-safety penalty: repair only after one year (令第58号)", kind = "penalty",
    today = "2025-07-02",
    expect = { repair_from = "2025-07-03", guards = { repair_eligible = false, penalty_only = true } } },
  { name = "a food-safety penalty: repair from the day the year has passed", kind = "penalty",
    today = "2025-07-03", expect = { guards = { repair_eligible = true } } },
  { name = "an advertising penalty: repair after three months (令第58号)", kind = "penalty",
    record = { CF_YJ = "《中华人民共和国广告法》第五十八条", CF_WFXW = "发布虚假广告" },
    today = "2024-10-02",
    expect = { sector = "", repair_from = "2024-10-03", publication_end = "2027-07-03",
               guards = { repair_eligible = false } } },
}
