// The start-up baseline: the smallest Qt Widgets program that shows a main window, built in the same
// tree with the same compiler and flags as hicm-assess, and quitting the same way once it is shown.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Bare window"));
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.resize(1024, 700);
    window.show();
    QTimer::singleShot(0, &app, [&app] { app.exit(0); });
    return app.exec();
}
