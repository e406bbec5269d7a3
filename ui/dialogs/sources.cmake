target_sources(apiaccess_ui PRIVATE
    dialogs/IpRangesFeedback.h dialogs/IpRangesFeedback.cpp
    dialogs/TokenDialog.h dialogs/TokenDialog.cpp dialogs/TokenDialog.ui
    dialogs/SignInDialog.h dialogs/SignInDialog.cpp dialogs/SignInDialog.ui
)
