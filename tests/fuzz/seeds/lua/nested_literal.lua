-- Nested constructors written out, in each table the host reads.
rule = {region = "410505", meta = {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{1}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
settings = {escalation_late_rate = 0.2, x = {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{"a"}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
tests = {{name = "n", kind = "penalty", record = {BZ = "x"}, expect = {flags = {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{1}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
function scope(r, d, ctx)
  local t = {}
  for i = 1, 100 do t = {t} end
  return {scope = "社会公开", flags = t}
end
function validate(r, ctx)
  local t = {}
  for i = 1, 100 do t = {t} end
  return {{field = t, code = t, message_zh = t}}
end
function deadlines(r, d, ctx)
  local t = {}
  for i = 1, 100 do t = {publish_by = t} end
  return t
end
