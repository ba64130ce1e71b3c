import ConvModel
import Foundation
import ScreenModel

/// The gradient panel: log10 of the mean |gradient| against layer depth, one curve per
/// activation, with the selected layer's numbers. Drawn small beside the lesson, or over the
/// whole screen after `t`.
struct GradientPanelView {
    let rect: Rect
    let panel: GradientPanel
    let glyphs: GlyphSet
    /// The lesson's own current layer, for its dead-unit and sparsity figures.
    let lessonTrace: LayerTrace?
    /// Whether `t` opens the panel full screen here (the lesson player; not the sandbox).
    var canEnlarge = true

    static let letters: [Character] = ["s", "t", "r", "l"]
    static let roles: [Role] = [.sigmoidCurve, .tanhCurve, .reluCurve, .leakyReLUCurve]

    func draw(into screen: inout Screen) {
        guard rect.width >= 12, rect.height >= 4 else { return }
        if !panel.fullScreen {
            for y in rect.y..<rect.maxY {
                screen.put(String(glyphs.vertical), x: rect.x, y: y, style: Style(.border))
            }
        }
        let inner = panel.fullScreen ? rect : Rect(x: rect.x + 2, y: rect.y,
                                                    width: rect.width - 2, height: rect.height)
        let title = panel.fullScreen
            ? "Gradient size per layer: log10 mean |dL/dinput|, \(panel.layers) layers, "
                + "seed \(panel.seed)"
            : "gradients, \(panel.layers) layers"
        screen.put(title, x: inner.x, y: inner.y, style: Style(.title, bold: true),
                   maxWidth: inner.width)
        guard let report = panel.report else {
            screen.put(panel.failure ?? "no input", x: inner.x, y: inner.y + 1,
                       style: Style(.error), maxWidth: inner.width)
            return
        }
        let footer = panel.fullScreen ? min(12, max(inner.height / 2, inner.height - 10)) : 3
        let plot = Rect(x: inner.x + 5, y: inner.y + 1, width: inner.width - 5,
                        height: max(1, inner.height - 2 - footer))
        // A plot one or two rows high shows no slope and its axis labels collide: below three
        // rows the panel points to the full-screen view instead.
        if plot.height < 3 && canEnlarge {
            screen.put("press t for the plot", x: inner.x, y: plot.y,
                       style: Style(.dim), maxWidth: inner.width)
        } else {
            let range = drawPlot(report, in: plot, into: &screen)
            screen.put(Self.exponent(range.upperBound), x: inner.x, y: plot.y,
                       style: Style(.dim))
            screen.put(Self.exponent(range.lowerBound), x: inner.x, y: plot.maxY - 1,
                       style: Style(.dim))
        }
        drawAxis(report, plot: plot, into: &screen)
        var y = plot.maxY + 1
        y = drawLegend(report, x: inner.x, y: y, width: inner.width, into: &screen)
        drawSelected(report, x: inner.x, y: y, rect: inner, into: &screen)
    }

    /// Plots each shown curve and returns the log10 range of the y axis.
    private func drawPlot(_ report: GradientReport, in plot: Rect, into screen: inout Screen)
        -> ClosedRange<Double>
    {
        let logs = report.meanAbsGradient.map { $0.map { log10(max($0, 1e-300)) } }
        let visible = logs.indices.filter { panel.shown[$0] }.flatMap { logs[$0] }
        let low = floor(visible.min() ?? -1)
        var high = ceil(visible.max() ?? 1)
        if high <= low { high = low + 1 }
        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        func point(_ layer: Int, _ value: Double) -> (x: Int, y: Int) {
            let x = report.layers > 1
                ? layer * (canvas.pixelWidth - 1) / (report.layers - 1) : 0
            let fraction = (value - low) / (high - low)
            let y = Int(((1 - fraction) * Double(canvas.pixelHeight - 1)).rounded())
            return (x, y)
        }
        for series in logs.indices where panel.shown[series] {
            for layer in 1..<max(1, logs[series].count) {
                let from = point(layer - 1, logs[series][layer - 1])
                let to = point(layer, logs[series][layer])
                canvas.line(from: from, to: to, series: series)
            }
        }
        canvas.render(into: &screen, at: plot, styles: Self.roles.map { Style($0) },
                      glyphs: glyphs == .ascii ? .ascii : .unicode)
        return low...high
    }

    private func drawAxis(_ report: GradientReport, plot: Rect, into screen: inout Screen) {
        let y = plot.maxY
        screen.put("1", x: plot.x, y: y, style: Style(.dim))
        let last = "\(report.layers)"
        screen.put(last, x: plot.maxX - last.count, y: y, style: Style(.dim))
        let label = "layer"
        screen.put(label, x: plot.x + (plot.width - label.count) / 2, y: y, style: Style(.dim))
        let pixelWidth = plot.width * 2
        let x = report.layers > 1
            ? panel.cursor * (pixelWidth - 1) / (report.layers - 1) / 2 : 0
        screen.put("^", x: plot.x + x, y: y, style: Style(.accent, bold: true))
    }

