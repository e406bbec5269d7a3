target_sources(apiaccess_ui PRIVATE
    clipboard/SecretClipboard.h clipboard/SecretClipboard.cpp
)
