-- 中牟县 (410122) 双公示规则
-- 依据：牟信用办〔2019〕5号及中牟县统计局实施方案（seed 004）：
--   作出决定之日起 7 个工作日内全量推送至信用平台；
--   接到异议信息核查通知后在三个工作日内处理完毕，并将核查后的信息同步至信用平台。
rule = { region = "410122", name = "中牟县" }

settings = {
  publish_working_days = 7,
  objection_working_days = 3,
}

function sla(event, current, ctx)
  if event == "object" then return settings.objection_working_days end
  return nil
end

tests = {
  { name = "objections settled within 3 working days", kind = "penalty",
    expect = { sla = { object = 3, revoke = 3 } } },
  { name = "7 working days across the 2026 National Day week", kind = "license",
    record = { XK_JDRQ = "2026-09-30", XK_YXQZ = "2026-09-30" },
    expect = { publish_by = "2026-10-15" } },
  { name = "a deadline that runs into 2027 is provisional: weekdays only until the notice is loaded",
    kind = "penalty", record = { CF_JDRQ = "2026-12-24", CF_YXQ = "2027-12-24" },
    expect = { publish_by = "2027-01-04", provisional = true,
               regime = "ndrc-order-2025-36", tier = "一般",
               repair_from = "2027-03-24", publication_end = "2027-12-24" } },
  { name = "a deadline inside 2026 is exact", kind = "penalty",
    record = { CF_JDRQ = "2026-12-21", CF_YXQ = "2027-12-21" },
    expect = { publish_by = "2026-12-30", provisional = false } },
}
