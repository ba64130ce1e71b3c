import ConvModel
import ScreenModel

/// The input or map of the lesson screen drawn as a heatmap, for grids too large to show as
/// numbers in their area (a photograph, or its activation map), with a caption line giving
/// the number of the cell the filter is on: `(12,30) = 143`.
struct GridHeatmap {
    /// Where the heatmap and its caption go; the caption takes the last row.
    let area: Rect
    let height: Int
    let width: Int
    /// Row-major values and which of them to draw (a map fills in as the steps go).
    let values: [Double]
    let shown: [Bool]?
    /// The cell the filter is on, marked on the heatmap and read out in the caption.
    let focus: (row: Int, column: Int)?
    /// The caption's value text (nil when the cell is not computed yet).
    let focusText: String?
    let glyphs: GlyphSet

    /// Whether a grid of `rows` x `columns` is too large for numbers: when less than half of
    /// its rows or columns fit, scrolling numbers would hide most of the picture. A grid a
    /// little larger than its area keeps its numbers and scrolls with the filter, as the
    /// lessons on padding and stride rely on.
    static func needed(rows: Int, columns: Int, shownRows: Int, shownColumns: Int) -> Bool {
        shownRows * 2 < rows || shownColumns * 2 < columns
    }

    func draw(into screen: inout Screen) {
        guard area.width > 0, area.height > 1 else { return }
        let heatmap = Heatmap(height: height, width: width, values: values, shown: shown)
        let unicode = !glyphs.horizontal.isASCII
        let map = Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1)
        heatmap.render(into: &screen, at: map, unicode: unicode, mark: focus,
                       markCharacter: glyphs.current)
        let factor = Heatmap.factor(height: height, width: width, columns: map.width,
                                    lines: map.height)
        let lines = min(map.height, ((height + factor - 1) / factor + 1) / 2)
        var caption = ""
        if let focus {
            caption = "(\(focus.row + 1),\(focus.column + 1)) = " + (focusText ?? glyphs.unfilled
                .description)
        }
        if factor > 1 { caption += (caption.isEmpty ? "" : "  ") + "1:\(factor)" }
        screen.put(caption, x: area.x, y: area.y + lines, style: Style(.dim),
                   maxWidth: area.width)
    }
}
