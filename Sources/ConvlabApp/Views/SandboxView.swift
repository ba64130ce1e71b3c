import ConvModel
import ScreenModel

/// The sandbox screen: header, grids, settings, the selected cell's computation, the
/// PyTorch line (always shown), the gradient panel, the edit or prompt line and the keys.
struct SandboxView {
    let state: AppState
    let sandbox: SandboxState

    /// The key bar drops entries from its end first, so the ones a newcomer needs come first.
    static let keys: [(String, String)] = [
        ("?", "keys"), ("Tab", "area"), ("arrows", "move"), ("0-9 Enter", "set"),
        ("p", "preset"), ("w", "save"), ("a", "activation"), ("s z d", "stride pad dil"),
        ("c", "flip"), ("o", "pool"), ("n x", "filter"), ("N", "layer"), ("q", "quit"),
    ]

    func draw(into screen: inout Screen) {
        if sandbox.showingKeys {
            SandboxKeysView(glyphs: state.glyphs).draw(into: &screen)
            return
        }
        let layout = SandboxLayout(width: screen.width, height: screen.height, sandbox: sandbox)
        drawHeader(into: &screen)
        SandboxGridsView(layout: layout, sandbox: sandbox, glyphs: state.glyphs)
            .draw(into: &screen)
        drawSettings(layout, into: &screen)
        let rule = String(repeating: state.glyphs.horizontal, count: max(0, layout.textWidth + 1))
        screen.put(rule, x: 0, y: layout.lowerTop - 1, style: Style(.border))
        // The PyTorch line is always shown whole; the computation takes the rows left.
        let pytorch = wrapWords(pytorchText, width: layout.textWidth - 1)
        let rows = max(2, layout.lowerRows - pytorch.count)
        let used = drawComputation(layout, rows: rows, into: &screen)
        drawPyTorch(pytorch, layout, top: layout.lowerTop + used, into: &screen)
        GradientPanelView(rect: layout.panel, panel: sandbox.gradients, glyphs: state.glyphs,
                          lessonTrace: sandbox.trace, canEnlarge: false).draw(into: &screen)
        drawMessageLine(layout, into: &screen)
        if sandbox.showingPresets { SandboxPresetMenu(glyphs: state.glyphs).draw(into: &screen) }
        KeyBar.draw(Self.keys, into: &screen, glyphs: state.glyphs)
    }

