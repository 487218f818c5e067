#include "room_loader.h"

#include "module_loader.h"

namespace hicm::room::loader {

const module::Functions *load(QString *error)
{
    QString why;
    const auto entry = reinterpret_cast<module::Entry>(
        modules::resolve(QStringLiteral("hicm-room.so"), "HICM_ROOM_MODULE", module::kEntryName,
                         QStringLiteral("the live room of this installation"), &why));
    const module::Functions *functions = entry ? entry(module::kAbiVersion) : nullptr;
    if (entry && (!functions || functions->size != sizeof(module::Functions)))
        why = QStringLiteral("the live room of this installation is of another version; reinstall HICM Assess");
    if (functions && functions->size == sizeof(module::Functions))
        return functions;
    if (error)
        *error = why;
    return nullptr;
}

std::unique_ptr<RoomHandle> createRoom(RoomSetup setup, VoteStore &store, RoomEvents &events, QString *error)
{
    const module::Functions *functions = load(error);
    return functions ? functions->create(std::move(setup), store, events) : nullptr;
}

QImage qrImage(const QString &text, int scale)
{
    const module::Functions *functions = load(nullptr);
    return functions ? functions->qrImage(text, scale) : QImage();
}

}  // namespace hicm::room::loader
