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
        // Gathered as UTF-8 and decoded once, rather than appended character by character.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(height * (width * 4 + 8))
        var scalar = [UInt8](repeating: 0, count: 4)
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
                    bytes += Screen.sgr(parameters).utf8
                    current = parameters
                }
                // Cells set through the subscript have been cleaned on the way in; cleaned
                // again here all the same, since a control must never reach the terminal.
                let shown = palette.colorCount > 0 ? cell.scalar : cell.monochromeScalar
                let count = scalar.withUnsafeMutableBufferPointer {
                    Screen.appendUTF8(Cell.cellScalar(shown), to: $0, at: 0)
                }
                bytes += scalar[0..<count]
            }
            bytes += (Screen.sgr("") + "\n").utf8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func sgr(_ parameters: String) -> String {
        parameters.isEmpty ? "\u{1B}[0m" : "\u{1B}[0;\(parameters)m"
    }
}