    private func drawHeader(into screen: inout Screen) {
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1),
                    style: Style(.title, reverse: true))
        let left = " convlab " + String(state.glyphs.vertical) + " sandbox"
            + (sandbox.title == "sandbox" ? "" : ": " + sandbox.title)
        var right = ""
        if sandbox.layers.count > 1 {
            right += "layer \(sandbox.layer + 1)/\(sandbox.layers.count)  "
        }
        right += "keys in: \(sandbox.focus.rawValue) "
        let rightX = max(0, screen.width - right.count)
        screen.put(left, x: 0, y: 0, style: Style(.title, bold: true, reverse: true),
                   maxWidth: max(0, rightX - 1))
        screen.put(right, x: rightX, y: 0, style: Style(.title, bold: true, reverse: true))
    }

    /// The settings as `name value` items over two rows; the chosen one is reversed while the
    /// settings have the keys.
    private func drawSettings(_ layout: SandboxLayout, into screen: inout Screen) {
        var x = 1
        var y = layout.settingsTop
        if sandbox.focus == .settings {
            screen.put(state.glyphs == .ascii ? ">" : "▸", x: 0, y: y, style: Style(.accent))
        }
        for setting in SandboxState.Setting.allCases {
            let text = setting.rawValue + " " + value(of: setting)
            if x + text.count > screen.width - 1 && x > 1 {
                x = 1
                y += 1
            }
            let chosen = sandbox.focus == .settings && sandbox.setting == setting
            // Pooling belongs to the last layer: on the others its settings are dimmed.
            let pooling = [.pooling, .poolWindow, .poolStride].contains(setting)
            let off = pooling && (!sandbox.isLastLayer
                || (sandbox.pooling == nil && setting != .pooling))
            screen.put(text, x: x, y: y,
                       style: chosen ? Style(.current, bold: true, reverse: true)
                           : Style(off ? .dim : .normal))
            x += text.count + 2
        }
    }

    private func value(of setting: SandboxState.Setting) -> String {
        let layer = sandbox.currentLayer
        switch setting {
        case .stride: return "\(layer.settings.stride)"
        case .padding: return "\(layer.settings.padding)"
        case .dilation: return "\(layer.settings.dilation)"
        case .activation: return layer.activation.description
        case .kernel: return layer.settings.flipsKernel ? "convolution" : "cross-correlation"
        case .pooling:
            let kind = sandbox.pooling?.kind.rawValue ?? "off"
            guard !sandbox.isLastLayer else { return kind }
            return sandbox.pooling == nil ? "off (last layer only)"
                : kind + ", after layer \(sandbox.layers.count)"
        case .poolWindow, .poolStride:
            guard sandbox.isLastLayer, let pooling = sandbox.pooling else { return "-" }
            return "\(setting == .poolWindow ? pooling.window : pooling.stride)"
        }
    }

    /// The selected map cell's dot product and activation, or the selected pooled cell's
    /// window: the trace back from a result to what made it.
    /// Returns the rows used, so the PyTorch line can start right below.
    private func drawComputation(_ layout: SandboxLayout, rows: Int, into screen: inout Screen)
        -> Int
    {
        let rect = Rect(x: 1, y: layout.lowerTop, width: layout.textWidth - 1, height: rows)
        let tokens = sandbox.focus == .pool ? poolTokens() : dotProductTokens()
        // Focused on the second product, so a line too long keeps the products from the start
        // (the first is kept with the label anyway).
        let lines = DotProductView.wrap(tokens, width: rect.width, rows: rect.height,
                                        focus: 3, ellipsis: state.glyphs.ellipsis)
        for (offset, line) in lines.enumerated() {
            var x = rect.x
            for token in line {
                x = screen.put(token.text, x: x, y: rect.y + offset, style: token.style,
                               maxWidth: rect.maxX - x)
            }
        }
        return lines.count
    }

    private func dotProductTokens() -> [DotProductView.Token] {
        let cursor = sandbox.mapCursor
        let trace = sandbox.trace
        let steps = StepSequence(network: sandbox.network, granularity: .coarse)
        let products = steps.products(layer: sandbox.layer, filter: sandbox.filter,
                                      outRow: cursor.row, outColumn: cursor.column)
        var tokens = [DotProductView.Token(
            text: "map (\(cursor.row + 1),\(cursor.column + 1)) = ", style: Style(.dim))]
        for (index, product) in products.enumerated() {
            tokens.append(.init(text: "(" + NumberFormat.format(product.weight)
                                + String(state.glyphs.times) + NumberFormat.format(product.value)
                                + ")", style: Style(.normal)))
            if index < products.count - 1 { tokens.append(.init(text: " + ", style: Style(.dim))) }
        }
        let raw = trace.preactivation[cursor.row, cursor.column, sandbox.filter]
        let activation = trace.layer.activation
        tokens.append(.init(text: " + ", style: Style(.dim)))
        tokens.append(.init(text: "b " + NumberFormat.format(sandbox.currentFilter.bias),
                            style: Style(.normal)))
        tokens.append(.init(text: " = " + NumberFormat.format(raw), style: Style(.accent,
                                                                                   bold: true)))
        if activation != .identity {
            let after = activation.value(raw)
            tokens.append(.init(text: arrow + "\(activation) " + NumberFormat.format(after),
                                style: after == 0 && raw != 0 ? Style(.zeroed, bold: true)
                                    : Style(.accent, bold: true)))
        }
        return tokens
    }

    private func poolTokens() -> [DotProductView.Token] {
        guard let pooled = sandbox.pooled else { return [] }
        let cursor = sandbox.poolCursor
        let window = pooled.window(outRow: cursor.row, outColumn: cursor.column,
                                   channel: sandbox.filter)
        let name = window.kind == .max ? "max" : "mean"
        // While stepping: the values visited so far, the one visited now, the rest to come.
        let step = sandbox.poolStep.flatMap { index in sandbox.poolingSteps?.step(at: index) }
        var visited = window.values.count
        var current: Int?
        if let step {
            switch step.kind {
            case .place: visited = 0
            case .visit(let index):
                visited = index + 1
                current = index
            case .write: break
            }
        }
        var tokens = [DotProductView.Token(
            text: "pool (\(cursor.row + 1),\(cursor.column + 1)) = \(name)(", style: Style(.dim))]
        tokens += window.values.enumerated().map { index, value in
            .init(text: NumberFormat.format(value) + (index < window.values.count - 1 ? ", " : ")"),
                  style: index == current ? Style(.current, bold: true, reverse: true)
                      : Style(index < visited ? .normal : .dim))
        }
        if let step, step.kind != .write {
            let soFar = visited == 0 ? "window placed"
                : (window.kind == .max ? "max so far " : "sum so far ")
                    + NumberFormat.format(step.runningValue)
            tokens.append(.init(text: "  " + soFar, style: Style(.accent, bold: true)))
            return tokens
        }
        tokens.append(.init(text: " = " + NumberFormat.format(window.result)
                                + (step == nil ? "" : "  written"),
                            style: Style(.accent, bold: true)))
        tokens.append(.init(text: "  from map rows \(window.rows.lowerBound + 1)-"
                                + "\(window.rows.upperBound), columns "
                                + "\(window.columns.lowerBound + 1)-\(window.columns.upperBound)",
                            style: Style(.dim)))
        return tokens
    }

    /// The equivalent PyTorch layer and its output shape, always on screen.
    private var pytorchText: String {
        guard let line = sandbox.pytorch else { return "" }
        var text = line.call + arrow + line.shapeText
        if let module = PyTorchCall.module(for: sandbox.currentLayer.activation) {
            text += ", " + module
        }
        if sandbox.showsPooling, let pooled = sandbox.pooled {
            text += ", " + PyTorchCall.module(for: pooled.pooling)
        }
        if let note = line.note { text += " (" + note + ")" }
        return text
    }

    private func drawPyTorch(_ lines: [String], _ layout: SandboxLayout, top: Int,
                             into screen: inout Screen) {
        let rows = layout.messageY - top
        for (offset, row) in lines.prefix(rows).enumerated() {
            var shown = row
            if offset == rows - 1 && lines.count > rows { shown += " " + state.glyphs.ellipsis }
            screen.put(shown, x: 1, y: top + offset, style: Style(.accent),
                       maxWidth: layout.textWidth - 1)
        }
    }

    /// The last message, wrapped over up to two rows so its reason shows whole at 80 columns,
    /// with the edit field or save prompt below it: the rows go up from the message line,
    /// over the bottom of the panels, only while there is something to say.
    private func drawMessageLine(_ layout: SandboxLayout, into screen: inout Screen) {
        let width = screen.width - 2
        var rows: [[DotProductView.Token]] = []
        if let message = sandbox.message {
            var lines = wrapWords(message, width: width)
            if lines.count > 2 {
                lines = Array(lines.prefix(2))
                lines[1] = String(lines[1].prefix(width - 1)) + state.glyphs.ellipsis
            }
            rows += lines.map { [.init(text: $0, style: Style(.accent))] }
        }
        if let field = fieldTokens(width: width) { rows.append(field) }
        if sandbox.showingPresets {
            // Said at the bottom too, where the eye is after typing, with the list above.
            rows.append([.init(text: "preset for filter \(sandbox.filter + 1): press 1-9 or 0 "
                                   + "(listed above); any other key closes",
                               style: Style(.accent, bold: true))])
        }
        for (offset, row) in rows.enumerated() {
            let y = layout.messageY - (rows.count - 1 - offset)
            guard y >= layout.lowerTop else { continue }
            screen.fill(Rect(x: 0, y: y, width: screen.width, height: 1), style: Style(.normal))
            var x = 1
            for token in row {
                x = screen.put(token.text, x: x, y: y, style: token.style,
                               maxWidth: max(0, 1 + width - x))
            }
        }
    }

    /// The save prompt or the edit field being typed, or nil when neither is open.
    private func fieldTokens(width: Int) -> [DotProductView.Token]? {
        let cursor = state.glyphs == .ascii ? "_" : "▏"
        let bold = Style(.accent, bold: true)
        if let prompt = sandbox.prompt {
            if prompt.confirmingOverwrite {
                let question = " exists: press y to overwrite it, any other key to keep it"
                return [.init(text: shortened(prompt.text, to: width - question.count)
                              + question, style: bold)]
            }
            let hint = prompt.suggested ? "   type a path to replace it, Enter saves, Esc cancels"
                : "   Enter saves, Esc cancels"
            // The end of a long path is kept: it is where the typing happens.
            let room = max(8, width - "save as: ".count - 1 - hint.count)
            let path = prompt.text.count <= room ? prompt.text
                : state.glyphs.ellipsis + String(prompt.text.suffix(room - 1))
            // The suggestion is shown as selected text: typing replaces it.
            return [.init(text: "save as: ", style: bold),
                    .init(text: path, style: prompt.suggested
                        ? Style(.current, bold: true, reverse: true) : bold),
                    .init(text: cursor, style: bold), .init(text: hint, style: Style(.dim))]
        }
        guard let edit = sandbox.edit else { return nil }
        return [.init(text: describe(edit.target) + ": " + edit.text + cursor,
                      style: Style(.current, bold: true, reverse: true)),
                .init(text: "   Enter sets, Esc cancels", style: Style(.dim))]
    }

    /// `text` cut in the middle to at most `limit` characters (at least 12).
    private func shortened(_ text: String, to limit: Int) -> String {
        let limit = max(12, limit)
        guard text.count > limit else { return text }
        return String(text.prefix(limit / 2 - 1)) + state.glyphs.ellipsis
            + String(text.suffix(limit - limit / 2))
    }

    /// " → ", or " -> " where the terminal has only ASCII.
    private var arrow: String { state.glyphs == .ascii ? " -> " : " → " }

    private func describe(_ target: SandboxState.EditTarget) -> String {
        func place(_ cursor: SandboxState.Cursor, channels: Int) -> String {
            "(\(cursor.row + 1),\(cursor.column + 1))" + (channels > 1 ? " ch \(cursor.channel + 1)"
                                                              : "")
        }
        switch target {
        case .input(let cursor): return "input " + place(cursor, channels: sandbox.input.channels)
        case .weight(let cursor):
            return "weight " + place(cursor, channels: sandbox.currentFilter.channels)
        case .bias: return "bias"
        case .setting(let setting): return setting.rawValue
        }
    }
}
