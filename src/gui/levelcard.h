// A large, checkable choice showing one maturity level and its descriptor, wrapped to fit.
#pragma once

#include <QAbstractButton>

namespace hicm::gui {

class LevelCard : public QAbstractButton {
    Q_OBJECT
public:
    LevelCard(int level, const QString &label, const QString &descriptor, QWidget *parent = nullptr);

    int level() const { return m_level; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRect textRect(int width) const;

    int m_level;
    QString m_label;
    QString m_descriptor;
};

}  // namespace hicm::gui
