-- The top level fills the memory cap, so the host's own pushes happen with nothing left.
local keep = {}
local ok = pcall(function()
  for i = 1, 1e9 do keep[i] = string.rep("x", 1000) .. i end
end)
filled = keep
tests = {{name = "t", kind = "penalty", expect = {scope = "社会公开"}}}
function validate(r, ctx) return {} end
function scope(r, d, ctx) return d end
