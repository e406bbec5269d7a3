target_sources(apiaccess_ui PRIVATE
    dialogs/IpRangesFeedback.h dialogs/IpRangesFeedback.cpp
    dialogs/ExpiryFeedback.h dialogs/ExpiryFeedback.cpp
    dialogs/LocalTimeText.h dialogs/LocalTimeText.cpp
    dialogs/TokenDialog.h dialogs/TokenDialog.cpp dialogs/TokenDialogExpiry.cpp
    dialogs/TokenDialog.ui
    dialogs/SignInDialog.h dialogs/SignInDialog.cpp dialogs/SignInDialog.ui
    dialogs/BulkProgressDialog.h dialogs/BulkProgressDialog.cpp
    dialogs/ConfirmActionDialog.h dialogs/ConfirmActionDialog.cpp
    dialogs/RotateDialog.h dialogs/RotateDialog.cpp
    dialogs/ConflictDialog.h dialogs/ConflictDialog.cpp
    dialogs/AboutDialog.h dialogs/AboutDialog.cpp
    dialogs/ShortcutsDialog.h dialogs/ShortcutsDialog.cpp
)
target_sources(apiaccess_ui PRIVATE
    dialogs/ProfileEditDialog.h dialogs/ProfileEditDialog.cpp
    dialogs/ProfilesDialog.h dialogs/ProfilesDialog.cpp
)
