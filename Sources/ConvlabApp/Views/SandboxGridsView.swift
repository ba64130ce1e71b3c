import ConvModel
import ScreenModel

/// The sandbox's grids: the layer's input (with padding and the selected map cell's
/// window), the filter with its bias, the activation map with the cells the activation
/// zeroed, and the pooled map when pooling is on.
///
/// Marks work without colour: `>` is the cursor, `[` a cell under the window being traced
/// back, `×` a cell the activation set to 0, `*` the cell max pooling kept.
struct SandboxGridsView {
    let layout: SandboxLayout
    let sandbox: SandboxState
    let glyphs: GlyphSet

    private var trace: LayerTrace { sandbox.trace }

    func draw(into screen: inout Screen) {
        drawInput(into: &screen)
        drawFilter(into: &screen)
        drawMap(into: &screen)
        if sandbox.showsPooling { drawPool(into: &screen) }
        drawMapBeforeActivation(into: &screen)
    }

    /// On a tall enough screen, the map before its activation under the map after it, so
    /// the cells ReLU zeroed can be read off in both.
    private func drawMapBeforeActivation(into screen: inout Screen) {
        let geometry = trace.geometry
        let activation = sandbox.currentLayer.activation
        let top = layout.gridTop + geometry.outputHeight + 2
        guard activation != .identity, layout.map.rows.count == geometry.outputHeight,
              top + geometry.outputHeight < layout.settingsTop - 1
        else { return }
        screen.put("before " + activation.description, x: layout.map.x, y: top,
                   style: Style(.title, bold: true))
        let digits = layout.map.cellWidth - 1
        for row in 0..<geometry.outputHeight {
            for column in layout.map.columns {
                let raw = trace.preactivation[row, column, sandbox.filter]
                drawCell(&screen, x: layout.map.x(ofColumn: column), y: top + 1 + row,
                         mark: " ", text: NumberFormat.format(raw, width: digits),
                         digits: digits, style: valueStyle(raw))
            }
        }
    }

    private func drawInput(into screen: inout Screen) {
        let geometry = trace.geometry
        let channel = sandbox.inputCursor.channel
        var title = sandbox.layer == 0 ? "input" : "layer \(sandbox.layer) output"
        title += " \(geometry.inputHeight)x\(geometry.inputWidth)"
        if trace.input.channels > 1 { title += " ch \(channel + 1)/\(trace.input.channels)" }
        title = focusTitle(title, focused: .input)
        screen.put(title, x: layout.input.x, y: layout.gridTop,
                   style: Style(.title, bold: true, underline: sandbox.focus == .input),
                   maxWidth: layout.filter.x - layout.input.x - 1)
        if drawHeatmap(trace.input.channel(channel), at: layout.input,
                       width: layout.filter.x - 3 - layout.input.x,
                       focus: sandbox.focus == .input ? sandbox.inputCursor : windowCentre,
                       into: &screen) { return }
        let taps = windowTaps()
        let digits = layout.input.cellWidth - 1
        for row in layout.input.rows {
            for column in layout.input.columns {
                let inside = row >= 0 && row < geometry.inputHeight && column >= 0
                    && column < geometry.inputWidth
                let isCursor = sandbox.focus == .input && inside
                    && sandbox.inputCursor.row == row && sandbox.inputCursor.column == column
                let isTap = sandbox.focus != .input && taps.contains([row, column])
                var style = Style(.padding)
                var text = String(glyphs.padding)
                if inside {
                    let value = trace.input[row, column, channel]
                    text = NumberFormat.format(value, width: digits)
                    style = valueStyle(value)
                }
                if isTap { style = Style(.window, bold: true) }
                if isCursor { style = Style(.current, bold: true, reverse: true) }
                let mark: Character = isCursor ? glyphs.current : isTap ? glyphs.window : " "
                drawCell(&screen, x: layout.input.x(ofColumn: column),
                         y: layout.input.y(ofRow: row), mark: mark, text: text,
                         digits: digits, style: style)
            }
        }
    }

