target_sources(apiaccess_ui PRIVATE
    accessibility/ComboBoxChoice.h accessibility/ComboBoxChoice.cpp
    accessibility/LiveRegion.h accessibility/LiveRegion.cpp
)
