target_sources(apiaccess_ui PRIVATE
    startup/ColorScheme.h startup/ColorScheme.cpp
    startup/StudioCommandLine.h startup/StudioCommandLine.cpp
    startup/StudioStartup.h startup/StudioStartup.cpp
)
