target_sources(apiaccess_ui PRIVATE
    widgets/ExpanderSection.h widgets/ExpanderSection.cpp
)
