-- Test script: 殷都区 trying to publish penalties for five years. The national maximum refuses it.
rule = { region = "410505", name = "殷都区（测试）" }

function deadlines(record, current, ctx)
  if record.kind ~= "penalty" or not record.CF_JDRQ then return nil end
  return { publication_end = date.add_months(record.CF_JDRQ, 60) }
end

tests = {
  { name = "refused past the national maximum", kind = "penalty",
    expect = { error = "past the national maximum" } },
}
