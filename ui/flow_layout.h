#pragma once
// A layout that places widgets left to right and wraps to the next line, like words in a
// paragraph (Qt ships none; this follows the Qt "Flow Layout" example).
#include <QLayout>
#include <QList>

namespace as::ui {

class FlowLayout : public QLayout {
 public:
  explicit FlowLayout(QWidget* parent, int spacing = 4);
  ~FlowLayout() override;

  void addItem(QLayoutItem* item) override;
  int count() const override;
  QLayoutItem* itemAt(int index) const override;
  QLayoutItem* takeAt(int index) override;
  Qt::Orientations expandingDirections() const override;
  bool hasHeightForWidth() const override;
  int heightForWidth(int width) const override;
  QSize minimumSize() const override;
  QSize sizeHint() const override;
  void setGeometry(const QRect& rect) override;

 private:
  int arrange(const QRect& rect, bool apply) const;  // returns the height used

  QList<QLayoutItem*> items_;
  int item_spacing_ = 4;
};

}  // namespace as::ui
