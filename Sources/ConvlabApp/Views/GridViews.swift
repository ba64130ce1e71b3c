import ConvModel
import ScreenModel

/// Draws the input, the filter and the activation map of the current step.
struct GridViews {
    let layout: LessonLayout
    let session: LessonSession
    let glyphs: GlyphSet

    /// The product being added at this step, if it is a product step. Found once per frame:
    /// it takes listing the cell's products, and every input and filter cell asks for it.
    private let currentProduct: Product?

    init(layout: LessonLayout, session: LessonSession, glyphs: GlyphSet) {
        self.layout = layout
        self.session = session
        self.glyphs = glyphs
        let step = layout.step
        if case .product(let index) = step.kind {
            currentProduct = session.steps.products(
                layer: step.layer, filter: step.filter, outRow: step.outRow,
                outColumn: step.outColumn)[index]
        } else {
            currentProduct = nil
        }
    }

    private var trace: LayerTrace { layout.trace }
    private var step: Step { layout.step }

    /// The input channel on show: the one the current product reads, else the first.
    private var channel: Int { currentProduct?.channel ?? 0 }

    func draw(into screen: inout Screen) {
        drawInput(into: &screen)
        drawFilter(into: &screen)
        drawMap(into: &screen)
    }

    private func drawInput(into screen: inout Screen) {
        let geometry = trace.geometry
        let layerCount = session.steps.network.traces.count
        var title = step.layer == 0 ? "input" : "layer \(step.layer) output"
        title += " \(geometry.inputHeight)x\(geometry.inputWidth)"
        if trace.input.channels > 1 { title += " ch \(channel + 1)/\(trace.input.channels)" }
        if geometry.paddingTop + geometry.paddingLeft + geometry.paddingBottom
            + geometry.paddingRight > 0
        {
            title += " pad"
        }
        if layerCount > 1 { title = "L\(step.layer + 1) " + title }
        screen.put(title, x: layout.inputX, y: layout.gridTop, style: Style(.title, bold: true),
                   maxWidth: max(8, layout.filterX - layout.inputX - 1))

        if drawInputHeatmap(into: &screen) { return }
        // Looked up for every cell, so kept as flags over the rows and columns on screen
        // rather than hashed. The window's taps are each of its rows with each of its columns.
        let rows = layout.inputRows
        let columns = layout.inputColumns
        let origin = geometry.inputPosition(outRow: step.outRow, outColumn: step.outColumn,
                                            kernelRow: 0, kernelColumn: 0)
        let tapRows = rows.map {
            Self.isTap($0, first: origin.row, count: geometry.kernelHeight,
                       dilation: geometry.dilation)
        }
        let tapColumns = columns.map {
            Self.isTap($0, first: origin.column, count: geometry.kernelWidth,
                       dilation: geometry.dilation)
        }
        let unreachedRows = Set(geometry.unreachedRows)
        let unreachedColumns = Set(geometry.unreachedColumns)
        let skippedRows = rows.map(unreachedRows.contains)
        let skippedColumns = columns.map(unreachedColumns.contains)
        let digits = layout.inputCellWidth - 1 - layout.spacing
        let showsWindow = step.kind != .activate
        for row in layout.inputRows {
            let y = layout.inputY(ofRow: row)
            if skippedRows[row - rows.lowerBound] {
                screen.put(String(glyphs.skipped), x: layout.inputX - 1, y: y,
                           style: Style(.skipped))
            }
            for column in layout.inputColumns {
                let x = layout.inputX(ofColumn: column)
                let inside = row >= 0 && row < geometry.inputHeight && column >= 0
                    && column < geometry.inputWidth
                let isTap = showsWindow && tapRows[row - rows.lowerBound]
                    && tapColumns[column - columns.lowerBound]
                let isCurrent = currentProduct.map {
                    $0.inputRow == row && $0.inputColumn == column
                } ?? false
                var text: String
                var style: Style
                if inside {
                    let value = trace.input[row, column, channel]
                    text = NumberFormat.format(value, width: digits)
                    style = valueStyle(value)
                    if skippedRows[row - rows.lowerBound]
                        || skippedColumns[column - columns.lowerBound]
                    {
                        style = Style(.skipped)
                    }
                } else {
                    text = String(glyphs.padding)
                    style = Style(.padding)
                }
                if isTap { style = Style(.window, bold: true) }
                if isCurrent { style = Style(.current, bold: true, reverse: true) }
                let mark: Character = isCurrent ? glyphs.current : (isTap ? glyphs.window : " ")
                drawCell(&screen, x: x, y: y, mark: mark, text: text, digits: digits,
                         style: style)
            }
        }
        // Column marks for the columns a stride skips.
        let markRow = layout.inputY(ofRow: layout.inputRows.upperBound)
        for column in columns where skippedColumns[column - columns.lowerBound] {
            screen.put(String(glyphs.skipped), x: layout.inputX(ofColumn: column)
                       + layout.inputCellWidth - 1, y: markRow, style: Style(.skipped))
        }
        // Column inputX - 1 holds the skipped-row marks, so these go one further out.
        ScrollMarks(
            shownRows: rows, shownColumns: columns,
            allRows: -geometry.paddingTop..<(geometry.inputHeight + geometry.paddingBottom),
            allColumns: -geometry.paddingLeft..<(geometry.inputWidth + geometry.paddingRight),
            leftX: layout.inputX - 2, rightX: layout.inputX(ofColumn: columns.upperBound),
            topY: layout.inputY(ofRow: rows.lowerBound), glyphs: glyphs
        ).draw(into: &screen)
    }

