target_sources(apiaccess_ui PRIVATE
    mainwindow/TokenRowDelegate.h mainwindow/TokenRowDelegate.cpp
    mainwindow/ApiTokensPage.h mainwindow/ApiTokensPage.cpp mainwindow/ApiTokensPageActions.cpp
    mainwindow/MainWindow.h mainwindow/MainWindow.cpp
    mainwindow/MainWindowSession.cpp mainwindow/MainWindowTokens.cpp
    mainwindow/NavigationSidebar.h mainwindow/NavigationSidebar.cpp
    mainwindow/TokenColumnSizer.h mainwindow/TokenColumnSizer.cpp
    mainwindow/ApiTokensPageStates.cpp mainwindow/MainWindowMenus.cpp
)
