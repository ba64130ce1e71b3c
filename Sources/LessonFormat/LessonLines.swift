/// A lesson's text as numbered lines, with the byte-order mark, CR of CRLF endings and tabs
/// already dealt with, so the parser sees one clean form whatever editor wrote the file.
struct LessonLine {
    /// From 1.
    let number: Int
    /// The line with tabs expanded to spaces (columns as a reader counts them with tab stops
    /// of 4 would differ from an editor's; we count a tab as one column, as compilers do, and
    /// replace it by a space so the text still splits on it).
    let text: Substring

    var trimmed: Substring { text.trimmingSpaces() }
    var isBlank: Bool { trimmed.isEmpty }
    /// Column (from 1) of the first non-space character.
    var indent: Int { text.prefix { $0 == " " }.count + 1 }

    static func split(_ source: String) -> [LessonLine] {
        var text = Substring(source)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        // Splitting on "\n" alone keeps "\r" at line ends (Swift treats "\r\n" as one
        // Character, so split on both forms).
        let rawLines = text.split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r\n"
        }
        return rawLines.enumerated().map { index, raw in
            var line = String(raw)
            while line.hasSuffix("\r") { line.removeLast() }
            return LessonLine(number: index + 1,
                              text: Substring(line.replacingTabs()))
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> Substring {
        let string = Substring(self)
        guard let first = string.firstIndex(where: { $0 != " " }) else { return "" }
        let last = string.lastIndex(where: { $0 != " " })!
        return string[first...last]
    }

    func replacingTabs() -> String {
        // Most lines have no tab; rebuilding them character by character would dominate the
        // time to read a large data file.
        guard utf8.contains(UInt8(ascii: "\t")) else { return String(self) }
        return String(map { $0 == "\t" ? " " : $0 })
    }
}

/// A `key: value` line inside a block, with the columns of both parts for error messages.
struct KeyValue {
    let key: String
    let value: Substring
    let keyColumn: Int
    let valueColumn: Int

    /// Recognises `name: value` where the name is a word (letters, digits, `-`, `_`).
    init?(_ line: LessonLine) {
        let text = line.text
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon].trimmingSpaces()
        guard let first = name.first, first.isLetter,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        else { return nil }
        let afterColon = text[text.index(after: colon)...]
        let value = afterColon.trimmingSpaces()
        key = name.lowercased()
        self.value = value
        keyColumn = line.indent
        let leading = afterColon.prefix { $0 == " " }.count
        valueColumn = text.distance(from: text.startIndex, to: colon) + 2 + leading
    }
}
