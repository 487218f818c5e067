#include "roommodule.h"

#include "module_loader.h"

namespace hicm::gui::roommodule {

const room::module::Functions *load(QString *error)
{
    QString why;
    const auto entry = reinterpret_cast<room::module::Entry>(
        modules::resolve(QStringLiteral("hicm-room.so"), "HICM_ROOM_MODULE", room::module::kEntryName,
                         QStringLiteral("the live room of this installation"), &why));
    const room::module::Functions *functions = entry ? entry(room::module::kAbiVersion) : nullptr;
    if (entry && (!functions || functions->size != sizeof(room::module::Functions)))
        why = QStringLiteral("the live room of this installation is of another version; reinstall HICM Assess");
    if (functions && functions->size == sizeof(room::module::Functions))
        return functions;
    if (error)
        *error = why;
    return nullptr;
}

std::unique_ptr<room::RoomHandle> createRoom(room::RoomSetup setup, room::VoteStore &store, room::RoomEvents &events,
                                             QString *error)
{
    const room::module::Functions *functions = load(error);
    return functions ? functions->create(std::move(setup), store, events) : nullptr;
}

QImage qrImage(const QString &text, int scale)
{
    const room::module::Functions *functions = load(nullptr);
    return functions ? functions->qrImage(text, scale) : QImage();
}

}  // namespace hicm::gui::roommodule
