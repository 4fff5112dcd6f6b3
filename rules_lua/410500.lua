-- 安阳市 (410500) 双公示规则
-- 依据：殷信用办〔2024〕14号《殷都区"双公示"工作7月份情况通报》所述安阳市要求（seed 003）：
--   作出决定之日起 5 个工作日内全量推送至安阳市信用信息共享平台；
--   5 个工作日外报送计为迟报；超过公示期 30 天计为漏报；
--   公开范围统一为"社会公开"；选择"政务共享"或"授权查询"须由数源部门出具情况说明和法律依据，
--   否则国家和省月度抽查认定为瞒报。
rule = { region = "410500", name = "安阳市" }

settings = {
  publish_working_days = 5,  -- 5 个工作日
  missing_after_days = 30,   -- 超过公示期 30 天 = 漏报（日历日）
}

local function decided(record)
  return record.XK_JDRQ or record.CF_JDRQ
end

function deadlines(record, current, ctx)
  local d = decided(record)
  if not d then return nil end
  local publish_by = cal.add_working_days(d, settings.publish_working_days)
  return {
    publish_by = publish_by,
    late_after = publish_by,
    missing_after = date.add_days(publish_by, settings.missing_after_days),
  }
end

function scope(record, current, ctx)
  if current.scope == "社会公开" then return nil end
  local flags = {}
  for _, f in ipairs(current.flags) do flags[#flags + 1] = f end
  if current.basis == "" then
    flags[#flags + 1] = "concealment_risk"      -- 无依据不公开：瞒报风险
  else
    flags[#flags + 1] = "explanation_required"  -- 有依据：须报送情况说明
  end
  return {
    flags = flags,
    reason = current.reason .. "；安阳市要求不公开须由数源部门出具情况说明，否则按瞒报认定",
  }
end

tests = {
  { name = "5 working days from a Wednesday", kind = "penalty",
    record = { CF_JDRQ = "2024-07-03" },
    expect = { publish_by = "2024-07-10", late_after = "2024-07-10", missing_after = "2024-08-09",
               publication_end = "2027-07-03", scope = "社会公开", flags = {}, issues = {} } },
  { name = "the National Day week and its make-up Sunday", kind = "license",
    record = { XK_JDRQ = "2024-09-27", XK_YXQZ = "2024-09-27" },
    expect = { publish_by = "2024-10-10", missing_after = "2024-11-09", publication_end = "2029-07-02" } },
  { name = "government-shared with a basis needs an explanation", kind = "license",
    record = { GKFW = "政务共享", GKFW_YJ = "《中华人民共和国个人信息保护法》第二十八条" },
    expect = { scope = "政务共享", flags = { "explanation_required" }, issues = {} } },
  { name = "government-shared without a basis is a concealment risk and invalid", kind = "penalty",
    record = { GKFW = "授权查询" },
    expect = { scope = "授权查询", flags = { "concealment_risk" }, issues = { "GKFW_YJ:required" } } },
  { name = "the national rules still validate", kind = "penalty",
    record = { CF_NR_FK = false },
    expect = { issues = { "CF_NR_FK:required" }, publish_by = "2024-07-10" } },
}
