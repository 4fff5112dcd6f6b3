-- A global nested 200 deep and one that refers to itself: frozen after the top level.
deep = {}
local d = deep
for i = 1, 200 do d.next = {}; d = d.next end
loop = {}
loop.self = loop
function validate(r, ctx) return {} end
