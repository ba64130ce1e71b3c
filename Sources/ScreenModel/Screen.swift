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
        self.cells = Screen.blankCells(count: self.width * self.height)
    }

    /// `count` blank cells. Every frame starts from a new screen, so they are laid down in
    /// doubling block copies (a cell is a plain value) rather than one field at a time.
    private static func blankCells(count: Int) -> [Cell] {
        guard count > 0 else { return [] }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = buffer.baseAddress!
            base.initialize(to: .blank)
            var filled = 1
            while filled < count {
                let chunk = min(filled, count - filled)
                (base + filled).initialize(from: base, count: chunk)
                filled += chunk
            }
            initialized = count
        }
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
            cells[y * width + x] = Cell(scalar: Cell.cellScalar(newValue.scalar),
                                        style: newValue.style)
        }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes `text` from (x, y) rightwards, clipped to `maxWidth` columns and to the screen.
    /// Control characters are drawn as visible placeholders, never passed to the terminal.
    /// Each character takes one cell (see `Cell.scalar(for:)`).
    /// Returns the column after the last character written.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: Style = .normal,
        maxWidth: Int? = nil
    ) -> Int {
        let limit = maxWidth.map { x + $0 } ?? width
        var text = text
        // Nearly all text is ASCII, one byte per cell: those bytes go straight in, and only
        // from the first other byte on are characters told apart.
        let ascii = text.withUTF8 { bytes in
            putASCII(bytes, x: x, y: y, limit: limit, style: style)
        }
        guard ascii.offset < text.utf8.count else { return ascii.column }

        var column = ascii.column
        let scalars = text.unicodeScalars
        var index = text.utf8.index(text.utf8.startIndex, offsetBy: ascii.offset)
        // Then scalar by scalar while each one is a character of its own (see
        // `standsAlone`), which covers the arrows, box drawing and signs views draw...
        while index < scalars.endIndex, column < limit {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let following = next < scalars.endIndex ? scalars[next] : nil
            guard Screen.standsAlone(scalar), following.map(Screen.standsAlone) ?? true,
                  !(scalar == "\r" && following == "\n")
            else { break }
            setScalar(scalar, x: column, y: y, style: style)
            column += 1
            index = next
        }
        // ...and character by character from the first scalar that might join another.
        for character in text[index...] {
            if column >= limit { break }
            setScalar(Cell.scalar(for: character), x: column, y: y, style: style)
            column += 1
        }
        return column
    }

    /// Whether `scalar` can neither join the scalar before it nor draw the next one into its
    /// character: true below U+0300, where combining marks begin, and in the blocks of
    /// punctuation, arrows, mathematical signs, box drawing, blocks, shapes and Braille
    /// (U+2010...U+2BFF, less the joiners, separators and combining marks for symbols).
    /// Between two such scalars there is always a character boundary (apart from "\r\n").
    @inline(__always)
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205F, 0x2070...0x20CF, 0x2100...0x2BFF:
            return true
        default:
            return false
        }
    }

    /// Writes the leading ASCII of `bytes`, stopping before the last ASCII character that a
    /// following non-ASCII scalar could combine with (a letter and its accent are one cell).
    ///
    /// - Returns: the byte offset where writing stopped and the column reached.
    private mutating func putASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, limit: Int, style: Style
    ) -> (offset: Int, column: Int) {
        let rowInside = y >= 0 && y < height
        var column = x
        var offset = 0
        let count = bytes.count
        while offset < count, column < limit {
            let byte = bytes[offset]
            if offset + 1 < count && bytes[offset + 1] >= 0x80 { break }
            var scalar = Unicode.Scalar(byte)
            var length = 1
            if byte >= 0x80 {
                break
            } else if byte < 0x20 || byte == 0x7F {
                // "\r\n" is one character and so one placeholder, as `Character` sees it.
                if byte == 0x0D && offset + 1 < count && bytes[offset + 1] == 0x0A { length = 2 }
                scalar = byte == 0x09 ? " " : ControlCharacters.placeholder
            }
            if rowInside && column >= 0 && column < width {
                cells[y * width + column] = Cell(scalar: scalar, style: style)
            }
            column += 1
            offset += length
        }
        return (offset, column)
    }

    /// Stores one scalar, cleaned, if (x, y) is on the screen.
    @inline(__always)
    private mutating func setScalar(_ scalar: Unicode.Scalar, x: Int, y: Int, style: Style) {
        guard contains(x: x, y: y) else { return }
        cells[y * width + x] = Cell(scalar: Cell.cellScalar(scalar), style: style)
    }

    /// Sets the style of every cell in a rectangle, keeping the characters.
    public mutating func restyle(_ rect: Rect, style: Style) {
        for y in rect.y..<(rect.y + rect.height) {
            for x in rect.x..<(rect.x + rect.width) where contains(x: x, y: y) {
                cells[y * width + x].style = style
            }
        }
    }

    /// Fills a rectangle with one character in one style.
    public mutating func fill(
        _ rect: Rect, with character: Character = " ",
        style: Style = .normal
    ) {
        fill(rect, scalar: Cell.scalar(for: character), style: style)
    }

    /// Fills a rectangle with one scalar in one style; a control shows as the placeholder.
    public mutating func fill(_ rect: Rect, scalar: Unicode.Scalar, style: Style = .normal) {
        let cell = Cell(scalar: Cell.cellScalar(scalar), style: style)
        let left = max(0, rect.x)
        let right = min(width, rect.maxX)
        let top = max(0, rect.y)
        let bottom = min(height, rect.maxY)
        guard left < right, top < bottom else { return }
        for y in top..<bottom {
            for x in left..<right { cells[y * width + x] = cell }
        }
    }

    /// One text line per row, trailing spaces removed: what `render` prints and what the
    /// snapshot tests compare.
    public func plainText() -> String {
        guard height > 0 else { return "\n" }
        // Written as UTF-8 straight into the string's storage, each row's trailing blanks
        // skipped: `convlab render` and the frame benchmark call this once per frame.
        // Plain text has no colours, so heatmap cells show their density characters.
        let capacity = height * (width * 4 + 1)
        return cells.withUnsafeBufferPointer { cells in
            String(unsafeUninitializedCapacity: capacity) { bytes in
                var count = 0
                for y in 0..<height {
                    let start = y * width
                    var end = start + width
                    while end > start && cells[end - 1].monochromeScalar == " " { end -= 1 }
                    for index in start..<end {
                        count = Screen.appendUTF8(cells[index].monochromeScalar, to: bytes,
                                                  at: count)
                    }
                    bytes[count] = 0x0A
                    count += 1
                }
                return count
            }
        }
    }

    /// Writes `scalar` as UTF-8 at `offset`; returns the offset after it.
    @inline(__always)
    static func appendUTF8(
        _ scalar: Unicode.Scalar, to bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) -> Int {
        let value = scalar.value
        if value < 0x80 {
            bytes[offset] = UInt8(value)
            return offset + 1
        }
        if value < 0x800 {
            bytes[offset] = UInt8(0xC0 | value >> 6)
            bytes[offset + 1] = UInt8(0x80 | value & 0x3F)
            return offset + 2
        }
        if value < 0x1_0000 {
            bytes[offset] = UInt8(0xE0 | value >> 12)
            bytes[offset + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            bytes[offset + 2] = UInt8(0x80 | value & 0x3F)
            return offset + 3
        }
        bytes[offset] = UInt8(0xF0 | value >> 18)
        bytes[offset + 1] = UInt8(0x80 | value >> 12 & 0x3F)
        bytes[offset + 2] = UInt8(0x80 | value >> 6 & 0x3F)
        bytes[offset + 3] = UInt8(0x80 | value & 0x3F)
        return offset + 4
    }

    /// The row `y` as text, trailing spaces kept.
    public func row(_ y: Int) -> String {
        guard y >= 0 && y < height else { return "" }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: cells[(y * width)..<(y * width + width)].map(\.scalar))
        return String(scalars)
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
