target_sources(apiaccess_ui PRIVATE
    mainwindow/CopyButtonDelegate.h mainwindow/CopyButtonDelegate.cpp
    mainwindow/ApiTokensPage.h mainwindow/ApiTokensPage.cpp
    mainwindow/MainWindow.h mainwindow/MainWindow.cpp
)
