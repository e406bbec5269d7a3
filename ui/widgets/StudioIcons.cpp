#include "widgets/StudioIcons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace ApiAccess::StudioIcons {

namespace {

// Paths on a 24 × 24 grid, stroked.
QPainterPath pathOf(Symbol symbol)
{
    QPainterPath path;
    switch (symbol) {
    case Symbol::Key:
        path.addEllipse(QPointF(7.5, 12), 4.5, 4.5);
        path.moveTo(12, 12);
        path.lineTo(21, 12);
        path.moveTo(18, 12);
        path.lineTo(18, 16);
        path.moveTo(21, 12);
        path.lineTo(21, 15);
        break;
    case Symbol::Search:
        path.addEllipse(QPointF(10, 10), 6, 6);
        path.moveTo(14.5, 14.5);
        path.lineTo(20.5, 20.5);
        break;
    case Symbol::Person:
        path.addEllipse(QPointF(12, 8), 4, 4);
        path.moveTo(4.5, 21);
        path.cubicTo(4.5, 15, 19.5, 15, 19.5, 21);
        break;
    case Symbol::Disabled:
        path.addEllipse(QPointF(12, 12), 8, 8);
        path.moveTo(6.5, 17.5);
        path.lineTo(17.5, 6.5);
        break;
    }
    return path;
}

class SymbolEngine : public QIconEngine
{
public:
    explicit SymbolEngine(Symbol symbol)
        : m_symbol(symbol)
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QApplication::palette();
        const QColor color = palette.color(
            mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
            mode == QIcon::Selected ? QPalette::HighlightedText : QPalette::WindowText);
        const qreal side = std::min(rect.width(), rect.height());
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.x() + (rect.width() - side) / 2.0,
                           rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 24.0, side / 24.0);
        QPen pen(color, 2.0);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(pathOf(m_symbol));
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new SymbolEngine(m_symbol); }

private:
    Symbol m_symbol;
};

} // namespace

QIcon icon(Symbol symbol)
{
    return QIcon(new SymbolEngine(symbol));
}

} // namespace ApiAccess::StudioIcons
