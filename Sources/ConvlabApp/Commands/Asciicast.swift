import Foundation
import ScreenModel

/// An asciicast v2 recording: a JSON header line, then one `[time, "o", text]` line per
/// frame with the bytes a terminal would have received. asciinema plays it back.
struct Asciicast {
    let width: Int
    let height: Int
    let title: String
    /// Seconds since 1970 when the recording was made.
    let timestamp: Int
    private(set) var lines: [String] = []
    /// The screen the player shows after the last frame.
    private var shown: Screen?
    private var lastTime = 0.0

    init(width: Int, height: Int, title: String, timestamp: Int) {
        self.width = width
        self.height = height
        self.title = title
        self.timestamp = timestamp
        lines.append("{\"version\": 2, \"width\": \(width), \"height\": \(height), "
                     + "\"timestamp\": \(timestamp), \"title\": " + Self.jsonString(title)
                     + ", \"env\": {\"TERM\": \"xterm-256color\"}}")
    }

    /// Adds `screen` at `time` seconds: the whole screen the first time, after that only the
    /// cells that changed. Times never go backwards; a frame with no change adds no line.
    mutating func add(_ screen: Screen, at time: Double, palette: Palette) {
        var output = ""
        if shown == nil {
            // Hide the cursor, reset, clear: the player starts from a blank screen.
            output = "\u{1B}[?25l\u{1B}[0m\u{1B}[2J"
        }
        output += Self.changes(from: shown ?? Screen(width: width, height: height), to: screen,
                               palette: palette)
        shown = screen
        guard !output.isEmpty else { return }
        addEvent(output, at: time)
    }

    /// Shows the cursor again and resets the colours, as the app does when it quits.
    mutating func finish(at time: Double) {
        addEvent("\u{1B}[0m\u{1B}[?25h", at: time)
    }

    private mutating func addEvent(_ output: String, at time: Double) {
        lastTime = max(lastTime, time)
        lines.append("[" + String(format: "%.6f", lastTime) + ", \"o\", "
                     + Self.jsonString(output) + "]")
    }

    /// The file's text, one JSON value per line.
    var text: String { lines.joined(separator: "\n") + "\n" }

    /// Escapes that turn `old` into `new`: a cursor move before each run of changed cells,
    /// and a style escape (reset first, as `ansiText` does) only where the style changes.
    static func changes(from old: Screen, to new: Screen, palette: Palette) -> String {
        var output = ""
        var cursor: (x: Int, y: Int)?
        var style: String?
        for y in 0..<new.height {
            for x in 0..<new.width where old[x, y] != new[x, y] {
                if cursor.map({ $0.x != x || $0.y != y }) ?? true {
                    output += "\u{1B}[\(y + 1);\(x + 1)H"
                }
                let cell = new[x, y]
                let parameters = palette.sgrParameters(for: cell.style)
                if parameters != style {
                    output += parameters.isEmpty ? "\u{1B}[0m" : "\u{1B}[0;\(parameters)m"
                    style = parameters
                }
                output.append(Screen.printable(cell.character))
                // Writing in the last column leaves the cursor there, so always move after it.
                cursor = x + 1 < new.width ? (x + 1, y) : nil
            }
        }
        return output
    }

    /// A JSON string literal: quotes, backslashes and control characters (ESC among them)
    /// escaped, everything else written as UTF-8.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
