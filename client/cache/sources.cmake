# Offline copy of the token list (issue #6): one SQLite file per profile.
target_sources(apiaccess_client PRIVATE
    cache/CacheFiles.h cache/CacheFiles.cpp
    cache/TokenCacheRows.h cache/TokenCacheRows.cpp
    cache/TokenCacheSchema.h cache/TokenCacheSchema.cpp
    cache/TokenListCache.h cache/TokenListCache.cpp
    cache/BackgroundTokenCache.h cache/BackgroundTokenCache.cpp
)
find_package(Qt6 6.4 REQUIRED COMPONENTS Sql)
target_link_libraries(apiaccess_client PRIVATE Qt6::Sql)
