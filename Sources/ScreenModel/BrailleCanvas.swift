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
    /// For each cell, row-major, the Braille bits of its set dots (see `cellBits`), kept as
    /// dots are set so that rendering need not look at every dot.
    private var bits: [UInt8]

    public var pixelWidth: Int { columns * 2 }
    public var pixelHeight: Int { rows * 4 }

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.dots = Array(repeating: 0, count: self.columns * 2 * self.rows * 4)
        self.bits = Array(repeating: 0, count: self.columns * self.rows)
    }

    /// Sets the dot at (x, y) for `series`; dots off the canvas are ignored.
    public mutating func plot(x: Int, y: Int, series: Int = 0) {
        guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight, series >= 0 else { return }
        dots[y * pixelWidth + x] = series + 1
        bits[(y / 4) * columns + x / 2] |= BrailleCanvas.dotBits[(x % 2) * 4 + y % 4]
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
        guard column >= 0, row >= 0, column < columns, row < rows else { return 0 }
        return bits[row * columns + column]
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
        let low = Cell.scalar(for: glyphs.plotLowMark)
        let high = Cell.scalar(for: glyphs.plotMark)
        for row in 0..<min(rows, rect.height) {
            for column in 0..<min(columns, rect.width) {
                let bits = cellBits(column: column, row: row)
                guard bits != 0 else { continue }

                let scalar: Unicode.Scalar
                if glyphs.usesBraille {
                    scalar = Unicode.Scalar(0x2800 + UInt32(bits))!
                } else {
                    scalar = bits & BrailleCanvas.upperHalf == 0 ? low : high
                }
                let series = dominantSeries(column: column, row: row)
                let style = styles.isEmpty ? Style.normal : styles[min(series, styles.count - 1)]
                screen[rect.x + column, rect.y + row] = Cell(scalar: scalar, style: style)
            }
        }
    }

    /// Bits for the left column's four dots from the top, then the right column's.
    private static let dotBits: [UInt8] = [0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80]
    /// Dots 1, 2, 4 and 5: the top two rows of the cell.
    private static let upperHalf: UInt8 = 0x01 | 0x02 | 0x08 | 0x10

    private func dominantSeries(column: Int, row: Int) -> Int {
        // A cell has eight dots: their owners are gathered once, then each counted among
        // them, with no dictionary.
        var owners: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &owners) { raw in
            let slots = raw.bindMemory(to: Int.self)
            for dot in 0..<8 {
                slots[dot] = dots[(row * 4 + dot % 4) * pixelWidth + column * 2 + dot / 4]
            }
        }
        return withUnsafeBytes(of: owners) { raw in
            let slots = raw.bindMemory(to: Int.self)
            var best = 0
            var bestCount = 0
            for owner in slots where owner != 0 {
                let count = slots.reduce(0) { $0 + ($1 == owner ? 1 : 0) }
                if count > bestCount || (count == bestCount && owner - 1 > best) {
                    best = owner - 1
                    bestCount = count
                }
            }
            return best
        }
    }
}
