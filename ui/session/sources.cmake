target_sources(apiaccess_ui PRIVATE
    session/ProfileController.h session/ProfileController.cpp
)
