-- Loads the C++ modules and prints what they do; the same output in every host.
local geometry = require "geometry"
local vectors = require "vectors"
local circle = require "shapes.circle"
print("distance", geometry.distance(3, 4))
local a, b = geometry.Point.new(0, 0), geometry.Point.new(4, 2)
print("midpoint", tostring(geometry.midpoint(a, b)), a.x, b.y)
print("vectors", vectors.Vec3.new(1, 2, 3):sum())
print("circle", circle.area(2))
print("global Point", Point)
print("exception", pcall(geometry.fails, 7))
print("cross module", pcall(geometry.midpoint, a, vectors.Vec3.new(1, 1, 1)))
