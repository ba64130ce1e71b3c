import ScreenModel

/// The side panel for gradient size across layers.
struct GradientPanelView {
    let rect: Rect
    let glyphs: GlyphSet

    func draw(into screen: inout Screen) {
        guard rect.width >= 10, rect.height >= 3 else { return }
        let v = String(glyphs.vertical)
        for y in rect.y..<rect.maxY {
            screen.put(v, x: rect.x, y: y, style: Style(.border))
        }
        screen.put("gradients", x: rect.x + 2, y: rect.y, style: Style(.title, bold: true))
    }
}
