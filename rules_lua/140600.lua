-- 朔州市 (140600) 双公示规则
-- 依据：朔发改财办秘发〔2021〕471号《朔州市行政许可和行政处罚等信用信息公示工作实施方案》
-- （seed 002）：作出决定之日起 7 个工作日内在门户网站公示并同步报送市信用信息共享平台；
--   "公开为常态、不公开为例外"，除涉及国家秘密、商业秘密或个人隐私等依法不予公开的外均应公开。
rule = { region = "140600", name = "朔州市" }

-- 7 个工作日即国家默认期限（national_standard 插件），本市不另行规定；测试确认其结果。

tests = {
  { name = "7 working days across the 2025 National Day week", kind = "penalty",
    record = { CF_JDRQ = "2025-09-30", CF_YXQ = "2026-09-30" }, today = "2025-10-20",
    expect = { publish_by = "2025-10-16", issues = {},
               -- 令第58号: a food-safety penalty, one year to three years from the decision
               regime = "ndrc-order-2023-58", sector = "食品",
               repair_from = "2026-09-30", publication_end = "2028-09-30" } },
  { name = "public by default", kind = "license",
    expect = { scope = "社会公开", mask = false, flags = {} } },
}
