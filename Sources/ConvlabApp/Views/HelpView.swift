import ScreenModel

/// The full list of keys, shown by `?`.
struct HelpView {
    let state: AppState

    static let sections: [(String, [(String, String)])] = [
        ("Stepping", [
            ("Right  l  Space", "next step"),
            ("Left  h  Backspace", "previous step"),
            ("g  Home / G  End", "first / last step"),
            ("f", "fine steps (one product) or coarse (one cell)"),
            ("click a map cell", "jump to the step that fills it"),
        ]),
        ("Autoplay", [
            ("p", "play / pause"),
            ("+  -", "faster / slower"),
        ]),
        ("Gradient panel", [
            ("t", "panel full screen / back"),
            ("<  >", "move along the layers"),
            ("[  ]", "fewer / more layers (2 to 30)"),
            ("1 2 3 4", "show or hide sigmoid, tanh, relu, leaky-relu"),
            ("r", "new random weights (next seed)"),
        ]),
        ("Lessons", [
            ("n  N", "next / previous lesson"),
            ("L  Esc", "lesson list"),
            ("Enter", "open the highlighted lesson"),
        ]),
        ("Anywhere", [
            ("?", "this page (any key closes it)"),
            ("q  Ctrl-C", "quit"),
        ]),
    ]

    func draw(into screen: inout Screen) {
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1),
                    style: Style(.title, reverse: true))
        screen.put(" convlab " + String(state.glyphs.vertical) + " keys", x: 0, y: 0,
                   style: Style(.title, bold: true, reverse: true))
        var y = 2
        for (title, keys) in Self.sections {
            guard y < screen.height - 2 else { break }
            screen.put(title, x: 2, y: y, style: Style(.accent, bold: true))
            y += 1
            for (key, action) in keys where y < screen.height - 2 {
                screen.put(key, x: 4, y: y, style: Style(.normal, bold: true))
                screen.put(action, x: 26, y: y, maxWidth: screen.width - 28)
                y += 1
            }
            y += 1
        }
        screen.put("Press any key to go back.", x: 2, y: screen.height - 2, style: Style(.dim))
    }
}
