target_sources(apiaccess_ui PRIVATE
    mainwindow/TokenRowDelegate.h mainwindow/TokenRowDelegate.cpp
    mainwindow/ApiTokensPage.h mainwindow/ApiTokensPage.cpp
    mainwindow/MainWindow.h mainwindow/MainWindow.cpp
)
