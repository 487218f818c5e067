#include "bundled.h"

#include <QFile>

namespace hicm {

std::string bundledFrameworkBytes()
{
    QFile file(QString::fromLatin1(kBundledFrameworkPath));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

FrameworkLoadResult loadFrameworkOrBundled(const std::string &path)
{
    if (!path.empty())
        return loadFrameworkFile(path);
    return parseFramework(bundledFrameworkBytes(), "(bundled) intermediate-care-hicm.json");
}

}  // namespace hicm
