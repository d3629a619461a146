# Warnings are on everywhere and kept at zero; sanitizers are for the CI build.
add_library(lyss_warnings INTERFACE)
target_compile_options(lyss_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    # Designated initializers name only the fields they set; the rest keep defaults.
    -Wno-missing-field-initializers
    $<$<BOOL:${LYSS_WERROR}>:-Werror>)
target_compile_definitions(lyss_warnings INTERFACE
    QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_KEYWORDS)

if(LYSS_SANITIZE)
    set(_lyss_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_compile_options(lyss_warnings INTERFACE ${_lyss_san})
    target_link_options(lyss_warnings INTERFACE ${_lyss_san})
endif()
