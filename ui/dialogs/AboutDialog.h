#pragma once

#include <QDialog>

class QLabel;

namespace ApiAccess {

// Help > About API Access Studio: what the program is, its version, its
// licence (Apache-2.0) and the libraries it is built on, with the versions
// it runs with (so a bug report can quote them).
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    // The text of the "libraries" paragraph (plain text, for tests).
    QString librariesText() const;

private:
    QLabel *m_libraries = nullptr;
};

} // namespace ApiAccess