    private func drawFilter(into screen: inout Screen) {
        let filter = trace.appliedFilters[step.filter]
        screen.put(Self.filterTitle(trace: trace, filter: step.filter), x: layout.filterX,
                   y: layout.gridTop, style: Style(.title, bold: true),
                   maxWidth: max(6, layout.mapX - layout.filterX - 1))
        let digits = layout.filterCellWidth - 1 - layout.spacing
        let current = currentProduct
        for row in 0..<filter.height {
            for column in 0..<filter.width {
                let value = filter.weights[row, column, channel]
                let isCurrent = current.map {
                    $0.kernelRow == row && $0.kernelColumn == column
                } ?? false
                let style = isCurrent ? Style(.current, bold: true, reverse: true)
                    : valueStyle(value)
                drawCell(&screen, x: layout.filterX + column * layout.filterCellWidth,
                         y: layout.filterY(ofRow: row), mark: isCurrent ? glyphs.current : " ",
                         text: NumberFormat.format(value, width: digits), digits: digits,
                         style: style)
            }
        }
        let y = layout.filterY(ofRow: filter.height - 1) + 2
        screen.put("bias " + NumberFormat.format(filter.bias), x: layout.filterX + 1, y: y,
                   style: step.kind == .bias ? Style(.current, bold: true, reverse: true)
                       : Style(.dim))
        let settings = trace.layer.settings
        var lines = ["stride \(settings.stride)", "pad \(settings.padding)"]
        if settings.dilation > 1 { lines.append("dilation \(settings.dilation)") }
        for (offset, line) in lines.enumerated() {
            screen.put(line, x: layout.filterX + 1, y: y + 1 + offset, style: Style(.dim),
                       maxWidth: layout.mapX - layout.filterX - 2)
        }
    }

    static func filterTitle(trace: LayerTrace, filter index: Int) -> String {
        let filter = trace.appliedFilters[index]
        var title = "filter " + filter.name
        if trace.appliedFilters.count > 1 {
            title = "filter \(index + 1)/\(trace.appliedFilters.count) " + filter.name
        }
        if trace.layer.settings.flipsKernel { title += " (flipped)" }
        return title
    }

    private func drawMap(into screen: inout Screen) {
        let geometry = trace.geometry
        let activation = trace.layer.activation
        // While the student predicts the map's size, neither the title nor the cells give it away.
        let sizeHidden = session.hiddenSizeLayer == step.layer
        var title = sizeHidden ? "map ?x?" : "map \(geometry.outputHeight)x\(geometry.outputWidth)"
        if activation != .identity { title += " → " + activation.description }
        screen.put(title, x: layout.mapX, y: layout.gridTop, style: Style(.title, bold: true),
                   maxWidth: max(4, layout.width - layout.mapX - 1))
        guard !sizeHidden else { return }
        let progress = session.steps.progress(ofLayer: step.layer, filter: step.filter, at: step)
        if drawMapHeatmap(into: &screen, progress: progress) { return }
        let digits = layout.mapCellWidth - 1 - layout.spacing
        let hidden = session.hiddenCell
        for row in layout.mapRows {
            for column in layout.mapColumns {
                let index = row * geometry.outputWidth + column
                let raw = trace.preactivation[row, column, step.filter]
                let activated = trace.output[row, column, step.filter]
                let isCurrent = step.outRow == row && step.outColumn == column
                var mark: Character = " "
                var text = String(glyphs.unfilled)
                var style = Style(.dim)
                if index < progress.activated {
                    text = NumberFormat.format(activated, width: digits)
                    style = valueStyle(activated)
                    if activated != raw && activated == 0 {
                        // The mark sits against its own 0, not in the gutter, where it would
                        // read as belonging to the number on its left.
                        text = String(glyphs.zeroed) + "0"
                        style = Style(.zeroed, bold: true)
                    }
                } else if index < progress.written {
                    text = NumberFormat.format(raw, width: digits)
                    style = valueStyle(raw)
                }
                if isCurrent && step.kind != .place {
                    style = Style(style.role == .dim ? .current : style.role, bold: true,
                                  reverse: true)
                }
                if isCurrent { mark = glyphs.current }
                if let hidden, hidden.layer == step.layer, hidden.filter == step.filter,
                   hidden.row == row, hidden.column == column
                {
                    text = "?"
                    style = Style(.current, bold: true, reverse: true)
                }
                drawCell(&screen, x: layout.mapX(ofColumn: column), y: layout.mapY(ofRow: row),
                         mark: mark, text: text, digits: digits, style: style)
            }
        }
        ScrollMarks(
            shownRows: layout.mapRows, shownColumns: layout.mapColumns,
            allRows: 0..<geometry.outputHeight, allColumns: 0..<geometry.outputWidth,
            leftX: layout.mapX - 1, rightX: layout.mapX(ofColumn: layout.mapColumns.upperBound),
            topY: layout.mapY(ofRow: layout.mapRows.lowerBound), glyphs: glyphs
        ).draw(into: &screen)
    }

