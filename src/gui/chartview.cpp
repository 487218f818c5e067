#include "chartview.h"

#include <QPainter>

namespace hicm::gui {

ChartView::ChartView(const QString &accessibleName, QWidget *parent) : QWidget(parent)
{
    setAccessibleName(accessibleName);
    setFocusPolicy(Qt::TabFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

void ChartView::setChart(Painter painter, const QString &description)
{
    m_painter = std::move(painter);
    setAccessibleDescription(description);
    setToolTip(description);
    update();
}

void ChartView::paintEvent(QPaintEvent *)
{
    if (!m_painter)
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    m_painter(p, QRectF(rect()).adjusted(8, 8, -8, -8));
}

}  // namespace hicm::gui
