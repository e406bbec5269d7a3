// The reference for the Studio's cold start (studio_bench): a Qt Widgets
// hello world, a main window with an empty table, sized as the Studio's
// main window is. Nothing else.

#include <QApplication>
#include <QMainWindow>
#include <QScreen>
#include <QTableView>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QTableView(&window));
    QSize size(1280, 760);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 9 / 10);
    window.resize(size);
    window.show();
    return QApplication::exec();
}
