# Install rules and the CMake package: after `cmake --install`, a project uses
#   find_package(luaembed CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE luaembed::luaembed)
# The package finds Lua again on the consumer's machine and regenerates the API list from the
# headers found there, so the export always matches the Lua that is linked.
include(CMakePackageConfigHelpers)

set(LUAEMBED_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/luaembed")

install(TARGETS luaembed luaembed_module EXPORT luaembedTargets)
if(LUAEMBED_REQUIRE_GUARD)
  install(TARGETS luaembed_doctor EXPORT luaembedTargets)  # linked into luaembed's require guard
endif()
# Every public header, one tree: the C++ API, the bundle runtime's and the doctor's.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/luaembed" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT luaembedTargets NAMESPACE luaembed:: DESTINATION "${LUAEMBED_INSTALL_CMAKEDIR}")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/luaembedConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/luaembedConfig.cmake"
  INSTALL_DESTINATION "${LUAEMBED_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/luaembedConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/luaembedConfig.cmake"
  "${PROJECT_BINARY_DIR}/luaembedConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/LuaembedLua.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/LuaembedLuaSource.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/LuaembedLuaTarget.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/LuaembedApiList.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/LuaembedModule.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/LuaembedBundle.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/LuaembedBundleModules.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/LuaembedBundleEmbed.cmake"
  DESTINATION "${LUAEMBED_INSTALL_CMAKEDIR}")
