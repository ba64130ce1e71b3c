import ConvModel
import ScreenModel

/// Every sandbox key, shown by `?`; any key closes it.
struct SandboxKeysView {
    let glyphs: GlyphSet

    static let sections: [(String, [(String, String)])] = [
        ("Moving", [
            ("Tab  Shift-Tab", "keys to input, filter, map, pool, settings"),
            ("arrows  h j k l", "move the cursor; in settings left/right choose, up/down change"),
            ("[  ]", "previous / next channel"),
            ("Space  Backspace", "in the pool area: pool one value at a time, or back"),
            ("f F  < >", "next / previous filter; previous / next layer"),
        ]),
        ("Editing", [
            ("0-9 - .  Enter", "type a value (1/9 works), Enter sets it, Esc cancels"),
            ("p then 1-9, 0", "preset: identity, edges, sobel, laplacian, blurs, ..."),
            ("s S  z Z  d D", "stride, padding (valid, same, 1, 2...), dilation up/down"),
            ("a  c", "next activation; cross-correlation / convolution"),
            ("o", "pooling off / max / average (on the last layer only)"),
            ("n x  N X", "add / remove a filter; add / remove the last layer"),
        ]),
        ("Files", [
            ("w", "save as a lesson file (asks for a path)"),
            ("Ctrl-U  Ctrl-W", "while typing: clear the line; delete the last word"),
            ("Esc", "back to the lesson (when opened with e)"),
            ("q", "quit"),
        ]),
    ]

    func draw(into screen: inout Screen) {
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1),
                    style: Style(.title, reverse: true))
        screen.put(" convlab " + String(glyphs.vertical) + " sandbox keys", x: 0, y: 0,
                   style: Style(.title, bold: true, reverse: true))
        var y = 2
        for (title, keys) in Self.sections {
            guard y < screen.height - 2 else { break }
            screen.put(title, x: 2, y: y, style: Style(.accent, bold: true))
            y += 1
            for (key, action) in keys where y < screen.height - 2 {
                screen.put(key, x: 3, y: y, style: Style(.normal, bold: true))
                screen.put(action, x: 21, y: y, maxWidth: screen.width - 22)
                y += 1
            }
        }
        screen.put("Press any key to go back.", x: 2, y: screen.height - 2, style: Style(.dim))
    }
}

/// The preset menu of `p`: the keys 1 to 9 and 0 each apply one preset to the filter.
struct SandboxPresetMenu {
    let glyphs: GlyphSet

    func draw(into screen: inout Screen) {
        let names = FilterPreset.names
        let box = Rect(x: max(0, screen.width - 30), y: 1, width: 28, height: names.count + 3)
        screen.fill(box, style: Style(.normal))
        screen.drawBox(box, title: "preset for this filter",
                       glyphs: glyphs == .ascii ? .ascii : .unicode)
        for (index, name) in names.enumerated() {
            // Keys 1 to 9 then 0, the order of the keyboard's top row.
            screen.put("\((index + 1) % 10)", x: box.x + 2, y: box.y + 1 + index,
                       style: Style(.normal, bold: true))
            screen.put(name, x: box.x + 5, y: box.y + 1 + index)
        }
        screen.put("other key: close", x: box.x + 2, y: box.y + 1 + names.count,
                   style: Style(.dim))
    }
}
