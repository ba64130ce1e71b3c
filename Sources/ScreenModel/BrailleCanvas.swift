/// A plot surface of dots, drawn into screen cells two dots wide and four dots tall.
///
/// Each dot belongs to a series (a curve, or its derivative), and each series has its own
/// style when rendered. Dot (0, 0) is the top-left; y grows downwards, as on the screen, so a
/// plot of a function flips its values before plotting.
///
/// On a terminal that cannot show Braille, `render` falls back to one ASCII mark per cell.
public struct BrailleCanvas: Sendable, Equatable {
    /// The size in screen cells.
    public let columns: Int
    public let rows: Int
    /// For each dot, the series that set it last plus one; 0 means the dot is off.
    private var dots: [Int]

    public var pixelWidth: Int { columns * 2 }
    public var pixelHeight: Int { rows * 4 }

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.dots = Array(repeating: 0, count: self.columns * 2 * self.rows * 4)
    }

    /// Sets the dot at (x, y) for `series`; dots off the canvas are ignored.
    public mutating func plot(x: Int, y: Int, series: Int = 0) {
        guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight, series >= 0 else { return }
        dots[y * pixelWidth + x] = series + 1
    }

    /// Whether the dot at (x, y) is set, by any series.
    public func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return false }
        return dots[y * pixelWidth + x] != 0
    }

    /// Sets every dot on the straight line between two dots, both ends included.
    ///
    /// - Complexity: O(n) in the line's length in dots (Bresenham's stepping, integers only).
    public mutating func line(
        from start: (x: Int, y: Int), to end: (x: Int, y: Int),
        series: Int = 0
    ) {
        let dx = abs(end.x - start.x)
        let dy = -abs(end.y - start.y)
        let stepX = start.x < end.x ? 1 : -1
        let stepY = start.y < end.y ? 1 : -1
        var error = dx + dy
        var x = start.x
        var y = start.y
        while true {
            plot(x: x, y: y, series: series)
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }

    /// The Braille dot bits of one cell, as added to U+2800.
    ///
    /// Braille numbers its dots down the left column (1, 2, 3, then 7 at the bottom) and down
    /// the right column (4, 5, 6, then 8); bit n-1 is dot n.
    public func cellBits(column: Int, row: Int) -> UInt8 {
        var bits: UInt8 = 0
        for (index, bit) in BrailleCanvas.dotBits.enumerated() {
            let x = column * 2 + index / 4
            let y = row * 4 + index % 4
            if isSet(x: x, y: y) { bits |= bit }
        }
        return bits
    }

    /// Draws the set dots into `rect`, top-left aligned and clipped to it.
    ///
    /// Cells with no dot are left as they are, so axes or labels drawn first stay visible.
    /// A cell that holds dots of several series takes the style of the series with the most
    /// dots there (the later series on a tie).
    ///
    /// - Parameters:
    ///   - styles: the style of each series by index; the last one is reused for any series
    ///     past the end, and `.normal` when empty.
    ///   - glyphs: Braille when `glyphs.usesBraille`, else one ASCII mark per cell.
    public func render(
        into screen: inout Screen, at rect: Rect, styles: [Style],
        glyphs: Glyphs = .unicode
    ) {
        for row in 0..<min(rows, rect.height) {
            for column in 0..<min(columns, rect.width) {
                let bits = cellBits(column: column, row: row)
                guard bits != 0 else { continue }

                let character: Character
                if glyphs.usesBraille {
                    character = Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
                } else {
                    character =
                        bits & BrailleCanvas.upperHalf == 0
                        ? glyphs.plotLowMark : glyphs.plotMark
                }
                let series = dominantSeries(column: column, row: row)
                let style = styles.isEmpty ? Style.normal : styles[min(series, styles.count - 1)]
                screen[rect.x + column, rect.y + row] = Cell(character, style: style)
            }
        }
    }

    /// Bits for the left column's four dots from the top, then the right column's.
    private static let dotBits: [UInt8] = [0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80]
    /// Dots 1, 2, 4 and 5: the top two rows of the cell.
    private static let upperHalf: UInt8 = 0x01 | 0x02 | 0x08 | 0x10

    private func dominantSeries(column: Int, row: Int) -> Int {
        var counts: [Int: Int] = [:]
        for dx in 0..<2 {
            for dy in 0..<4 {
                let owner = dots[(row * 4 + dy) * pixelWidth + column * 2 + dx]
                if owner != 0 { counts[owner - 1, default: 0] += 1 }
            }
        }
        let best = counts.max { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key < rhs.key
        }
        return best?.key ?? 0
    }
}
