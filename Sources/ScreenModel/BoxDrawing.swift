extension Screen {
    /// Draws a border around `rect` with an optional title set into the top edge.
    ///
    /// The border uses the cells on the edge of `rect`; content goes in `rect.inset(by: 1)`.
    /// A title too long for the top edge is cut and ends with the glyph set's ellipsis.
    ///
    ///     ┌ Filter ──┐
    ///     │          │
    ///     └──────────┘
    ///
    /// A rect smaller than 2x2 cannot show a border around anything, so nothing is drawn.
    ///
    /// - Parameters:
    ///   - rect: the box's outer edge; parts off the screen are clipped.
    ///   - title: text set into the top edge, one space either side.
    ///   - style: the style of the border lines.
    ///   - titleStyle: the style of the title; bold `.title` when nil.
    ///   - glyphs: line characters: `.unicode`, or `.ascii` for non-UTF-8 terminals.
    public mutating func drawBox(
        _ rect: Rect, title: String? = nil,
        style: Style = Style(.border),
        titleStyle: Style? = nil, glyphs: Glyphs = .unicode
    ) {
        guard rect.width >= 2 && rect.height >= 2 else { return }

        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for x in (rect.x + 1)..<right {
            self[x, rect.y] = Cell(glyphs.horizontal, style: style)
            self[x, bottom] = Cell(glyphs.horizontal, style: style)
        }
        for y in (rect.y + 1)..<bottom {
            self[rect.x, y] = Cell(glyphs.vertical, style: style)
            self[right, y] = Cell(glyphs.vertical, style: style)
        }
        self[rect.x, rect.y] = Cell(glyphs.topLeft, style: style)
        self[right, rect.y] = Cell(glyphs.topRight, style: style)
        self[rect.x, bottom] = Cell(glyphs.bottomLeft, style: style)
        self[right, bottom] = Cell(glyphs.bottomRight, style: style)

        // Corner, space, title, space, corner: the title needs at least one column of its own.
        let titleRoom = rect.width - 4
        guard let title, !title.isEmpty, titleRoom >= 1 else { return }
        let shown = TextWrap.truncate(title, to: titleRoom, ellipsis: glyphs.ellipsis)
        let resolvedTitleStyle = titleStyle ?? Style(.title, bold: true)
        self[rect.x + 1, rect.y] = Cell(" ", style: style)
        let end = put(shown, x: rect.x + 2, y: rect.y, style: resolvedTitleStyle)
        self[end, rect.y] = Cell(" ", style: style)
    }

    /// Draws a horizontal divider across a box drawn with `drawBox(rect)`, at row `y`, joining
    /// its sides with tee characters.
    public mutating func drawDivider(
        across rect: Rect, y: Int, style: Style = Style(.border),
        glyphs: Glyphs = .unicode
    ) {
        guard rect.width >= 2, y > rect.y, y < rect.maxY - 1 else { return }
        self[rect.x, y] = Cell(glyphs.teeLeft, style: style)
        for x in (rect.x + 1)..<(rect.maxX - 1) {
            self[x, y] = Cell(glyphs.horizontal, style: style)
        }
        self[rect.maxX - 1, y] = Cell(glyphs.teeRight, style: style)
    }
}
