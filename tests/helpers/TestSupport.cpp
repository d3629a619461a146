// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStorageInfo>
#include <QTest>

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTemporaryDir>

#include <unistd.h>

namespace lyss::test {

bool Mount::run(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral("mount"), args);
    if (!p.waitForFinished(10000) || p.exitCode() != 0) {
        m_why = QStringLiteral("mount %1 failed: %2")
                    .arg(args.join(QLatin1Char(' ')),
                         QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

std::unique_ptr<Mount> Mount::tmpfs(qint64 bytes)
{
    std::unique_ptr<Mount> m(new Mount);
    m->m_dir = std::make_unique<QTemporaryDir>();
    m->m_path = m->m_dir->path();
    if (::geteuid() != 0) {
        m->m_why = QStringLiteral("mounting a small tmpfs needs root; run the suite as root");
        return m;
    }
    m->m_mounted =
        m->run({QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                QStringLiteral("size=%1").arg(bytes), QStringLiteral("tmpfs"), m->m_path});
    return m;
}

std::unique_ptr<Mount> Mount::readOnlyView(const QString& source)
{
    std::unique_ptr<Mount> m(new Mount);
    m->m_dir = std::make_unique<QTemporaryDir>();
    m->m_path = m->m_dir->path();
    if (::geteuid() != 0) {
        m->m_why = QStringLiteral("a read-only bind mount needs root; run the suite as root");
        return m;
    }
    if (!m->run({QStringLiteral("--bind"), source, m->m_path}))
        return m;
    m->m_mounted = true;
    if (!m->run({QStringLiteral("-o"), QStringLiteral("remount,ro,bind"), m->m_path}))
        m->m_mounted = false;
    return m;
}

Mount::~Mount()
{
    if (m_mounted || QFileInfo(m_path).exists()) {
        QProcess p;
        p.start(QStringLiteral("umount"), {QStringLiteral("-l"), m_path});
        p.waitForFinished(10000);
    }
}

void Mount::fill(qint64 leaveBytes)
{
    QFile f(filePath(QStringLiteral("filler")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return;
    const QByteArray block(4096, 'x');
    QStorageInfo disk(m_path);
    while (disk.bytesAvailable() > leaveBytes + block.size() && f.write(block) == block.size())
        disk.refresh();
    if (leaveBytes > 0)
        return;
    // What a smaller write still fits, too.
    while (f.write("x", 1) == 1) {
    }
}

void Mount::makeRoom()
{
    QFile::remove(filePath(QStringLiteral("filler")));
}

FakeServer::FakeServer(const QStringList& extraArgs, const QString& script)
    : m_process(std::make_unique<QProcess>())
{
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    // A server on Debian's Python packages (aiohttp, python-socketio) says so in its first
    // line: the python3 on PATH may be another interpreter that does not see them.
    const QString path = QStringLiteral(LYSS_SOURCE_DIR "/tests/servers/") + script;
    QFile file(path);
    const bool debian =
        file.open(QIODevice::ReadOnly) && file.readLine().startsWith("#!/usr/bin/python3");
    m_process->start(debian ? QStringLiteral("/usr/bin/python3") : QStringLiteral("python3"),
                     QStringList{QStringLiteral(LYSS_SOURCE_DIR "/tests/servers/") + script,
                                 QStringLiteral("--port"), QStringLiteral("0")} +
                         extraArgs);
    if (!m_process->waitForStarted(10000))
        return;
    QByteArray line;
    while (!line.contains('\n') && m_process->waitForReadyRead(10000))
        line += m_process->readAllStandardOutput();
    if (line.startsWith("PORT "))
        m_port = line.mid(5).trimmed().toInt();
}

FakeServer::~FakeServer()
{
    stop();
}

void FakeServer::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QUrl FakeServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

namespace {
QByteArray fetch(const QUrl& url, bool post, const QByteArray& json = QByteArray("{}"))
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = post ? nam.post(request, json) : nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    delete reply;
    return body;
}
} // namespace

QStringList words(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* w : list)
        out << QString::fromUtf8(w);
    return out;
}

qint64 FakeServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QByteArray FakeServer::get(const QString& path) const
{
    return fetch(url(path), false);
}

QByteArray FakeServer::post(const QString& path, const QByteArray& json) const
{
    return fetch(url(path), true, json);
}

QJsonArray FakeServer::requests() const
{
    return QJsonDocument::fromJson(fetch(url(QStringLiteral("/_test/requests")), false)).array();
}

QJsonObject FakeServer::lastChatRequest() const
{
    const QJsonArray all = requests();
    for (qsizetype i = all.size() - 1; i >= 0; --i) {
        const QString path = all[i][QLatin1String("path")].toString();
        if (path.endsWith(QLatin1String("/api/chat")) ||
            path.endsWith(QLatin1String("/chat/completions")))
            return all[i].toObject();
    }
    return {};
}

QString FakeServer::lastChatPath() const
{
    return lastChatRequest()[QLatin1String("path")].toString();
}

void FakeServer::reset()
{
    fetch(url(QStringLiteral("/_test/reset")), true);
}

int closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const int port = server.serverPort();
    server.close();
    return port;
}

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& key : env.keys()) {
        if (key.startsWith(QLatin1String("OLLAMA_")) || key.startsWith(QLatin1String("OPENAI_")) ||
            key.startsWith(QLatin1String("DEFAULT_")) || key.startsWith(QLatin1String("LYSS_")))
            env.remove(key);
    }
    return env;
}

CliResult runCli(const QString& dataDir, const QStringList& args, const QProcessEnvironment& env,
                 const QByteArray& input)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QStringList all;
    if (!dataDir.isEmpty())
        all << QStringLiteral("--data-dir") << dataDir;
    all << args;
    p.start(QStringLiteral(LYSS_CLI_PATH), all);
    if (!p.waitForStarted(10000))
        return {-1, {}, QStringLiteral("could not start lyss-cli: ") + p.errorString()};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return {-1, QString::fromUtf8(p.readAllStandardOutput()),
                QStringLiteral("lyss-cli did not finish")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

int threadsNamed(const QString& name)
{
    int count = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (readFile(tasks.filePath(task + QStringLiteral("/comm"))).trimmed() ==
            name.left(15).toUtf8())
            ++count;
    }
    return count;
}

QByteArray fileSha256(const QString& path)
{
    return QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256).toHex();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(f.write(bytes), bytes.size());
}

} // namespace lyss::test
