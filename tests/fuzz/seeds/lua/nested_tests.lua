-- A tests table nested 200 deep: converted to JSON when the script is compiled.
local t = {}
for i = 1, 200 do t = {t} end
tests = {{name = "deep", kind = "penalty", expect = {scope = "社会公开"}, extra = t}}
