/// Which colour ramp a heatmap uses: one for signed data, one for data that is never negative.
public enum HeatRamp: Sendable, Hashable {
    /// Non-negative values (an image, a map after ReLU): dark to light.
    case sequential
    /// Signed values (a map before its activation): orange for negative, dark near zero, blue
    /// for positive, the same sign colours as the rest of the screen.
    case diverging
}

/// The shade of one heatmap cell, carried in its `Style` so the terminal adapter and
/// `render --color` can colour it.
///
/// A level runs from 0 to `Shade.levels` on the sequential ramp and from `-levels` to
/// `levels` on the diverging one. A half-block cell (`▀`) shows `top` in the foreground (the
/// upper grid row) and `bottom` in the background (the lower row); any other character shows
/// `top` only. Without colours, `Cell.monochromeCharacter` turns the half-block into a density
/// character, so the picture survives in plain text.
public struct Shade: Sendable, Hashable {
    public static let levels = 9

    public var ramp: HeatRamp
    // Levels are small (at most `levels` either way), so they are kept in a byte each: a
    // shade rides in every cell's style, and a small cell is a cheap one to draw.
    private var topLevel: Int8
    private var bottomLevel: Int8?

    public var top: Int {
        get { Int(topLevel) }
        set { topLevel = Int8(clamping: newValue) }
    }

    public var bottom: Int? {
        get { bottomLevel.map(Int.init) }
        set { bottomLevel = newValue.map { Int8(clamping: $0) } }
    }

    /// Levels past what a byte holds are clamped to it (-128...127), which changes no colour
    /// or density: those clamp to the ramp's ends anyway.
    public init(ramp: HeatRamp, top: Int, bottom: Int? = nil) {
        self.ramp = ramp
        self.topLevel = Int8(clamping: top)
        self.bottomLevel = bottom.map { Int8(clamping: $0) }
    }

    /// The strength of the cell from 0 to `levels`: the mean magnitude of its halves.
    public var strength: Int {
        guard let bottom else { return abs(top) }
        return (abs(top) + abs(bottom) + 1) / 2
    }

    /// Ten characters from empty to full ink, used when colours or Unicode are missing.
    public static let densityRamp: [Character] = densityScalars.map(Character.init)

    static let densityScalars: [Unicode.Scalar] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// The density character for a strength from 0 to `levels`.
    public static func density(_ strength: Int) -> Character {
        densityRamp[min(max(strength, 0), densityRamp.count - 1)]
    }

    /// The character drawn when the screen has no colour: a density character instead of a
    /// half-block, since a half-block without colours shows nothing of the value.
    public var densityCharacter: Character { Shade.density(strength) }

    /// Terminal colour numbers of the ramp, from level 0 (or the most negative) upwards.
    ///
    /// 256 colours: a gray ramp for sequential data, and for signed data an orange-to-blue
    /// ramp through dark gray, which reads for red-green colour blindness. 8 colours: black,
    /// blue, cyan, white; and yellow (drawn orange or brown by most terminals), black, blue.
    static func colors(_ ramp: HeatRamp, colorCount: Int) -> [Int] {
        switch (ramp, colorCount > 8) {
        case (.sequential, true):
            return [232, 234, 237, 240, 243, 246, 249, 251, 253, 255]
        case (.diverging, true):
            return [214, 208, 202, 166, 130, 94, 58, 237, 236, 235,
                    236, 17, 18, 19, 20, 26, 32, 39, 45]
        case (.sequential, false):
            return [0, 0, 4, 4, 4, 6, 6, 6, 7, 7]
        case (.diverging, false):
            return [3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4]
        }
    }

    /// The colour number of one level.
    public func color(_ level: Int, colorCount: Int) -> Int {
        let ramp = Shade.colors(self.ramp, colorCount: colorCount)
        let index = self.ramp == .diverging ? level + Shade.levels : level
        return ramp[min(max(index, 0), ramp.count - 1)]
    }
}

extension Cell {
    /// The character to show when there is no colour: a heatmap half-block becomes the
    /// density character of its shade; every other cell keeps its character.
    public var monochromeCharacter: Character { Character(monochromeScalar) }

    /// `monochromeCharacter` as the scalar it is.
    @inline(__always)
    public var monochromeScalar: Unicode.Scalar {
        guard let shade = style.shade, scalar == Heatmap.halfBlockScalar else { return scalar }
        return Shade.densityScalars[min(max(shade.strength, 0), Shade.densityScalars.count - 1)]
    }
}

/// A grid of numbers drawn as shaded cells, for maps too large to show as numbers.
///
/// With Unicode each character cell shows two grid rows: the upper half-block `▀` takes the
/// upper row's colour as foreground and the lower row's as background. With ASCII glyphs the
/// two rows are averaged into one density character of ` .:-=+*#%@`. A grid larger than the
/// area is shrunk by a whole factor, each shown cell the mean of a square block, so the
/// picture keeps its proportions.
///
/// Values are scaled by the largest magnitude in `values`, so a map that is still filling in
/// keeps its shades as cells are added. Non-negative data uses the sequential ramp, signed
/// data the diverging one.
public struct Heatmap: Sendable {
    public static let halfBlock: Character = "▀"
    static let halfBlockScalar: Unicode.Scalar = "▀"

