import ScreenModel

/// The full list of keys, shown by `?`.
struct HelpView {
    let state: AppState

    // Every entry fits one line of a half-width column at 80x24, so the page is whole there.
    static let sections: [(String, [(String, String)])] = [
        ("Stepping", [
            ("Right l Space", "next step"),
            ("Left h Bksp", "previous step"),
            ("g G Home End", "first / last step"),
            ("f", "fine or coarse steps"),
            ("click a cell", "jump to its step"),
            ("PgDn PgUp", "scroll a long scene"),
        ]),
        ("Autoplay and showing", [
            ("p", "play / pause"),
            ("+ -", "faster / slower"),
            ("P", "presentation mode"),
            ("e", "edit a copy (sandbox)"),
        ]),
        ("Predictions", [
            ("0-9 . - / x", "type your answer"),
            ("Enter  Esc", "check it / skip it"),
        ]),
        ("Gradient panel", [
            ("t", "full screen / back"),
            ("< >", "move along the layers"),
            ("[ ]", "fewer / more layers"),
            ("1 2 3 4", "sigmoid tanh relu leaky"),
            ("r", "new random weights"),
        ]),
        ("Lessons, and anywhere", [
            ("n N", "next / previous lesson"),
            ("L Esc", "lesson list"),
            ("Enter", "open the chosen lesson"),
            ("?", "this page"),
            ("q Ctrl-C", "quit"),
        ]),
        ("Marks on the grids", [
            ("[ >", "window; pair multiplied"),
            ("·", "unwritten cell; padding"),
            ("×0", "set to 0 by ReLU"),
            ("~", "never read (stride)"),
            ("… ⋮", "more cells off screen"),
        ]),
    ]

    func draw(into screen: inout Screen) {
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1),
                    style: Style(.title, reverse: true))
        screen.put(" convlab " + String(state.glyphs.vertical) + " keys", x: 0, y: 0,
                   style: Style(.title, bold: true, reverse: true))
        // Sections flow down the first column and on into a second when the screen is short,
        // so every key fits at 80x24.
        let columns = screen.height - 4 >= Self.rowsNeeded(actionWidth: screen.width - 28) ? 1 : 2
        let columnWidth = (screen.width - 2) / columns
        let keyWidth = columns == 1 ? 24 : 14
        let actionWidth = columnWidth - keyWidth - 2
        var x = 2
        var y = 2
        for (title, keys) in Self.sections {
            let rows = 1 + keys.reduce(0) { $0 + wrapWords($1.1, width: actionWidth).count }
            if y + rows > screen.height - 2 && x == 2 && columns == 2 {
                x += columnWidth
                y = 2
            }
            guard y < screen.height - 2 else { break }
            screen.put(title, x: x, y: y, style: Style(.accent, bold: true))
            y += 1
            for (key, action) in keys where y < screen.height - 2 {
                screen.put(state.glyphs == .ascii ? Self.ascii(key) : key, x: x + 2, y: y,
                           style: Style(.normal, bold: true))
                for line in wrapWords(action, width: actionWidth) where y < screen.height - 2 {
                    screen.put(line, x: x + 2 + keyWidth, y: y)
                    y += 1
                }
            }
            y += 1
        }
        screen.put("Press any key to go back.", x: 2, y: screen.height - 2, style: Style(.dim))
    }

    /// Rows the one-column layout needs at `actionWidth`.
    static func rowsNeeded(actionWidth: Int) -> Int {
        sections.reduce(0) { total, section in
            total + 2 + section.1.reduce(0) { $0 + wrapWords($1.1, width: actionWidth).count }
        }
    }

    /// The marks as an ASCII terminal draws them (see `GlyphSet.ascii` and `ScrollMarks`).
    static func ascii(_ key: String) -> String {
        key.replacingOccurrences(of: "·", with: ".").replacingOccurrences(of: "×", with: "x")
            .replacingOccurrences(of: "…", with: "+").replacingOccurrences(of: "⋮", with: ":")
    }
}
