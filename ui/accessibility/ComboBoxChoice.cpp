#include "accessibility/ComboBoxChoice.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QItemSelectionModel>

namespace ApiAccess::ComboBoxChoice {

void enable(QComboBox *combo)
{
    QAbstractItemView *list = combo->view();
    QObject::connect(list->selectionModel(), &QItemSelectionModel::selectionChanged, combo,
                     [combo, list](const QItemSelection &selected) {
                         if (selected.indexes().isEmpty())
                             return;
                         const QModelIndex chosen = selected.indexes().constFirst();
                         if (chosen == list->currentIndex()
                             || chosen.row() == combo->currentIndex())
                             return; // navigation (mouse, keys), or nothing new
                         combo->setCurrentIndex(chosen.row());
                         combo->hidePopup();
                     });
}

} // namespace ApiAccess::ComboBoxChoice
