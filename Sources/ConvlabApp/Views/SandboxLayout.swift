import ConvModel
import ScreenModel

/// Where each part of the sandbox screen goes at the current terminal size.
///
/// From the top: the header; the input, filter, map and pooled map side by side; two rows of
/// settings; then the dot product of the selected map cell and the PyTorch line on the left
/// with the gradient panel on the right; a line for edits, prompts and messages; the key bar.
/// Taller terminals show more grid rows and more of the lower panels.
struct SandboxLayout {
    /// One grid on screen: where it starts, how wide a cell is (mark plus digits), and
    /// which of its rows and columns are in view (input coordinates count padding as
    /// negative or past the end).
    struct Placement {
        var x: Int
        var cellWidth: Int
        var rows: Range<Int>
        var columns: Range<Int>

        func x(ofColumn column: Int) -> Int { x + (column - columns.lowerBound) * cellWidth }

        /// Rows start under the title row at `SandboxLayout.gridTop`.
        func y(ofRow row: Int) -> Int { SandboxLayout.gridTop + 1 + row - rows.lowerBound }
    }

    static let gridTop = 2
    var gridTop: Int { Self.gridTop }
    let input: Placement
    let filter: Placement
    /// The map after the activation (the one before it goes below when there is room).
    let map: Placement
    /// The pooled map; empty ranges when pooling is off.
    let pool: Placement
    /// The first of the two settings rows.
    let settingsTop: Int
    /// The first row under the rule: computation and PyTorch line, gradient panel beside.
    let lowerTop: Int
    let lowerRows: Int
    let textWidth: Int
    let panel: Rect
    let messageY: Int

    init(width: Int, height: Int, sandbox: SandboxState) {
        let trace = sandbox.trace
        let geometry = trace.geometry
        let kernel = sandbox.currentFilter
        let channel = sandbox.filter

        messageY = height - 2
        lowerRows = height >= 36 ? 10 : height >= 28 ? 8 : 6
        lowerTop = messageY - lowerRows
        settingsTop = lowerTop - 3
        let visibleRows = max(2, settingsTop - 1 - (Self.gridTop + 1))

        // At least two digits and the mark, so small grids do not run together.
        let inputCellWidth = max(3, NumberFormat.width(of: trace.input.values) + 1)
        let filterCellWidth = max(3, NumberFormat.width(of: kernel.weights.values) + 1)
        let mapCellWidth = max(
            3, NumberFormat.width(of: trace.preactivation.channel(channel).values) + 1,
            NumberFormat.width(of: trace.output.channel(channel).values) + 1)
        let pooled = sandbox.showsPooling ? sandbox.pooled : nil
        let poolCell = pooled.map { NumberFormat.width(of: $0.output.values) + 1 } ?? 1

        // Share the width: the filter always fits; pool, map and input split what is left.
        let filterTitle = "filter 1/1 ".count + kernel.name.count
        let filterBlock = max(filterCellWidth * kernel.width + 1, min(filterTitle, 22))
        let inputX = 2
        let available = width - inputX - 1 - filterBlock - 3 - 3 - (pooled == nil ? 0 : 3)
        let paddedWidth = geometry.inputWidth + geometry.paddingLeft + geometry.paddingRight
        let poolWanted = pooled.map { max(10, poolCell * $0.output.width) } ?? 0
        let poolShare = min(poolWanted, max(0, available / 5))
        let mapWanted = max(10, mapCellWidth * geometry.outputWidth)
        let mapShare = min(mapWanted, max(mapCellWidth, (available - poolShare) / 2))
        let inputShare = max(inputCellWidth, available - poolShare - mapShare)

        let mapFocus = sandbox.mapCursor
        let windowTop = mapFocus.row * geometry.stride - geometry.paddingTop
        let windowLeft = mapFocus.column * geometry.stride - geometry.paddingLeft
        let spanRows = geometry.dilation * (geometry.kernelHeight - 1)
        let spanColumns = geometry.dilation * (geometry.kernelWidth - 1)
        let followsCursor = sandbox.focus == .input
        let rowFocus = followsCursor ? sandbox.inputCursor.row...sandbox.inputCursor.row
            : windowTop...(windowTop + spanRows)
        let columnFocus = followsCursor
            ? sandbox.inputCursor.column...sandbox.inputCursor.column
            : windowLeft...(windowLeft + spanColumns)
        let inputRows = Viewport.range(
            lower: -geometry.paddingTop, upper: geometry.inputHeight + geometry.paddingBottom,
            visible: visibleRows, focus: rowFocus)
        let inputColumns = Viewport.range(
            lower: -geometry.paddingLeft, upper: geometry.inputWidth + geometry.paddingRight,
            visible: min(paddedWidth, inputShare / inputCellWidth), focus: columnFocus)
        input = Placement(x: inputX, cellWidth: inputCellWidth, rows: inputRows,
                          columns: inputColumns)
        // A grid drawn as a heatmap (too large for numbers) takes one column per cell.
        let inputBlock = GridHeatmap.needed(
            rows: geometry.inputHeight, columns: geometry.inputWidth,
            shownRows: inputRows.count, shownColumns: inputColumns.count)
            ? min(geometry.inputWidth, max(10, inputShare))
            : max(10, inputColumns.count * inputCellWidth)
        let filterX = inputX + inputBlock + 3
        filter = Placement(x: filterX, cellWidth: filterCellWidth, rows: 0..<kernel.height,
                           columns: 0..<kernel.width)
        let mapColumns = Viewport.range(lower: 0, upper: geometry.outputWidth,
                                        visible: max(1, mapShare / mapCellWidth),
                                        focus: mapFocus.column...mapFocus.column)
        map = Placement(
            x: filterX + filterBlock + 3, cellWidth: mapCellWidth,
            rows: Viewport.range(lower: 0, upper: geometry.outputHeight, visible: visibleRows,
                                 focus: mapFocus.row...mapFocus.row),
            columns: mapColumns)
        let mapBlock = GridHeatmap.needed(
            rows: geometry.outputHeight, columns: geometry.outputWidth,
            shownRows: map.rows.count, shownColumns: mapColumns.count)
            ? min(geometry.outputWidth, max(10, mapShare))
            : max(10, mapColumns.count * mapCellWidth)
        let poolCursor = sandbox.poolCursor
        pool = Placement(
            x: filterX + filterBlock + 3 + mapBlock + 3, cellWidth: poolCell,
            rows: Viewport.range(lower: 0, upper: pooled?.output.height ?? 0,
                                 visible: visibleRows, focus: poolCursor.row...poolCursor.row),
            columns: Viewport.range(lower: 0, upper: pooled?.output.width ?? 0,
                                    visible: max(1, poolShare / poolCell),
                                    focus: poolCursor.column...poolCursor.column))

        let panelWidth = min(44, max(26, width * 3 / 10))
        panel = Rect(x: width - panelWidth - 1, y: lowerTop - 1, width: panelWidth,
                     height: lowerRows + 1)
        textWidth = width - panelWidth - 3
    }
}