    private func drawLegend(_ report: GradientReport, x: Int, y: Int, width: Int,
                            into screen: inout Screen) -> Int {
        var column = x
        for (index, activation) in report.activations.enumerated() {
            let name = panel.fullScreen || width >= 36 ? activation.description
                : String(Self.letters[index])
            let text = "\(index + 1):" + name + (panel.shown[index] ? "" : " off") + " "
            guard column + text.count <= x + width else { break }
            column = screen.put(text, x: column, y: y,
                                style: panel.shown[index] ? Style(Self.roles[index], bold: true)
                                    : Style(.dim))
        }
        return y + 1
    }

    /// The selected layer's numbers: one line per activation when there is room.
    private func drawSelected(_ report: GradientReport, x: Int, y: Int, rect: Rect,
                              into screen: inout Screen) {
        let layer = panel.cursor
        guard panel.fullScreen else {
            // Entries wrap onto the rows left below the legend rather than being cut.
            var line = "L\(layer + 1)"
            var row = y
            for index in report.activations.indices where panel.shown[index] {
                let texts = panel.gradientTexts
                let entry = " \(Self.letters[index]) "
                    + (index < texts.count && layer < texts[index].count ? texts[index][layer]
                        : Self.scientific(report.meanAbsGradient[index][layer]))
                if line.count + entry.count > rect.maxX - x, row + 1 < rect.maxY {
                    screen.put(line, x: x, y: row, maxWidth: rect.maxX - x)
                    row += 1
                    line = "  "
                }
                line += entry
            }
            screen.put(line, x: x, y: row, maxWidth: rect.maxX - x)
            return
        }
        var row = y
        screen.put("layer \(layer + 1) of \(report.layers)   (< > move, [ ] layers, 1-4 curves, "
                   + "r reseed, t back)", x: x, y: row, style: Style(.accent), maxWidth: rect.width)
        row += 1
        let header = "activation   weights                mean|grad|   dead    zeros"
        screen.put(header, x: x, y: row, style: Style(.dim), maxWidth: rect.width)
        row += 1
        for (index, column) in report.columns.enumerated() where row < rect.maxY - 3 {
            let dead = column.deadFraction.map { Self.percent($0[layer]) } ?? "  n/a"
            let line = Self.pad(column.activation.description, 13)
                + Self.pad(column.initialisation.name, 23)
                + Self.pad(Self.scientific(column.meanAbsGradient[layer]), 13)
                + Self.pad(dead, 8) + Self.percent(column.sparsity[layer])
            screen.put(line, x: x, y: row, style: Style(Self.roles[index]), maxWidth: rect.width)
            row += 1
        }
        let bound = pow(0.25, Double(report.layers - layer))
        let boundText = "sigmoid' <= 0.25, so through the \(report.layers - layer) layer(s) "
            + "from here to the output its factor alone is at most 0.25^\(report.layers - layer)"
            + " = " + Self.scientific(bound) + "; ReLU' is 0 or 1."
        let boundRowsEnd = rect.maxY - 1 - (lessonTrace == nil ? 0 : 1)
        for line in wrapWords(boundText, width: rect.width) where row < boundRowsEnd {
            screen.put(line, x: x, y: row, maxWidth: rect.width)
            row += 1
        }
        if let trace = lessonTrace {
            let name = trace.layer.activation == .identity
                ? "no activation" : "\(trace.layer.activation)"
            var line = "this lesson's layer (\(name)): zeros "
                + Self.percent(UnitStatistics.sparsity(trace.output)).trimmingCharacters(
                    in: .whitespaces)
            if let dead = UnitStatistics.deadFraction(trace) {
                line += ", dead maps " + Self.percent(dead).trimmingCharacters(in: .whitespaces)
            }
            screen.put(line, x: x, y: row, maxWidth: rect.width)
            row += 1
        }
        screen.put("input: " + panel.inputNote, x: x, y: row, style: Style(.dim),
                   maxWidth: rect.width)
    }

    /// `value` as "%.1e" writes it, less the exponent's plus sign and leading zero:
    /// `1.2e-5`, `3.0e12`, `5.0e0`.
    static func scientific(_ value: Double) -> String {
        // Trimmed byte by byte: this runs every frame, and Foundation's search and replace
        // cost more than the formatting itself.
        var bytes = Array(String(format: "%.1e", value).utf8)
        if let e = bytes.firstIndex(of: UInt8(ascii: "e")), e + 1 < bytes.count {
            let sign = bytes[e + 1]
            if sign == UInt8(ascii: "+") { bytes.remove(at: e + 1) }
            let digit = sign == UInt8(ascii: "+") ? e + 1 : e + 2
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), digit + 1 < bytes.count,
               bytes[digit] == UInt8(ascii: "0")
            {
                bytes.remove(at: digit)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func exponent(_ value: Double) -> String { "1e\(Int(value))" }

    static func percent(_ value: Double) -> String {
        let text = String(format: "%.0f%%", value * 100)
        return String(repeating: " ", count: max(0, 5 - text.count)) + text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }
}
