// Browses the framework: Part A context, the eight features, the six changes and their sequencing.
// Keyboard: arrows move in the contents tree, Tab moves to the text, where Tab walks the links and
// Enter follows one (to the aligned change or feature).
#pragma once

#include "framework.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;
class QTextBrowser;

namespace hicm::gui {

class FrameworkBrowser : public QWidget {
    Q_OBJECT
public:
    explicit FrameworkBrowser(QWidget *parent = nullptr);

    void setFramework(const Framework *framework);
    // Shows a page: "about", "part-b", "feature:B1", "part-c", "change:A". Returns false if unknown.
    bool showPage(const QString &key);
    QString currentPage() const;
    // Text size for a projector: steps above (positive) or below the system font.
    void setZoom(int steps);
    int zoom() const { return m_zoom; }

    QTreeWidget *contents() const { return m_tree; }
    QTextBrowser *text() const { return m_text; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void onCurrentItemChanged(QTreeWidgetItem *current);
    QTreeWidgetItem *findItem(const QString &key) const;

    const Framework *m_framework = nullptr;
    QTreeWidget *m_tree;
    QTextBrowser *m_text;
    int m_zoom = 0;
};

}  // namespace hicm::gui
