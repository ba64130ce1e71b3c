/// Word wrapping for prose in a fixed number of columns, one column per character.
public enum TextWrap {
    /// Breaks `text` into lines of at most `width` characters.
    ///
    /// Words are separated by runs of spaces and tabs, which collapse to one space. A word longer
    /// than `width` is broken at `width` characters, so no line is ever wider than asked. A line
    /// break in `text` starts a new line, and an empty line between paragraphs is kept.
    ///
    ///     TextWrap.lines("a stride of two", width: 8)   // ["a stride", "of two"]
    ///
    /// - Returns: the lines, without trailing spaces; empty when `text` is empty or `width` is
    ///   less than 1.
    /// - Complexity: O(n) in the length of `text`.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width >= 1, !text.isEmpty else { return [] }

        var result: [String] = []
        // "\r\n" is a single Character in Swift, so it has to be named as a break of its own.
        let paragraphs = text.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for paragraph in paragraphs {
            result += wrapParagraph(paragraph, width: width)
        }
        return result
    }

    /// Cuts `text` to at most `width` characters, ending with `ellipsis` when it was cut.
    ///
    /// When `width` leaves no room for even one character before the ellipsis, the text is
    /// cut hard instead: a lone ellipsis would hide what the text was.
    public static func truncate(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width >= 1 else { return "" }
        guard text.count > width else { return text }

        let kept = width - ellipsis.count
        if kept < 1 { return String(text.prefix(width)) }
        return String(text.prefix(kept)) + ellipsis
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        guard !words.isEmpty else { return [""] }

        var lines: [String] = []
        var line = ""
        for var word in words {
            // Fill what is left of the current line before hard-breaking a long word, so a
            // URL or a long number does not leave a half-empty line above it.
            if !line.isEmpty && line.count + 1 + word.count > width {
                if word.count > width && width - line.count - 1 >= 1 {
                    let room = width - line.count - 1
                    line += " " + word.prefix(room)
                    word = word.dropFirst(room)
                }
                lines.append(line)
                line = ""
            } else if !line.isEmpty {
                line += " "
            }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            line += word
        }
        lines.append(line)
        return lines
    }
}

extension Screen {
    /// Writes `text` word-wrapped into `rect`, one line per row from the top.
    ///
    /// Text that needs more rows than `rect` has is cut, and the last row shown ends with the
    /// glyph set's ellipsis so a reader knows there is more.
    ///
    /// - Returns: the number of rows written, at most `rect.height`.
    @discardableResult
    public mutating func putWrapped(
        _ text: String, in rect: Rect, style: Style = .normal,
        glyphs: Glyphs = .unicode
    ) -> Int {
        guard rect.height >= 1 else { return 0 }

        let lines = TextWrap.lines(text, width: rect.width)
        let shown = min(lines.count, rect.height)
        for index in 0..<shown {
            var line = lines[index]
            let isCut = index == shown - 1 && shown < lines.count
            if isCut {
                // The ellipsis follows a short line, or takes the place of a full line's end.
                let room = max(1, min(line.count, rect.width - glyphs.ellipsis.count))
                line = String(line.prefix(room)) + glyphs.ellipsis
                line = String(line.prefix(rect.width))
            }
            put(line, x: rect.x, y: rect.y + index, style: style, maxWidth: rect.width)
        }
        return shown
    }
}
