#pragma once

class QComboBox;

namespace ApiAccess::ComboBoxChoice {

// Lets assistive technology choose an item of `combo` as a mouse click
// does. On Linux, Qt 6.4 offers a combo box's items to AT-SPI only as the
// cells of its popup list, whose one action ("toggle") selects the cell
// and nothing else: the combo box kept its old choice, so a voice-control
// user could not pick an access level. (Qt does the same fix-up on
// Android.) A selection in the popup that is not where the list's cursor
// is can only come from that action (mouse and keys move both), so it
// becomes the combo box's choice and the popup closes.
//
// Call after the combo box's model is set.
void enable(QComboBox *combo);

} // namespace ApiAccess::ComboBoxChoice
