-- Compiles, then fails while it loads.
local function explode()
  error("raised while loading")
end
explode()