    public let height: Int
    public let width: Int
    /// Row-major, `height` x `width`.
    public let values: [Double]
    /// Row-major; false for cells not to draw yet (a map cell not yet computed).
    public let shown: [Bool]
    public let ramp: HeatRamp
    private let scale: Double

    /// - Parameters:
    ///   - values: row-major, `height` x `width`.
    ///   - shown: which cells to draw; all when nil.
    public init(height: Int, width: Int, values: [Double], shown: [Bool]? = nil) {
        precondition(values.count == height * width, "values must be height x width")
        self.height = height
        self.width = width
        self.values = values
        self.shown = shown ?? Array(repeating: true, count: values.count)
        let finite = values.filter(\.isFinite)
        ramp = finite.contains { $0 < 0 } ? .diverging : .sequential
        scale = finite.map(abs).max() ?? 0
    }

    /// How many grid cells one shown cell covers on each side to fit `columns` x `lines`
    /// character cells (two grid rows per line).
    public static func factor(height: Int, width: Int, columns: Int, lines: Int) -> Int {
        guard columns > 0, lines > 0 else { return max(height, width, 1) }
        var factor = 1
        while (width + factor - 1) / factor > columns
            || (height + factor - 1) / factor > 2 * lines
        {
            factor += 1
        }
        return factor
    }

    /// The level of one value on this heatmap's ramp.
    public func level(_ value: Double) -> Int {
        guard scale > 0, value.isFinite else { return 0 }
        let level = Int((value / scale * Double(Shade.levels)).rounded())
        return min(max(level, ramp == .diverging ? -Shade.levels : 0), Shade.levels)
    }

    /// The mean of the shown cells of one block, or nil when none is shown.
    private func blockMean(row: Int, column: Int, factor: Int) -> Double? {
        var sum = 0.0
        var count = 0
        for r in (row * factor)..<min(height, (row + 1) * factor) {
            for c in (column * factor)..<min(width, (column + 1) * factor)
            where shown[r * width + c] {
                sum += values[r * width + c]
                count += 1
            }
        }
        return count == 0 ? nil : sum / Double(count)
    }

    /// Draws the heatmap into `rect`, top-left aligned.
    ///
    /// - Parameters:
    ///   - unicode: half-blocks when true (two rows per line), density characters otherwise.
    ///   - mark: a grid cell to mark with `markCharacter` in the `.current` style, such as the
    ///     cell the filter is on.
    /// - Returns: the factor used (grid cells per shown cell on each side).
    @discardableResult
    public func render(into screen: inout Screen, at rect: Rect, unicode: Bool,
                       mark: (row: Int, column: Int)? = nil,
                       markCharacter: Character = "#") -> Int {
        let factor = Heatmap.factor(height: height, width: width, columns: rect.width,
                                    lines: rect.height)
        let shownRows = (height + factor - 1) / factor
        let shownColumns = (width + factor - 1) / factor
        for line in 0..<min(rect.height, (shownRows + 1) / 2) {
            for column in 0..<min(rect.width, shownColumns) {
                let upper = blockMean(row: 2 * line, column: column, factor: factor)
                let lower = 2 * line + 1 < shownRows
                    ? blockMean(row: 2 * line + 1, column: column, factor: factor) : nil
                screen[rect.x + column, rect.y + line] = cell(upper: upper, lower: lower,
                                                              unicode: unicode)
            }
        }
        if let mark {
            let x = rect.x + mark.column / factor
            let y = rect.y + mark.row / factor / 2
            if x < rect.maxX && y < rect.maxY {
                screen[x, y] = Cell(markCharacter, style: Style(.current, bold: true))
            }
        }
        return factor
    }

    /// One character cell for two shown rows (either may be missing).
    private func cell(upper: Double?, lower: Double?, unicode: Bool) -> Cell {
        guard upper != nil || lower != nil else { return Cell(" ", style: Style(.dim)) }
        let mean = [upper, lower].compactMap { $0 }.reduce(0, +)
            / Double([upper, lower].compactMap { $0 }.count)
        // The sign role keeps signs apart in monochrome, where negatives are underlined.
        let role: Role = mean < 0 ? .negative : (mean > 0 ? .positive : .zero)
        if unicode {
            // Without a lower row the background stays the terminal's own; without an upper
            // one (rare: maps fill from the top) the lower value fills both halves.
            var style = Style(role)
            style.shade = Shade(ramp: ramp, top: level(upper ?? lower!), bottom: lower.map(level))
            return Cell(Heatmap.halfBlock, style: style)
        }
        var style = Style(role)
        let shade = Shade(ramp: ramp, top: level(mean))
        style.shade = shade
        return Cell(shade.densityCharacter, style: style)
    }
}
