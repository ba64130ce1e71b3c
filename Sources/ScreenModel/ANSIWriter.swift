extension Screen {
    /// The screen as text with SGR escapes, for `render --color always`.
    ///
    /// An escape is written only where the style changes, and each one resets first, so no
    /// attribute leaks from one cell to the next. Every line ends with a reset, so a pager or
    /// a shell prompt after the output starts clean. Trailing unstyled spaces are left out, as
    /// in `plainText()`.
    ///
    ///     ESC[0;38;5;33m+1ESC[0m ESC[0;38;5;208m-2ESC[0m
    public func ansiText(palette: Palette) -> String {
        var text = ""
        for y in 0..<height {
            var end = width
            while end > 0 && self[end - 1, y] == .blank { end -= 1 }

            // Compared as parameters, not styles: two roles that look alike in this palette
            // (every sign in monochrome) need no escape between them.
            var current = ""
            for x in 0..<end {
                let cell = self[x, y]
                let parameters = palette.sgrParameters(for: cell.style)
                if parameters != current {
                    text += Screen.sgr(parameters)
                    current = parameters
                }
                // Cells set through the subscript have not been through `put`; a control
                // character must never reach the terminal from here either.
                let shown = palette.colorCount > 0 ? cell.character : cell.monochromeCharacter
                text.append(Screen.printable(shown))
            }
            text += Screen.sgr("") + "\n"
        }
        return text
    }

    private static func sgr(_ parameters: String) -> String {
        parameters.isEmpty ? "\u{1B}[0m" : "\u{1B}[0;\(parameters)m"
    }
}
