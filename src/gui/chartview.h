// A widget that shows a chart painted by the same code as the report (src/report/charts.h), so the
// screen and the board's PDF never disagree.
#pragma once

#include <QWidget>

#include <functional>

class QPainter;

namespace hicm::gui {

class ChartView : public QWidget {
    Q_OBJECT
public:
    using Painter = std::function<void(QPainter &, const QRectF &)>;
    explicit ChartView(const QString &accessibleName, QWidget *parent = nullptr);

    // What to paint, and a text equivalent for screen readers and tooltips.
    void setChart(Painter painter, const QString &description);
    QSize sizeHint() const override { return {520, 420}; }
    QSize minimumSizeHint() const override { return {280, 240}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Painter m_painter;
};

}  // namespace hicm::gui
