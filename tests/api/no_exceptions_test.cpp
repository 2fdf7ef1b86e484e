// Code built without exceptions (-fno-exceptions) uses the Result forms.
#include <luaembed/luaembed.hpp>

#include <cstdio>
#include <string>

int main() {
  luaembed::State lua;
  luaembed::Result<int> sum = lua.try_eval<int>("1 + 2");
  luaembed::Result<void> failed = lua.try_exec("error('no exceptions here', 0)");
  luaembed::Result<void> syntax = lua.try_exec("x = = 1", "=chunk");
  luaembed::Result<std::string> called = lua.load("return ... .. '!'").try_call<std::string>(std::string("hi"));
  bool ok = sum.ok() && sum.value() == 3 && !failed.ok() && failed.error().message == "no exceptions here" &&
            failed.error().kind == luaembed::ErrorKind::Runtime && !syntax.ok() &&
            syntax.error().kind == luaembed::ErrorKind::Syntax && called.value() == "hi!";
  std::puts(ok ? "no-exception API works" : "no-exception API FAILED");
  return ok ? 0 : 1;
}
