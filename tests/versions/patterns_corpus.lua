-- The differential corpus of tests/versions/patterns_test.cpp: every case runs through Lua's
-- own string.find, match, gmatch, gsub and rep (`original`) and through luaembed's budgeted
-- ones (`budgeted`, the string library of a state with call limits), and both must give the
-- same results, the same captures, the same calls to a replacement function and the same
-- errors, word for word and with the same position. Hand-written cases cover each feature and
-- each error; then cases generated from a fixed seed over a small alphabet and a pattern
-- grammar. Returns how many cases ran and what differed.
local original, budgeted, calls = ...  -- calls: pattern_calls.lua

local pack = table.pack or function(...) return {n = select("#", ...), ...} end
local unpack = table.unpack or unpack
local concat, type = table.concat, type
local show, describe = calls.show, calls.describe

-- Replacement functions for gsub, fresh for each run, which log how they are called.
local replacer = {}
local replacers = {
  upper = function(first) return first ~= nil and tostring(first):upper() end,
  none = function() return nil end,
  keep = function() return false end,
  number = function() return 42.5 end,
  table = function() return {} end,
  several = function(...) return select("#", ...) .. "x" end,
}
for name in pairs(replacers) do replacer[name] = {replacer = name} end
local function make_replacer(name, log)
  return function(...)
    log[#log + 1] = describe(...)
    return replacers[name](...)
  end
end
local lookup = {a = "A", b = false, ["1"] = "one", [1] = "pos1", [2] = 2.5, c = {}, ["("] = "paren", [""] = "empty"}

-- ---- comparing ---------------------------------------------------------------------------

local cases, mismatches = 0, {}

local function run(functions, name, args)
  local log = {}
  local actual = {}
  for i = 1, args.n do
    local value = args[i]
    if type(value) == "table" and value.replacer then value = make_replacer(value.replacer, log) end
    actual[i] = value
  end
  local result = calls.call(functions, name, unpack(actual, 1, args.n))
  if #log > 0 then result = result .. " calls " .. concat(log, " ") end
  return result
end

local function check(name, ...)
  local args = pack(...)
  cases = cases + 1
  local expected = run(original, name, args)
  local got = run(budgeted, name, args)
  if expected ~= got then
    local shown = {}
    for i = 1, args.n do
      local value = args[i]
      shown[i] = type(value) == "table" and value.replacer and "function " .. value.replacer or show(value)
    end
    mismatches[#mismatches + 1] = name .. "(" .. concat(shown, ", ") .. ")\n    Lua:      " .. expected ..
                                  "\n    budgeted: " .. got
  end
end

-- Each pattern through every function.
local function all(subject, pattern, init)
  check("find", subject, pattern, init)
  check("find", subject, pattern, init, true)
  check("match", subject, pattern, init)
  check("gmatch", subject, pattern, init)
  check("gsub", subject, pattern, "<%0>")
end

-- ---- hand-written cases ------------------------------------------------------------------

-- Arguments: types, conversions, missing ones.
check("find")
check("find", "a")
check("find", nil, "a")
check("find", {}, "a")
check("find", "a", {})
check("find", 123, 2)
check("find", 12.5, ".")
check("find", "abc", "b", "x")
check("find", "abc", "b", "2")
check("find", "abc", "b", " 0x2 ")
check("find", "abc", "b", {})
check("find", "abc", "b", 2.5)
check("find", "abc", "b", 2.0)
check("find", "abc", "b", 0 / 0)
check("find", "abc", "b", 1 / 0)
check("find", "abc", "b", -1 / 0)
check("match")
check("match", "a")
check("match", "abc", "b", "y")
check("gmatch")
check("gmatch", "a")
check("gmatch", {}, "a")
check("gsub")
check("gsub", "a")
check("gsub", "a", "a")
check("gsub", "a", "a", true)
check("gsub", "a", "a", nil)
check("gsub", "a", "a", false, 1)
check("gsub", "a", "a", "b", "x")
check("gsub", "a", "a", true, "x")
check("gsub", 123, 2, 5)
check("rep")
check("rep", "x")
check("rep", "x", "y")
check("rep", "x", {})
check("rep", {}, 2)
check("rep", 12, 3)
check("rep", "x", "3")
check("rep", "x", 3, {})
check("rep", "x", 3, 4)
check("rep", "x", 3, nil)

-- init: negative, zero, beyond the end, huge, fractional.
for _, init in ipairs{1, 2, 3, 4, 5, 6, 10, 0, -1, -2, -3, -4, -5, -100, 2^31, -2^31, 2^31 + 3, 2^32 + 2,
                      2^32 + 5, -2^32 + 3, 2^53, -2^53, 2^63, -2^63, 3.9, -3.9} do
  check("find", "abc", "", init)
  check("find", "abc", "b", init)
  check("find", "abc", "b", init, true)
  check("find", "abc", "c$", init)
  check("find", "abc", "^", init)
  check("find", "abc", "()", init)
  check("match", "abc", ".", init)
  check("match", "abc", "()", init)
  check("gmatch", "abc", ".", init)
  check("gmatch", "abc", "", init)
  check("find", "", "", init)
  check("match", "", "()", init)
end

-- Plain find, and patterns without special characters.
check("find", "a+b", "+", 1, true)
check("find", "a+b", "a+", 1, true)
check("find", "a.c", ".", 1, true)
check("find", "a.c", ".", 1, false)
check("find", "a.c", ".", 1, nil)
check("find", "a.c", ".", 1, 0)
check("find", "a.c", ".", 1, "")
check("find", "abc", "", 2, true)
check("find", "abc", "", 4, true)
check("find", "abc", "", 5, true)
check("find", "abcabc", "ca")
check("find", "aaab", "aab")
check("find", "abc", "abcd")
check("find", "a\0b\0c", "\0c")
check("find", "a\0b", "\0")
check("find", "xa\0*y", "a\0*")
check("find", "xa\0*y", "a\0*", 1, true)
check("find", "xa\0by", "a\0b")
check("find", "xa\0by", "a%z")
check("match", "xa\0by", "a\0b")
check("find", string.rep("ab", 100) .. "c", string.rep("ab", 50) .. "c", 1, true)

-- Anchors.
check("find", "abc", "^a")
check("find", "abc", "^b")
check("find", "abc", "^b", 2)
check("find", "abc", "c$")
check("find", "abc", "b$")
check("find", "abc", "^abc$")
check("find", "abc", "$")
check("find", "abc", "^$")
check("find", "", "^$")
check("find", "a$c", "$c")
check("find", "a$c", "a$")
check("find", "a$c", "a$c")
check("find", "a^c", "a^c")
check("find", "^a", "^^a")
check("find", "^a", "%^a")
check("match", "abc$", "c%$$")
check("gmatch", "^a^a", "^a")
check("gmatch", "aaa", "^a")
check("gsub", "aaa", "^a", "x")
check("gsub", "aaa", "^", "x")
check("gsub", "aaa", "$", "x")
check("gsub", "aaa", "^$", "x")
check("gsub", "", "^$", "x")
check("gsub", "abc", "^a*", "-")

-- Classes and sets.
for _, class in ipairs{"a", "c", "d", "g", "l", "p", "s", "u", "w", "x", "z", "A", "C", "D", "G", "L", "P", "S",
                       "U", "W", "X", "Z", "q", "Q", ".", "%", "(", "]", "-", "1"} do
  check("gsub", "aZ9 \t\n_!\0\127\200\255-.%()[]^$g", "%" .. class, "#")
  check("gsub", "aZ9 \t\n_!\0\127\200\255-.%()[]^$g", "[%" .. class .. "]", "#")
  check("gsub", "aZ9 \t\n_!\0\127\200\255-.%()[]^$g", "[^%" .. class .. "]", "#")
end
for _, set in ipairs{"[abc]", "[^abc]", "[a-c]", "[^a-c]", "[c-a]", "[a-]", "[-a]", "[]]", "[^]]", "[]a]",
                     "[a]]", "[%]]", "[%a-z]", "[a-%z]", "[%%]", "[%]", "[^]", "[]", "[", "[^", "[a", "[a%",
                     "[a-c-e]", "[---]", "[%-]", "[\0]", "[^\0]", "[a\0b]", "[%w_]", "[.]", "[a-c%d]", "[^%s]"} do
  check("gsub", "abc-]^%\0_ 1.e", set, "#")
  check("find", "abc-]^%\0_ 1.e", set .. "+")
end
check("find", " a", "%g")
check("find", "\0", "%z")
check("find", "a\0", "%Z+")
check("find", "x", ".")
check("find", "\0", ".")
check("find", "", ".")

-- Quantifiers.
for _, pattern in ipairs{"a*", "a+", "a-", "a?", "a*b", "a+b", "a-b", "a?b", "a*a", "a-a", ".*b", ".-b", "[ab]*",
                         "%a+", "a**", "a*+", "a+?", "a?-", "*a", "+", "-", "?", "a.-$", "^.-b", "(a*)*"} do
  all("aaab", pattern)
  all("", pattern)
  all("bbb", pattern)
end
check("match", "  trim me  ", "^%s*(.-)%s*$")
check("match", "key = value", "^(%w+)%s*=%s*(%w+)$")
check("match", "2024-06-01", "(%d+)-(%d+)-(%d+)")

-- Captures: nested, position captures, back-references.
check("match", "abc", "(a)(b)(c)")
check("match", "abc", "((a)(b))c")
check("match", "abc", "()a()b()")
check("match", "abc", "(()a())")
check("find", "abc", "(b)")
check("find", "abc", "()b()")
check("match", "abab", "(ab)%1")
check("match", "abac", "(ab)%1")
check("match", "aa", "(a)%1*")
check("match", "xyxy", "((x)y)%2")
check("match", "abc", "()%1")
check("match", "abcabc", "(abc)%1()")
check("match", "a", "%1")
check("match", "a", "%0")
check("match", "a", "(a)%2")
check("match", "a", "(a%1)")
check("match", "aa", "(a)%9")
check("match", "a", "(")
check("match", "a", "(a")
check("match", "a", "((a)")
check("match", "a", "a)")
check("match", "a", ")")
check("match", "a", "(()")
check("find", "a", "(a")
check("gmatch", "a", "(a")
check("gsub", "a", "(a", "x")
check("gsub", "a", "(a", "%1")
check("gsub", "a", "(a", replacer.upper)
check("gsub", "a", "(a", lookup)
check("match", "a", string.rep("(", 32) .. "a" .. string.rep(")", 32))
check("match", "a", string.rep("(", 33) .. "a" .. string.rep(")", 33))
check("match", "a", string.rep("()", 32))
check("match", "a", string.rep("()", 33))
check("match", "a", string.rep("(", 40))
check("find", "a", string.rep("()", 32))

-- %b and %f.
check("match", "x(a(b)c)y", "%b()")
check("match", "x(a(b)c", "%b()")
check("match", "x(a)b)", "%b()")
check("match", "aaa", "%baa")
check("match", "abab", "%bab")
check("gsub", "f(x) g(y(z))", "%b()", "[]")
check("match", "a", "%b")
check("match", "a", "%ba")
check("match", "", "%bab")
check("match", "a\0b", "%b\0b")
check("match", "(", "%b()*")
check("match", "x((", "%b()")
check("gsub", "THE (quick) fox", "%f[%a]%a+", "w")
check("gsub", "THE (quick) fox", "%f[%l]", "|")
check("gsub", "THE (quick) fox", "%f[%A]", "|")
check("gsub", "hello", "%f[%z]", "|")
check("gsub", "hello", "%f[^%z]", "|")
check("gsub", "a.b", "%f[%.]", "|")
check("find", "a", "%f")
check("find", "a", "%fa")
check("find", "a", "%f[a")
check("find", "", "%f[a]")
check("find", "", "%f[^a]")

-- Malformed patterns: errors only once matching reaches them.
for _, pattern in ipairs{"%", "a%", "[", "[a", "[^", "a[", "[%", "[]", "(", ")", "%b", "%bx", "%f", "%fx", "%1",
                         "a*%", "x[", "x%", "x%b", "x%f", "x%1", "(x", "x)"} do
  all("a", pattern)
  all("x", pattern)
  all("", pattern)
end

-- How deep patterns may nest ("pattern too complex" from Lua 5.2).
-- (Only patterns that succeed or fail at once: backtracking over a hundred items can take
-- longer than anyone waits, in every Lua.)
for _, n in ipairs{98, 99, 100, 197, 198, 199, 200, 201, 300} do
  check("find", string.rep("a", n + 5), string.rep("a?", n))
  check("find", "b", string.rep("a*", n))
  check("find", "b", string.rep("a-", n))
  check("find", string.rep("a", n), string.rep("a*", n))
  check("find", string.rep("a", n), string.rep("a-", n) .. "$")
  check("find", "b", string.rep("a*", n) .. "c")
  check("find", "b", string.rep("a?", n) .. "c")
  check("match", "a", string.rep("()", math.min(n, 32)) .. string.rep("a?", n - math.min(n, 32)))
  check("match", "ab", "(" .. string.rep("a?", n) .. ")b")
end
check("find", string.rep("a", 3000), string.rep("a?", 3000))  -- Lua 5.1 nests that deep

-- Replacements: strings with %0-%9 and %%, tables, functions, numbers.
for _, replacement in ipairs{"x", "", "%0", "%1", "%2", "%1%2", "<%0|%1>", "%%", "%%1", "%x", "%", "a%", "%a",
                             "%\0", "%10", 7, 7.5, -0.0, 2^53, replacer.upper, replacer.none, replacer.keep,
                             replacer.number, replacer.table, replacer.several, lookup} do
  check("gsub", "hello world", "o", replacement)
  check("gsub", "hello world", "(o)", replacement)
  check("gsub", "hello world", "()o", replacement)
  check("gsub", "hello world", "(l)(l)", replacement)
  check("gsub", "abc", "", replacement)
  check("gsub", "abc", "%w", replacement)
  check("gsub", "abc(", "(%W)", replacement)
  check("gsub", "", "x", replacement)
end
check("gsub", "abc", "%w", "%1", 0)

-- gsub's maximum, and empty matches (what Lua 5.3 changed).
for _, n in ipairs{0, 1, 2, 3, 4, 5, 100, -1, -2^32 + 3, 2^31 + 2, 2^32 + 5, 2.5, "2", 0 / 0, 1 / 0} do
  check("gsub", "aaaa", "a", "b", n)
  check("gsub", "abc", "", "-", n)
  check("gsub", "abc", "b*", "-", n)
end
for _, pattern in ipairs{"", "b*", "a*", "x*", ".-", "()", "b?", "%f[%w]", "%f[%W]", "a-b-", ".*"} do
  all("abc", pattern)
  all("aaa", pattern)
  all("", pattern)
  all("abcabc", pattern)
end
check("gsub", "abc", "b*", replacer.several)
check("gsub", "hello world", "%w+", "%0 %0", 1)
check("gsub", "hello world", "(%w+)", "<%1>")
check("gsub", "$name is $age", "%$(%w+)", {name = "lua", age = 30})

-- string.rep: counts, separators, and sizes the Lua refuses at once.
-- (Only sizes that every Lua makes or refuses at once: Lua 5.4 loops n times over an empty
-- string, Lua 5.1 and 5.2 make gigabytes where 5.3 refuses.)
for _, n in ipairs{-1, 0, 1, 2, 3, 3.9, -0.5, "3", 0 / 0, 1 / 0, -1 / 0, 2^31, 2^32 + 3, -2^32 + 3, 2^40, 2^53,
                   2^63, -2^63} do
  for _, separator in ipairs{"", ",", "<>"} do
    check("rep", "ab", n, separator)
    if separator ~= "" then check("rep", "", n, separator) end
  end
  check("rep", "ab", n)
end
for _, n in ipairs{-1, 0, 1, 2, 3, 1000} do
  check("rep", "", n)
  check("rep", "", n, "")
end
check("rep", "abc", 1, ",")
check("rep", "abc", 2, 12)
check("rep", "a\0b", 3, "\0")

-- ---- generated cases ---------------------------------------------------------------------

local seed = 20240601
local function random(n)  -- 1..n, the same sequence on every Lua
  seed = seed * 16807 % 2147483647
  return seed % n + 1
end
local function pick(list) return list[random(#list)] end

local subject_characters = {"a", "a", "a", "b", "b", "c", " ", "(", ")", "[", "]", "%", "-", ".", "^", "$", "\0",
                            "1", "x", "X"}
local function random_subject()
  local characters = {}
  for i = 1, random(12) - 1 do characters[i] = pick(subject_characters) end
  return concat(characters)
end

local literals = {"a", "b", "c", "x", " ", "1", "%(", "%)", "%%", "%.", "%[", "%]", "%-", "%^", "%$", "\0"}
local classes = {"%a", "%d", "%s", "%w", "%p", "%l", "%u", "%x", "%c", "%g", "%z", "%A", "%S", "%W", "%P", "%G", "."}
local set_members = {"a", "b", "c", "a-c", "b-a", "%a", "%d", "%s", "%p", "%]", "-", "]", "^", "%%", "(", "x"}
local quantifiers = {"", "", "", "*", "+", "-", "?"}

local function random_set()
  local members = {random(4) == 1 and "[^" or "["}
  for _ = 1, random(3) do members[#members + 1] = pick(set_members) end
  members[#members + 1] = "]"
  return concat(members)
end

local random_items
local function random_item(depth)
  local kind = random(20)
  if kind <= 6 then return pick(literals) .. pick(quantifiers) end
  if kind <= 10 then return pick(classes) .. pick(quantifiers) end
  if kind <= 12 then return random_set() .. pick(quantifiers) end
  if kind == 13 then return "%b" .. pick{"()", "ab", "[]", "aa"} end
  if kind == 14 then return "%f" .. random_set() end
  if kind == 15 then return "%" .. random(4) - 1 end
  if kind == 16 then return "()" end
  if depth < 2 then return "(" .. random_items(depth + 1, 3) .. ")" end
  return pick(literals)
end
function random_items(depth, most)
  local items = {}
  for i = 1, random(most + 1) - 1 do items[i] = random_item(depth) end
  return concat(items)
end

local breakers = {"(", ")", "[", "]", "%", "-", "*", "+", "?", "^", "$", "\0", "%b", "%f"}
local function random_pattern()
  local pattern = random_items(0, 5)
  if random(4) == 1 then pattern = "^" .. pattern end
  if random(4) == 1 then pattern = pattern .. "$" end
  local mutation = random(8)
  if mutation == 1 and #pattern > 0 then  -- cut short: often malformed
    pattern = pattern:sub(1, random(#pattern) - 1)
  elseif mutation == 2 then  -- a stray special character
    local at = random(#pattern + 1) - 1
    pattern = pattern:sub(1, at) .. pick(breakers) .. pattern:sub(at + 1)
  end
  return pattern
end

local function maybe(list)  -- nil a third of the time
  if random(3) == 1 then return nil end
  return pick(list)
end

local inits = {1, 2, 0, -1, -3, 4, 8, 20, -20, 2.0, "2"}
local replacements = {"x", "%0", "<%1>", "%2%1", "%%", "%x", "%", "", 7, replacer.upper, replacer.none,
                      replacer.keep, replacer.several, replacer.table, lookup, false}
local limits = {0, 1, 2, -1, 100}

for _ = 1, 4000 do
  local pattern = random_pattern()
  for _ = 1, 2 do
    local subject = random_subject()
    if random(3) == 1 then  -- make a match likelier: a piece of the subject as a plain pattern
      local from = random(#subject + 1)
      subject = subject .. subject:sub(from, from + random(3))
    end
    check("find", subject, pattern, maybe(inits), random(5) == 1 or nil)
    check("match", subject, pattern, maybe(inits))
    check("gmatch", subject, pattern, maybe(inits))
    check("gsub", subject, pattern, pick(replacements), maybe(limits))
  end
end

return cases, mismatches