    private func drawFilter(into screen: inout Screen) {
        let filter = sandbox.currentFilter
        let count = sandbox.currentLayer.filters.count
        var title = "filter " + (count > 1 ? "\(sandbox.filter + 1)/\(count) " : "") + filter.name
        if sandbox.currentLayer.settings.flipsKernel { title += " (flipped)" }
        screen.put(focusTitle(title, focused: .filter), x: layout.filter.x, y: layout.gridTop,
                   style: Style(.title, bold: true, underline: sandbox.focus == .filter),
                   maxWidth: layout.map.x - layout.filter.x - 1)
        let digits = layout.filter.cellWidth - 1
        let channel = sandbox.filterCursor.channel
        let cursor = sandbox.focus == .filter ? sandbox.filterCursor : nil
        for row in 0..<filter.height {
            for column in 0..<filter.width {
                let value = filter.weights[row, column, channel]
                let isCursor = cursor?.row == row && cursor?.column == column
                drawCell(&screen, x: layout.filter.x + column * layout.filter.cellWidth,
                         y: layout.gridTop + 1 + row, mark: isCursor ? glyphs.current : " ",
                         text: NumberFormat.format(value, width: digits), digits: digits,
                         style: isCursor ? Style(.current, bold: true, reverse: true)
                             : valueStyle(value))
            }
        }
        let onBias = cursor?.row == filter.height
        screen.put((onBias ? String(glyphs.current) : " ") + "bias "
                   + NumberFormat.format(filter.bias), x: layout.filter.x,
                   y: layout.gridTop + 1 + filter.height,
                   style: onBias ? Style(.current, bold: true, reverse: true) : Style(.dim))
        if filter.channels > 1 {
            screen.put(" ch \(channel + 1)/\(filter.channels)  [ ]", x: layout.filter.x,
                       y: layout.gridTop + 2 + filter.height, style: Style(.dim))
        }
    }

    private func drawMap(into screen: inout Screen) {
        let geometry = trace.geometry
        let activation = sandbox.currentLayer.activation
        var title = "map \(geometry.outputHeight)x\(geometry.outputWidth)"
        if activation != .identity { title += arrow + activation.description }
        screen.put(focusTitle(title, focused: .map), x: layout.map.x, y: layout.gridTop,
                   style: Style(.title, bold: true, underline: sandbox.focus == .map),
                   maxWidth: (sandbox.showsPooling ? layout.pool.x : screen.width)
                       - layout.map.x - 1)
        let channel = sandbox.filter
        let right = sandbox.showsPooling ? layout.pool.x - 3 : screen.width - 1
        if drawHeatmap(trace.output.channel(channel), at: layout.map,
                       width: right - layout.map.x, focus: sandbox.mapCursor, into: &screen) {
            return
        }
        let digits = layout.map.cellWidth - 1
        let poolWindow = sandbox.focus == .pool ? selectedPoolWindow : nil
        for row in layout.map.rows {
            for column in layout.map.columns {
                let raw = trace.preactivation[row, column, channel]
                let value = trace.output[row, column, channel]
                let isCursor = sandbox.mapCursor.row == row && sandbox.mapCursor.column == column
                    && sandbox.focus != .pool
                let inWindow = poolWindow?.contains(row: row, column: column) ?? false
                let isVisited = visitedCell.map { $0 == (row, column) } ?? false
                let isKept = poolWindow?.chosen.map { $0 == (row, column) } ?? false
                var mark: Character = " "
                var style = valueStyle(value)
                if value == 0 && raw != 0 {
                    mark = glyphs.zeroed
                    style = Style(.zeroed, bold: true)
                }
                if inWindow {
                    mark = isKept ? "*" : glyphs.window
                    style = Style(.window, bold: true)
                }
                if isVisited {
                    mark = glyphs.current
                    style = Style(.current, bold: true, reverse: true)
                }
                if isCursor {
                    mark = glyphs.current
                    style = Style(style.role, bold: true, reverse: sandbox.focus == .map)
                }
                drawCell(&screen, x: layout.map.x(ofColumn: column),
                         y: layout.map.y(ofRow: row), mark: mark,
                         text: NumberFormat.format(value, width: digits), digits: digits,
                         style: style)
            }
        }
    }

    private func drawPool(into screen: inout Screen) {
        guard let pooled = sandbox.pooled else { return }
        let pooling = pooled.pooling
        let title = "\(pooling.kind.rawValue) \(pooled.output.height)x\(pooled.output.width)"
        screen.put(focusTitle(title, focused: .pool), x: layout.pool.x, y: layout.gridTop,
                   style: Style(.title, bold: true, underline: sandbox.focus == .pool),
                   maxWidth: screen.width - layout.pool.x - 1)
        if drawHeatmap(pooled.output.channel(sandbox.filter), at: layout.pool,
                       width: screen.width - 1 - layout.pool.x, focus: sandbox.poolCursor,
                       into: &screen) { return }
        let digits = layout.pool.cellWidth - 1
        for row in layout.pool.rows {
            for column in layout.pool.columns {
                let value = pooled.output[row, column, sandbox.filter]
                let isCursor = sandbox.focus == .pool && sandbox.poolCursor.row == row
                    && sandbox.poolCursor.column == column
                // While stepping, cells after the one being pooled are not written yet.
                let index = row * pooled.output.width + column
                let written = writtenPoolCells.map { index < $0 } ?? true
                drawCell(&screen, x: layout.pool.x(ofColumn: column),
                         y: layout.pool.y(ofRow: row),
                         mark: isCursor ? glyphs.current : " ",
                         text: written ? NumberFormat.format(value, width: digits)
                             : String(glyphs.unfilled),
                         digits: digits,
                         style: isCursor ? Style(.current, bold: true, reverse: true)
                             : written ? valueStyle(value) : Style(.dim))
            }
        }
    }

