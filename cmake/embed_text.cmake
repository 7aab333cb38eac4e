# Writes a C++ source whose function NAMESPACE::FUNCTION() returns the file IN as a
# std::string_view. Usage: cmake -DIN=... -DOUT=... -DNAMESPACE=... -DFUNCTION=... -P
foreach(var IN ITEMS IN OUT NAMESPACE FUNCTION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_text.cmake: -D${var}=... is required")
  endif()
endforeach()
file(READ "${IN}" content)
set(DELIM "accord_text")
string(FIND "${content}" ")${DELIM}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "embed_text.cmake: ${IN} contains the raw-string delimiter )${DELIM}\"")
endif()
file(RELATIVE_PATH rel "${CMAKE_CURRENT_LIST_DIR}/.." "${IN}")
file(WRITE "${OUT}.tmp" "// Generated from ${rel} by cmake/embed_text.cmake.
#include <string_view>

namespace ${NAMESPACE} {

std::string_view ${FUNCTION}() {
  static constexpr std::string_view kText = R\"${DELIM}(${content})${DELIM}\";
  return kText;
}

}  // namespace ${NAMESPACE}
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
