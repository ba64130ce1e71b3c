import Foundation
import ScreenModel

/// The one-line list of keys at the foot of every screen.
enum KeyBar {
    static let lesson: [(String, String)] = [
        ("→", "next"), ("←", "back"), ("p", "play"), ("+-", "speed"), ("f", "fine/coarse"),
        ("n N", "lesson"), ("L", "list"), ("?", "keys"), ("q", "quit"),
    ]
    static let gradients: [(String, String)] = [
        ("< >", "layer"), ("[ ]", "depth"), ("1-4", "curves"), ("r", "reseed"), ("t", "back"),
        ("?", "keys"), ("q", "quit"),
    ]
    static let list: [(String, String)] = [
        ("↑↓", "choose"), ("Enter", "open"), ("Esc", "back"), ("?", "keys"), ("q", "quit"),
    ]
    static let problems: [(String, String)] = [
        ("L", "lesson list"), ("n N", "other lesson"), ("q", "quit"),
    ]

    static func draw(_ keys: [(String, String)], into screen: inout Screen, glyphs: GlyphSet) {
        let y = screen.height - 1
        screen.fill(Rect(x: 0, y: y, width: screen.width, height: 1), style: Style(.keyBar))
        let texts = keys.map { (glyphs == .ascii ? asciiKey($0.0) : $0.0, $0.1) }
        // Two spaces between entries when they fit, one when space is short; entries that
        // still do not fit are dropped from the middle, so "q quit" always shows.
        let natural = texts.reduce(0) { $0 + $1.0.count + $1.1.count + 1 }
        let gap = natural + 2 * texts.count <= screen.width - 1 ? 2 : 1
        var shown = texts
        while shown.count > 2,
              shown.reduce(0, { $0 + $1.0.count + $1.1.count + 1 + gap }) > screen.width - 1 {
            shown.remove(at: shown.count - 2)
        }
        var x = 1
        for (key, action) in shown {
            x = screen.put(key, x: x, y: y, style: Style(.keyBar, bold: true))
            x = screen.put(" " + action + String(repeating: " ", count: gap), x: x, y: y,
                           style: Style(.keyBar))
        }
    }

    private static func asciiKey(_ key: String) -> String {
        key.replacingOccurrences(of: "→", with: "Right").replacingOccurrences(of: "←", with: "Left")
            .replacingOccurrences(of: "↑↓", with: "Up/Down")
    }
}