    /// The pooling step on show, while pooling is stepped through in the pool area.
    private var poolStep: PoolingStep? {
        guard sandbox.focus == .pool, let index = sandbox.poolStep else { return nil }
        return sandbox.poolingSteps?.step(at: index)
    }

    /// How many pooled cells (reading order) are written at the step on show, if stepping.
    private var writtenPoolCells: Int? {
        guard let step = poolStep, let pooled = sandbox.pooled else { return nil }
        let cell = step.outRow * pooled.output.width + step.outColumn
        return step.kind == .write ? cell + 1 : cell
    }

    /// The map cell being compared or added at the step on show.
    private var visitedCell: (Int, Int)? {
        guard let step = poolStep, case .visit(let index) = step.kind,
              let window = selectedPoolWindow
        else { return nil }
        return (window.rows.lowerBound + index / window.columns.count,
                window.columns.lowerBound + index % window.columns.count)
    }

    /// The window of the selected pooled cell, on the map of the filter on show.
    var selectedPoolWindow: PoolingWindow? {
        guard sandbox.showsPooling, let pooled = sandbox.pooled else { return nil }
        return pooled.window(outRow: sandbox.poolCursor.row,
                             outColumn: sandbox.poolCursor.column, channel: sandbox.filter)
    }

    /// Draws `grid` as a heatmap when too little of it fits as numbers (a photograph and its
    /// maps), with the cursor's cell read out below; returns whether it did.
    private func drawHeatmap(_ grid: Grid, at placement: SandboxLayout.Placement, width: Int,
                             focus: SandboxState.Cursor, into screen: inout Screen) -> Bool {
        guard GridHeatmap.needed(rows: grid.height, columns: grid.width,
                                 shownRows: placement.rows.count,
                                 shownColumns: placement.columns.count)
        else { return false }
        let inside = focus.row >= 0 && focus.row < grid.height && focus.column >= 0
            && focus.column < grid.width
        GridHeatmap(
            area: Rect(x: placement.x, y: layout.gridTop + 1, width: width,
                       height: layout.settingsTop - 2 - layout.gridTop),
            height: grid.height, width: grid.width, values: grid.values, shown: nil,
            focus: inside ? (focus.row, focus.column) : nil,
            focusText: inside ? NumberFormat.format(grid[focus.row, focus.column]) : nil,
            glyphs: glyphs
        ).draw(into: &screen)
        return true
    }

    /// The input cell under the centre of the selected map cell's window.
    private var windowCentre: SandboxState.Cursor {
        let geometry = trace.geometry
        let centre = geometry.inputPosition(
            outRow: sandbox.mapCursor.row, outColumn: sandbox.mapCursor.column,
            kernelRow: geometry.kernelHeight / 2, kernelColumn: geometry.kernelWidth / 2)
        return SandboxState.Cursor(row: centre.row, column: centre.column)
    }

    /// " → ", or " -> " where the terminal has only ASCII.
    private var arrow: String { glyphs == .ascii ? " -> " : " → " }

    /// A title with a focus arrow in front when its area has the keys.
    private func focusTitle(_ text: String, focused area: SandboxState.Focus) -> String {
        guard sandbox.focus == area else { return text }
        return (glyphs == .ascii ? ">" : "▸") + text
    }

    /// Input cells read by the selected map cell's window.
    private func windowTaps() -> Set<[Int]> {
        let geometry = trace.geometry
        var taps = Set<[Int]>()
        for kernelRow in 0..<geometry.kernelHeight {
            for kernelColumn in 0..<geometry.kernelWidth {
                let position = geometry.inputPosition(
                    outRow: sandbox.mapCursor.row, outColumn: sandbox.mapCursor.column,
                    kernelRow: kernelRow, kernelColumn: kernelColumn)
                taps.insert([position.row, position.column])
            }
        }
        return taps
    }

    private func drawCell(_ screen: inout Screen, x: Int, y: Int, mark: Character, text: String,
                          digits: Int, style: Style) {
        screen.put(String(mark), x: x, y: y, style: style)
        screen.put(String(repeating: " ", count: max(0, digits - text.count)) + text, x: x + 1,
                   y: y, style: style)
    }

    private func valueStyle(_ value: Double) -> Style {
        value > 0 ? Style(.positive) : value < 0 ? Style(.negative) : Style(.zero)
    }
}
