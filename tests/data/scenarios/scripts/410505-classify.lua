-- Test script: 殷都区 classing food-safety penalties as 严重 (a made-up local rule).
rule = { region = "410505", name = "殷都区（测试）" }

function classify(record, current, ctx)
  if record.CF_YJ and string.find(record.CF_YJ, "食品安全法", 1, true) then
    return { tier = "严重", reason = "本区将食品安全处罚列为严重失信（测试）" }
  end
  return nil
end

tests = {
  { name = "food safety is 严重 here", kind = "penalty", record = { CF_JDRQ = "2026-05-06", CF_YXQ = "2027-05-06" },
    expect = { tier = "严重", regime = "ndrc-order-2025-36", repair_from = "2027-05-06" } },
}
