# The code the window runs from its start to its first paint, laid out together in the
# executable. The kernel maps a program's code in 64 KB runs around each page it touches,
# so start-up code spread over all 2.6 MB of it made nearly all of it resident; together
# it is a fraction (docs/PERFORMANCE.md). The list of functions, app/startup-order.txt, is
# made by scripts/startup-order; a function not in it (new, renamed) only goes elsewhere.
# lyss_core, lyss_ui and lyss compile each function into a section of its own
# (LYSS_FUNCTION_SECTIONS), which lld places by the symbols listed.
option(LYSS_STARTUP_ORDER "Lay out the window's start-up code together (Release, with lld)" ON)
set(LYSS_STARTUP_ORDER_FILE "")
set(LYSS_FUNCTION_SECTIONS "")
if(LYSS_STARTUP_ORDER AND CMAKE_BUILD_TYPE STREQUAL "Release" AND NOT LYSS_SANITIZE)
    # Asked again at every configure: lld may have been installed (scripts/deps.sh) or
    # removed since the build tree was made.
    unset(LYSS_HAVE_LLD CACHE)
    include(CheckLinkerFlag)
    check_linker_flag(CXX "-fuse-ld=lld" LYSS_HAVE_LLD)
    if(LYSS_HAVE_LLD)
        set(LYSS_FUNCTION_SECTIONS -ffunction-sections)
        set(LYSS_STARTUP_ORDER_FILE "${PROJECT_SOURCE_DIR}/app/startup-order.txt")
        message(STATUS "lyss: start-up code laid out together (lld, app/startup-order.txt)")
    else()
        message(STATUS "lyss: no lld, so the start-up code is not laid out together")
    endif()
endif()