    /// Draws a mark in the gutter and the value right-aligned after it.
    private func drawCell(_ screen: inout Screen, x: Int, y: Int, mark: Character, text: String,
                          digits: Int, style: Style) {
        // Cells written directly rather than through padded strings: this runs for every
        // number on screen, every frame.
        let pad = max(0, digits - text.count)
        screen.fill(Rect(x: x, y: y, width: layout.spacing, height: 1), scalar: " ")
        screen[x + layout.spacing, y] = Cell(mark, style: style)
        screen.fill(Rect(x: x + layout.spacing + 1, y: y, width: pad, height: 1), scalar: " ",
                    style: style)
        screen.put(text, x: x + layout.spacing + 1 + pad, y: y, style: style)
    }

    private func valueStyle(_ value: Double) -> Style {
        if value > 0 { return Style(.positive) }
        if value < 0 { return Style(.negative) }
        return Style(.zero)
    }

    /// Whether input row (or column) `index` is one of the `count` taps from `first`,
    /// `dilation` apart.
    private static func isTap(_ index: Int, first: Int, count: Int, dilation: Int) -> Bool {
        let offset = index - first
        return offset >= 0 && offset % dilation == 0 && offset / dilation < count
    }

    // MARK: - Heatmaps, for grids too large for numbers

    /// The rows below the titles that the grids share, down to the products.
    private var heatmapHeight: Int { layout.productsTop - layout.gridTop - 2 }

    /// Draws the input as a heatmap when it does not fit as numbers; returns whether it did.
    private func drawInputHeatmap(into screen: inout Screen) -> Bool {
        let geometry = trace.geometry
        let rows = geometry.inputHeight + geometry.paddingTop + geometry.paddingBottom
        let columns = geometry.inputWidth + geometry.paddingLeft + geometry.paddingRight
        guard GridHeatmap.needed(rows: rows, columns: columns,
                                 shownRows: layout.inputRows.count,
                                 shownColumns: layout.inputColumns.count)
        else { return false }
        // The cell being multiplied, else the centre of the window.
        let position = currentProduct.map { ($0.inputRow, $0.inputColumn) }
            ?? geometry.inputPosition(outRow: step.outRow, outColumn: step.outColumn,
                                      kernelRow: geometry.kernelHeight / 2,
                                      kernelColumn: geometry.kernelWidth / 2)
        let inside = position.0 >= 0 && position.0 < geometry.inputHeight && position.1 >= 0
            && position.1 < geometry.inputWidth
        let size = geometry.inputHeight * geometry.inputWidth
        GridHeatmap(
            area: Rect(x: layout.inputX, y: layout.gridTop + 1,
                       width: layout.filterX - 3 - layout.inputX, height: heatmapHeight),
            height: geometry.inputHeight, width: geometry.inputWidth,
            values: Array(trace.input.values[(channel * size)..<((channel + 1) * size)]),
            shown: nil, focus: inside ? (position.0, position.1) : nil,
            focusText: inside ? NumberFormat.format(trace.input[position.0, position.1, channel])
                : nil,
            glyphs: glyphs
        ).draw(into: &screen)
        return true
    }

    /// Draws the map as a heatmap when it does not fit as numbers; returns whether it did.
    private func drawMapHeatmap(into screen: inout Screen,
                                progress: (written: Int, activated: Int)) -> Bool {
        let geometry = trace.geometry
        guard GridHeatmap.needed(rows: geometry.outputHeight, columns: geometry.outputWidth,
                                 shownRows: layout.mapRows.count,
                                 shownColumns: layout.mapColumns.count)
        else { return false }
        let count = geometry.outputHeight * geometry.outputWidth
        let values = (0..<count).map { index in
            let (row, column) = (index / geometry.outputWidth, index % geometry.outputWidth)
            return index < progress.activated ? trace.output[row, column, step.filter]
                : trace.preactivation[row, column, step.filter]
        }
        let focus = step.outRow * geometry.outputWidth + step.outColumn
        // An open prediction about this very cell keeps its value out of the caption.
        let written = focus < progress.written && !session.currentCellIsHidden
        GridHeatmap(
            area: Rect(x: layout.mapX, y: layout.gridTop + 1, width: layout.width - layout.mapX - 1,
                       height: heatmapHeight),
            height: geometry.outputHeight, width: geometry.outputWidth, values: values,
            shown: (0..<count).map { $0 < progress.written },
            focus: (step.outRow, step.outColumn),
            focusText: written ? NumberFormat.format(values[focus]) : nil,
            glyphs: glyphs
        ).draw(into: &screen)
        return true
    }
}
