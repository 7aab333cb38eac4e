# Writes a C++ source holding every profiles/*.toml as a string literal.
file(GLOB PROFILE_FILES "${SRC_DIR}/profiles/*.toml")
list(SORT PROFILE_FILES)
set(BODY "")
foreach(f ${PROFILE_FILES})
  get_filename_component(name ${f} NAME_WE)
  file(READ ${f} content)
  string(APPEND BODY "      {\"${name}\", R\"accord_toml(${content})accord_toml\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from profiles/*.toml by cmake/embed_profiles.cmake.
#include \"accord/policy/builtin_profiles.h\"

namespace accord::policy {

const std::vector<BuiltinProfile>& BuiltinProfiles() {
  static const std::vector<BuiltinProfile> kProfiles = {
${BODY}  };
  return kProfiles;
}

}  // namespace accord::policy
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
