target_sources(apiaccess_ui PRIVATE
    widgets/ContentFit.h widgets/ContentFit.cpp
    widgets/ExpanderSection.h widgets/ExpanderSection.cpp
    widgets/FeedbackScroller.h widgets/FeedbackScroller.cpp
    widgets/MessageBar.h widgets/MessageBar.cpp
    widgets/MotionPreference.h widgets/MotionPreference.cpp
    widgets/PaletteColors.h widgets/PaletteColors.cpp
    widgets/StatePlaceholder.h widgets/StatePlaceholder.cpp
    widgets/StudioIcons.h widgets/StudioIcons.cpp
)
