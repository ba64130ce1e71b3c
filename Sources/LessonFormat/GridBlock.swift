import ConvModel

/// Reads grid rows written one per line, with blank lines between channels, keeping the
/// location of every value so an error points at the offending token.
struct GridBlock {
    private(set) var channels: [[[Double]]] = [[]]
    /// Where each channel's first row is, so a channel of the wrong size is pointed at.
    private var firstRowOfChannel: [(line: Int, column: Int)] = []
    private var pendingBlank = false
    /// Whether a row was refused (already reported); the grid is then not built, so one
    /// mistake does not also show up as a missing row or a wrong size further on.
    private(set) var hasRefusedRow = false

    /// Adds a blank line: the next row starts a new channel (if this one has rows).
    mutating func addBlank() {
        if !(channels.last?.isEmpty ?? true) { pendingBlank = true }
    }

    var isEmpty: Bool { channels.count == 1 && channels[0].isEmpty }

    /// Adds one row of values, reporting bad tokens and ragged rows.
    mutating func addRow(_ line: LessonLine, file: String, problems: inout [LessonProblem]) {
        if pendingBlank {
            channels.append([])
            pendingBlank = false
        }
        var row: [Double] = []
        var failed = false
        for (token, column) in Self.tokens(of: line.text) {
            switch NumberText.parse(token) {
            case .success(let value): row.append(value)
            case .failure(let failure):
                failed = true
                problems.append(LessonProblem(
                    SourceLocation(file: file, line: line.number, column: column),
                    NumberText.message(for: token, failure)))
            }
        }
        guard !failed else {
            hasRefusedRow = true
            return
        }
        if let first = channels[channels.count - 1].first, first.count != row.count {
            let column = row.count > first.count
                ? Self.tokens(of: line.text)[first.count].1 : line.indent
            problems.append(LessonProblem(
                SourceLocation(file: file, line: line.number, column: column),
                "ragged grid: this row has \(row.count) values but the first row has "
                    + "\(first.count)"))
            hasRefusedRow = true
            return
        }
        if channels[channels.count - 1].isEmpty {
            firstRowOfChannel.append((line.number, line.indent))
        }
        channels[channels.count - 1].append(row)
    }

    /// The grid, or nil when a row was refused, rows are missing or the channels differ in
    /// size (reported).
    func grid(file: String, line: Int, problems: inout [LessonProblem]) -> Grid? {
        guard !hasRefusedRow else { return nil }
        let filled = channels.filter { !$0.isEmpty }
        guard let first = filled.first else {
            problems.append(LessonProblem(
                SourceLocation(file: file, line: line, column: 1), "this grid has no rows"))
            return nil
        }
        for (index, rows) in filled.enumerated().dropFirst()
        where rows.count != first.count || rows[0].count != first[0].count {
            let start = firstRowOfChannel[index]
            problems.append(LessonProblem(
                SourceLocation(file: file, line: start.line, column: start.column),
                "channel \(index + 1) is \(rows.count)x\(rows[0].count) but channel 1 is "
                    + "\(first.count)x\(first[0].count); every channel has the same size"))
            return nil
        }
        do {
            return try Grid(channels: filled)
        } catch {
            problems.append(LessonProblem(
                SourceLocation(file: file, line: line, column: 1), "\(error)"))
            return nil
        }
    }

    /// Splits on spaces and commas, giving each token with its column (from 1).
    static func tokens(of text: Substring) -> [(Substring, Int)] {
        var result: [(Substring, Int)] = []
        var start: Substring.Index?
        var column = 0
        var startColumn = 0
        for index in text.indices {
            column += 1
            let separator = text[index] == " " || text[index] == ","
            if separator {
                if let begin = start {
                    result.append((text[begin..<index], startColumn))
                    start = nil
                }
            } else if start == nil {
                start = index
                startColumn = column
            }
        }
        if let begin = start { result.append((text[begin...], startColumn)) }
        return result
    }

    /// Reads a whole data file of whitespace-separated rows (blank lines between channels).
    static func parseFile(_ contents: String, file: String, problems: inout [LessonProblem])
        -> Grid?
    {
        var block = GridBlock()
        var lastLine = 1
        for line in LessonLine.split(contents) {
            if line.trimmed.hasPrefix("#") { continue }
            if line.isBlank {
                block.addBlank()
            } else {
                block.addRow(line, file: file, problems: &problems)
                lastLine = line.number
            }
        }
        return block.grid(file: file, line: lastLine, problems: &problems)
    }
}
