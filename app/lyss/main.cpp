// SPDX-License-Identifier: GPL-3.0-or-later
// lyss: the desktop app.
#include "app/AppContext.h"
#include "backends/BackendSet.h"
#include "common/Icons.h"
#include "config/Settings.h"
#include "shell/MainWindow.h"
#include "shell/PersonShell.h"
#include "util/Translations.h"
#include "util/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QProcess>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <cstring>

namespace {

// --version and --help answer without a display, before QApplication needs one.
bool answeredWithoutDisplay(int argc, char* argv[], int* exitCode)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("lyss %s\n", lyss::kVersion);
            *exitCode = 0;
            return true;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::printf("Usage: lyss [--data-dir DIR] [--exit-after-first-paint]\n"
                        "\n"
                        "Lyss, a desktop chat client for local and remote language models.\n"
                        "\n"
                        "  --data-dir DIR             where Lyss keeps its data (default: "
                        "$LYSS_DATA_DIR,\n"
                        "                             else ~/.local/share/lyss)\n"
                        "  --exit-after-first-paint   quit once the window has painted, "
                        "printing when\n"
                        "                             (start-up timing)\n"
                        "  --version                  print the version\n");
            *exitCode = 0;
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    if (int code = 0; answeredWithoutDisplay(argc, argv, &code))
        return code;

    QApplication app(argc, argv);
    QApplication::setApplicationName(QString::fromLatin1(lyss::kAppName));
    QApplication::setApplicationDisplayName(QStringLiteral("Lyss"));
    QApplication::setApplicationVersion(QString::fromLatin1(lyss::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("lyss"));
    QApplication::setWindowIcon(lyss::icons::bundled(QStringLiteral(":/icons/lyss.svg")));
    // The system's language (or LYSS_LANGUAGE's) until the settings say otherwise.
    lyss::Translations::use(qEnvironmentVariable("LYSS_LANGUAGE"));

    QCommandLineParser parser;
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QApplication::translate("main", "Where Lyss keeps its data."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption exitAfterPaint(
        QStringLiteral("exit-after-first-paint"),
        QApplication::translate("main", "Quit once the window has painted."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window to FILE, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption windowSize(
        QStringLiteral("size"), QApplication::translate("main", "Window size, e.g. 1280x800."),
        QStringLiteral("WxH"));
    parser.addOptions({dataDir, exitAfterPaint, screenshot, windowSize});
    parser.process(app);

    lyss::AppContext::Options options;
    options.dataDir = parser.value(dataDir);
    options.indexInBackground = true; // the window's thread stays free for the window
    auto context = lyss::AppContext::open(options);
    if (!context) {
        const QString message = context.errorMessage();
        std::fprintf(stderr, "lyss: %s\n", qPrintable(message));
        if (QGuiApplication::platformName() != QLatin1String("offscreen")) {
            // The message quotes paths and files: plain text, never guessed as HTML.
            QMessageBox box(QMessageBox::Critical,
                            QApplication::translate("main", "Lyss cannot start"), message);
            box.setTextFormat(Qt::PlainText);
            box.exec();
        }
        return 1;
    }
    for (const QString& notice : (*context)->notices())
        std::fprintf(stderr, "%s\n", qPrintable(notice));

    lyss::AppContext& services = **context;
    auto effective = services.effectiveBackends();
    const int idleMs =
        static_cast<int>(services.settings().number(lyss::SettingKey::IdleTimeoutSeconds) * 1000);
    lyss::BackendSet backends(effective ? *effective : QList<lyss::EffectiveBackend>{},
                              &services.secrets(), idleMs);
    // With accounts on, the person comes first: the one kept in the keyring, or whoever
    // signs in; nobody's chats are on screen before that. The shell then keeps the window
    // that person's, through sign-out, switching person and a session ended elsewhere.
    lyss::PersonShell shell(services, backends);
    if (!shell.start())
        return 0;
    QObject::connect(&shell, &lyss::PersonShell::nobodySignedIn, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    // A backup was restored: this Lyss ends and a new one opens the database as it is now.
    bool restart = false;
    QObject::connect(&shell, &lyss::PersonShell::restartRequested, &app, [&restart] {
        restart = true;
        QApplication::quit();
    });
    lyss::MainWindow& window = *shell.window();
    if (parser.isSet(windowSize)) {
        const QStringList wh = parser.value(windowSize).split(QLatin1Char('x'));
        if (wh.size() == 2)
            window.resize(wh[0].toInt(), wh[1].toInt());
    }
    if (parser.isSet(exitAfterPaint)) {
        window.quitAfterFirstPaint([] {
            // For bench_startup: when the first frame was drawn, on the clock that its
            // start was taken by (steady_clock is CLOCK_MONOTONIC, shared by processes).
            const auto now = std::chrono::steady_clock::now().time_since_epoch();
            std::printf("first paint at %lld ns\n",
                        static_cast<long long>(
                            std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
            std::fflush(stdout);
        });
    }
    if (parser.isSet(screenshot)) {
        // Let the servers answer and the layout settle, then take the picture.
        const QString file = parser.value(screenshot);
        QTimer::singleShot(2500, &shell, [&shell, file] {
            if (!shell.window() || !shell.window()->grab().save(file))
                std::fprintf(stderr, "lyss: cannot write %s\n", qPrintable(file));
            QApplication::quit();
        });
    }
    window.show();
    const int code = QApplication::exec();
    if (restart && !QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                            QCoreApplication::arguments().mid(1))) {
        std::fprintf(stderr, "lyss: %s\n",
                     qPrintable(QApplication::translate(
                         "main", "The backup is restored, but Lyss could not start again: "
                                 "start it yourself.")));
        return 1;
    }
    return code;
}
