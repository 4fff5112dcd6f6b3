-- 黑河市 (231100) 双公示规则
-- 依据：黑市诚信办发〔2019〕8号（seed 000）：7 个工作日；附件1 把"届满到期及自然人"的信息计为
--   "审批通过未公示"：自然人的行政许可和行政处罚信息在本市只归集、共享，不向社会公示。
rule = { region = "231100", name = "黑河市" }

settings = {
  publish_working_days = 7,
  natural_person_basis = "黑市诚信办发〔2019〕8号附件1：自然人信息审批通过后不向社会公示",
}

function scope(record, current, ctx)
  local category = record.XK_XDR_LB or record.CF_XDR_LB
  if category ~= "自然人" then return nil end
  return {
    scope = "政务共享",
    basis = settings.natural_person_basis,
    reason = "行政相对人为自然人：黑河市只归集共享，不向社会公示",
  }
end

tests = {
  { name = "a natural person's license is shared, not published", kind = "license",
    record = { XK_XDR_MC = "李某", XK_XDR_LB = "自然人", XK_XDR_SHXYM = false, XK_FRDB = false,
               XK_XDR_ZJLX = "身份证", XK_XDR_ZJHM = "410122199202290044" },
    expect = { scope = "政务共享", mask = true, issues = {},
               guards = { scope_public = false, scope_restricted = true } } },
  { name = "a company's penalty is published", kind = "penalty",
    expect = { scope = "社会公开", publish_by = "2024-07-12", guards = { scope_public = true } } },
}
