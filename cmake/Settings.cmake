# Warnings and sanitizers as INTERFACE targets, so every target opts in the same way.
add_library(kam_warnings INTERFACE)
target_compile_options(kam_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual)
if(KAM_WERROR)
  target_compile_options(kam_warnings INTERFACE -Werror)
endif()

add_library(kam_sanitizers INTERFACE)
if(KAM_SANITIZE)
  target_compile_options(kam_sanitizers INTERFACE -fsanitize=address,undefined
    -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(kam_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

if(KAM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "KAM_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(kam_sanitizers INTERFACE -fsanitize=fuzzer-no-link,address,undefined
    -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(kam_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
