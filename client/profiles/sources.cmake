target_sources(apiaccess_client PRIVATE
    profiles/ConnectionProfile.h profiles/ConnectionProfile.cpp
    profiles/ProfileStore.h profiles/ProfileStore.cpp
)
