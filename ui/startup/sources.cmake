target_sources(apiaccess_ui PRIVATE
    startup/StudioCommandLine.h startup/StudioCommandLine.cpp
    startup/StudioStartup.h startup/StudioStartup.cpp
)
