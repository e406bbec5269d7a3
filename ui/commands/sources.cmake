target_sources(apiaccess_ui PRIVATE
    commands/Command.h commands/Command.cpp
    commands/ActionFailure.h commands/ActionFailure.cpp
    commands/CreateTokenCommand.h commands/CreateTokenCommand.cpp
    commands/CopyTokenCommand.h commands/CopyTokenCommand.cpp
    commands/EditTokenCommand.h commands/EditTokenCommand.cpp
    commands/RotateTokenCommand.h commands/RotateTokenCommand.cpp
    commands/SignInCommand.h commands/SignInCommand.cpp
    commands/TokenStateCommand.h commands/TokenStateCommand.cpp
)
