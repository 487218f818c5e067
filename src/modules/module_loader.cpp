#include "module_loader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLibrary>
#include <QMutex>

namespace hicm::modules {

namespace {

QStringList candidates(const QString &fileName, const char *override)
{
    if (const QByteArray given = qgetenv(override); !given.isEmpty())
        return {QString::fromLocal8Bit(given)};
    QStringList out;
    // The running program's folder (without a QCoreApplication, as in the CLI's in-process tests, from /proc).
    const QString programDir = QCoreApplication::instance()
                                   ? QCoreApplication::applicationDirPath()
                                   : QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath().section(QLatin1Char('/'), 0, -2);
    if (!programDir.isEmpty()) {
        out << QDir::cleanPath(programDir + QStringLiteral("/" HICM_MODULE_RELATIVE "/") + fileName);
        const QString buildTree = QDir::cleanPath(QStringLiteral(HICM_BUILD_TREE));
        if (QDir::cleanPath(programDir).startsWith(buildTree + QLatin1Char('/')))
            out << QStringLiteral(HICM_MODULE_BUILD_DIR "/") + fileName;
    }
    return out;
}

struct Loaded {
    QFunctionPointer entry = nullptr;
    QString failure;
};

}  // namespace

QFunctionPointer resolve(const QString &fileName, const char *override, const char *entry, const QString &what,
                         QString *error)
{
    static QMutex mutex;
    static QHash<QString, Loaded> loaded;  // by file name, entry and override (a test may set one, then not)
    QMutexLocker lock(&mutex);
    const QString key = fileName + QLatin1Char('#') + QLatin1String(entry) + QLatin1Char('#') +
                        QString::fromLocal8Bit(qgetenv(override));
    if (const auto it = loaded.constFind(key); it != loaded.constEnd()) {
        if (error)
            *error = it->failure;
        return it->entry;
    }
    Loaded &result = loaded[key];
    QStringList tried;
    for (const QString &file : candidates(fileName, override)) {
        if (!QFileInfo::exists(file)) {
            tried << file;
            continue;
        }
        auto *library = new QLibrary(file);  // kept loaded for the program's life
        if (QFunctionPointer found = library->resolve(entry)) {
            result.entry = found;
            return found;
        }
        tried << file + QStringLiteral(" (") + library->errorString() + QLatin1Char(')');
        delete library;
    }
    result.failure = QStringLiteral("%1 (%2) cannot be loaded; reinstall HICM Assess (looked for: %3)")
                         .arg(what, fileName, tried.join(QStringLiteral(", ")));
    if (error)
        *error = result.failure;
    return nullptr;
}

}  // namespace hicm::modules
