/// One character position on the screen.
public struct Cell: Sendable, Hashable {
    /// A single-column grapheme. Views never put wide characters in a cell.
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", style: Style = .normal) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell()
}

/// A rectangle of styled cells: everything a view draws, and all the terminal adapter flushes.
///
/// Writes outside the screen are clipped, never trapped, so a view laid out for a larger
/// terminal cannot crash a smaller one.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            // The one way into `cells`: whatever a view stores, no control character can
            // reach the terminal, `render` output or a snapshot from here.
            var cell = newValue
            cell.character = ControlCharacters.cellCharacter(newValue.character)
            cells[y * width + x] = cell
        }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes `text` from (x, y) rightwards, clipped to `maxWidth` columns and to the screen.
    /// Control characters are drawn as visible placeholders, never passed to the terminal.
    /// Returns the column after the last character written.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: Style = .normal,
        maxWidth: Int? = nil
    ) -> Int {
        var column = x
        let limit = maxWidth.map { x + $0 } ?? width
        for character in text {
            if column >= limit { break }
            self[column, y] = Cell(Screen.printable(character), style: style)
            column += 1
        }
        return column
    }

    /// Sets the style of every cell in a rectangle, keeping the characters.
    public mutating func restyle(_ rect: Rect, style: Style) {
        for y in rect.y..<(rect.y + rect.height) {
            for x in rect.x..<(rect.x + rect.width) where contains(x: x, y: y) {
                self[x, y].style = style
            }
        }
    }

    /// Fills a rectangle with one character in one style.
    public mutating func fill(
        _ rect: Rect, with character: Character = " ",
        style: Style = .normal
    ) {
        for y in rect.y..<(rect.y + rect.height) {
            for x in rect.x..<(rect.x + rect.width) where contains(x: x, y: y) {
                self[x, y] = Cell(Screen.printable(character), style: style)
            }
        }
    }

    /// One text line per row, trailing spaces removed: what `render` prints and what the
    /// snapshot tests compare.
    public func plainText() -> String {
        // Built in one string, each row's trailing blanks skipped rather than appended and
        // removed: `convlab render` and the frame benchmark call this once per frame.
        var text = ""
        text.reserveCapacity(height * (width + 1))
        for y in 0..<height {
            let row = cells[(y * width)..<(y * width + width)]
            let end = row.lastIndex { $0.monochromeCharacter != " " }.map { $0 + 1 }
                ?? row.startIndex
            // Plain text has no colours, so heatmap cells show their density characters.
            for cell in row[row.startIndex..<end] { text.append(cell.monochromeCharacter) }
            text.append("\n")
        }
        return height == 0 ? "\n" : text
    }

    /// The row `y` as text, trailing spaces kept.
    public func row(_ y: Int) -> String {
        guard y >= 0 && y < height else { return "" }
        return String(cells[(y * width)..<(y * width + width)].map(\.character))
    }

    /// Maps a character that would act on the terminal (ESC, BEL, CR, backspace, other C0 and
    /// C1 controls, DEL) to its visible stand-in (see `ControlCharacters`), so lesson text can
    /// never drive the terminal; a tab becomes a space.
    public static func printable(_ character: Character) -> Character {
        ControlCharacters.cellCharacter(character)
    }
}

/// A rectangle in screen cells.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}
