target_sources(apiaccess_ui PRIVATE
    commands/Command.h
    commands/CreateTokenCommand.h commands/CreateTokenCommand.cpp
    commands/CopyTokenCommand.h commands/CopyTokenCommand.cpp
    commands/SignInCommand.h commands/SignInCommand.cpp
)
