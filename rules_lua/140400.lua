-- 长治市 (140400) 双公示规则
-- 依据：长信办发〔2020〕1号（seed 001）："双公示"信息自作出行政决定之日起七个工作日内对外公示；
--   公开范围为"政务公开"或"社会公开"（"政务公开"按政务共享处理）；
--   确保行政相对人、决定机关和来源单位统一社会信用代码准确、无遗漏。
rule = { region = "140400", name = "长治市" }

-- 7 个工作日即国家默认期限（national_standard 插件），本市不另行规定；测试确认其结果。

tests = {
  { name = "7 working days across the Spring Festival", kind = "license",
    record = { XK_JDRQ = "2024-02-08", XK_YXQZ = "2024-02-08" },
    expect = { publish_by = "2024-02-23", late_after = "2024-02-23", missing_after = "2024-03-24" } },
  { name = "政务公开 is read as 政务共享 and needs a basis", kind = "penalty",
    record = { GKFW = "政务公开" },
    expect = { scope = "政务共享", issues = { "GKFW_YJ:required" } } },
  { name = "the decision-maker's code must be right", kind = "penalty",
    record = { CF_CFJGDM = "11230500001755309E" },
    expect = { issues = { "CF_CFJGDM:invalid_uscc" } } },
}
