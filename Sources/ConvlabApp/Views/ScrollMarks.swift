import ScreenModel

/// Marks at the edges of a grid that shows only part of its rows or columns (a padded input
/// or a wide map at 80x24 scrolls with the filter): `…` beside the rows where columns are
/// hidden on that side, `⋮` in the margin by the first or last row where rows are hidden
/// above or below. Without them a student would take the part for the whole.
struct ScrollMarks {
    /// The rows and columns on screen, and all there are, in the grid's own coordinates.
    let shownRows: Range<Int>
    let shownColumns: Range<Int>
    let allRows: Range<Int>
    let allColumns: Range<Int>
    /// Screen columns just left of the grid and just right of it, and the screen row of
    /// `shownRows.lowerBound`.
    let leftX: Int
    let rightX: Int
    let topY: Int
    let glyphs: GlyphSet

    var isPartial: Bool {
        shownRows.lowerBound > allRows.lowerBound || shownRows.upperBound < allRows.upperBound
            || shownColumns.lowerBound > allColumns.lowerBound
            || shownColumns.upperBound < allColumns.upperBound
    }

    func draw(into screen: inout Screen) {
        let across = glyphs == .ascii ? "+" : "…"
        let down = glyphs == .ascii ? ":" : "⋮"
        let style = Style(.accent, bold: true)
        let rows = shownRows.count
        for offset in 0..<rows {
            let y = topY + offset
            if shownColumns.lowerBound > allColumns.lowerBound {
                screen.put(across, x: leftX, y: y, style: style)
            }
            if shownColumns.upperBound < allColumns.upperBound, rightX < screen.width {
                screen.put(across, x: rightX, y: y, style: style)
            }
        }
        if shownRows.lowerBound > allRows.lowerBound {
            screen.put(down, x: leftX, y: topY, style: style)
        }
        if shownRows.upperBound < allRows.upperBound, rows > 0 {
            screen.put(down, x: leftX, y: topY + rows - 1, style: style)
        }
    }
}
