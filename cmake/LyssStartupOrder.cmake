# The code the window runs from its start to its first paint, laid out together in the
# executable. The kernel maps a program's code in 64 KB runs around each page it touches,
# so start-up code spread over all 2.6 MB of it made nearly all of it resident; together
# it is a fraction (docs/PERFORMANCE.md). The list of functions, app/startup-order.txt, is
# made by scripts/startup-order; a function not in it (new, renamed) only goes elsewhere.
option(LYSS_STARTUP_ORDER "Lay out the window's start-up code together (Release, with lld)" ON)
set(LYSS_STARTUP_ORDER_FILE "")
if(LYSS_STARTUP_ORDER AND CMAKE_BUILD_TYPE STREQUAL "Release" AND NOT LYSS_SANITIZE)
    include(CheckLinkerFlag)
    check_linker_flag(CXX "-fuse-ld=lld" LYSS_HAVE_LLD)
    if(LYSS_HAVE_LLD)
        # Each function in a section of its own, which lld places by the symbols listed.
        add_compile_options(-ffunction-sections)
        set(LYSS_STARTUP_ORDER_FILE "${CMAKE_SOURCE_DIR}/app/startup-order.txt")
    endif()
endif()
