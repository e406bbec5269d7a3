target_sources(apiaccess_server_lib PRIVATE
    cli/AdminCommands.h cli/AdminCommands.cpp
    cli/MigrateCommand.h cli/MigrateCommand.cpp
)
