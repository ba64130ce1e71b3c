import ConvModel

/// The compact grid notation of the command line: rows separated by `;` or newlines, values by
/// spaces or commas, channels by `|`. `"1 2; 3 4 | 5 6; 7 8"` is 2x2 with two channels.
public enum GridText {
    /// A problem at a column (from 1) of the text.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var column: Int
        public var message: String

        public var description: String { "column \(column): \(message)" }
    }

    public static func parse(_ text: String) throws(Failure) -> Grid {
        var channels: [[[Double]]] = [[]]
        var row: [Double] = []
        var rowStart = 1
        var column = 0
        var token = ""
        var tokenStart = 0

        func endToken() throws(Failure) {
            guard !token.isEmpty else { return }
            switch NumberText.parse(Substring(token)) {
            case .success(let value): row.append(value)
            case .failure(let failure):
                throw Failure(column: tokenStart,
                              message: NumberText.message(for: Substring(token), failure))
            }
            token = ""
        }
        func endRow() throws(Failure) {
            try endToken()
            guard !row.isEmpty else { return }
            if let first = channels[channels.count - 1].first, first.count != row.count {
                throw Failure(column: rowStart, message: "this row has \(row.count) values but "
                              + "the first row of its channel has \(first.count)")
            }
            channels[channels.count - 1].append(row)
            row = []
        }

        for character in text {
            column += 1
            switch character {
            case " ", "\t", ",", "\r":
                try endToken()
            // "\r\n" is one Character in Swift, so it must be named apart from "\n".
            case ";", "\n", "\r\n":
                try endRow()
                rowStart = column + 1
            case "|":
                try endRow()
                guard !channels[channels.count - 1].isEmpty else {
                    throw Failure(column: column, message: "a channel before '|' is empty")
                }
                channels.append([])
                rowStart = column + 1
            default:
                if token.isEmpty {
                    tokenStart = column
                    if row.isEmpty { rowStart = column }
                }
                token.append(character)
            }
        }
        try endRow()
        guard !channels[channels.count - 1].isEmpty else {
            throw Failure(column: max(1, column), message: "the grid is empty")
        }
        do {
            return try Grid(channels: channels)
        } catch {
            throw Failure(column: 1, message: "\(error)")
        }
    }
}
