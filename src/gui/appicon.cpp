#include "appicon.h"

#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace hicm::gui {

namespace {

class SvgIcon final : public QIconEngine {
public:
    explicit SvgIcon(const QString &file) : m_file(file) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State) override
    {
        QSvgRenderer(m_file).render(painter, QRectF(rect));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const QString key = QStringLiteral("hicm-app-icon-%1x%2-%3").arg(size.width()).arg(size.height()).arg(int(mode));
        QPixmap out;
        if (QPixmapCache::find(key, &out))
            return out;
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        }
        out = QPixmap::fromImage(image);
        QPixmapCache::insert(key, out);
        return out;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        return {{16, 16}, {24, 24}, {32, 32}, {48, 48}, {64, 64}, {128, 128}, {256, 256}};
    }
    QString key() const override { return QStringLiteral("hicm-svg"); }
    QIconEngine *clone() const override { return new SvgIcon(m_file); }

private:
    QString m_file;
};

}  // namespace

QIcon appIcon()
{
    return QIcon(new SvgIcon(QStringLiteral(":/icons/hicm-assess.svg")));
}

}  // namespace hicm::gui
