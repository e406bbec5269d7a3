target_sources(apiaccess_ui PRIVATE
    mainwindow/TokenRowDelegate.h mainwindow/TokenRowDelegate.cpp
    mainwindow/ApiTokensPage.h mainwindow/ApiTokensPage.cpp mainwindow/ApiTokensPageActions.cpp
    mainwindow/MainWindow.h mainwindow/MainWindow.cpp
    mainwindow/MainWindowSession.cpp mainwindow/MainWindowTokens.cpp
)
