import ConvModel
import ScreenModel

/// Where each part of the lesson screen goes at the current terminal size.
///
/// `update` uses the same layout as the view to turn a mouse click into a map cell, so the
/// two can never disagree.
struct LessonLayout {
    let width: Int
    let height: Int
    let trace: LayerTrace
    let step: Step
    /// Extra blank columns per cell on roomy terminals.
    let spacing: Int
    /// Screen rows per grid row: 2 in presentation mode when the grids fit that way.
    let rowPitch: Int

    let inputCellWidth: Int
    let filterCellWidth: Int
    let mapCellWidth: Int
    /// Input rows and columns shown, in input coordinates (padding rows are negative or past
    /// the end).
    let inputRows: Range<Int>
    let inputColumns: Range<Int>
    let mapRows: Range<Int>
    let mapColumns: Range<Int>

    let gridTop = 2
    let inputX = 2
    let filterX: Int
    let mapX: Int
    let productsTop: Int
    let narrative: Rect
    let panel: Rect

    init(state: AppState, session: LessonSession) {
        let step = session.step
        let trace = session.steps.network.traces[step.layer]
        let geometry = trace.geometry
        self.width = state.width
        self.height = state.height
        self.trace = trace
        self.step = step

        // Cells are as wide as the widest number they will ever hold, plus a one-column
        // gutter for marks; the map's width counts both the raw sums and the activated values.
        let filter = trace.appliedFilters[step.filter]
        let inputDigits = NumberFormat.width(of: trace.input.values)
        let filterDigits = NumberFormat.width(of: filter.weights.values)
        // A cell the activation set to 0 reads "×0", so such maps need two columns at least.
        let mapDigits = max(
            NumberFormat.width(of: trace.preactivation.channel(step.filter).values),
            NumberFormat.width(of: trace.output.channel(step.filter).values),
            trace.layer.activation == .identity ? 1 : 2)
        let paddedColumns = geometry.inputWidth + geometry.paddingLeft + geometry.paddingRight
        let natural = 2 + (inputDigits + 1) * paddedColumns + 3 + (filterDigits + 1)
            * filter.width + 3 + (mapDigits + 1) * geometry.outputWidth
        let cellCount = paddedColumns + filter.width + geometry.outputWidth
        // Presentation mode lets cells grow further, for a projector at the back of a room,
        // and gives up most of the margin kept for the panel beside the lower half.
        let widest = state.presentation ? 6 : 2
        let margin = state.presentation ? 8 : 30
        self.spacing = min(widest, max(0, (state.width - natural - margin) / max(1, cellCount)))
        inputCellWidth = inputDigits + 1 + spacing
        filterCellWidth = filterDigits + 1 + spacing
        mapCellWidth = mapDigits + 1 + spacing

        // Below the grids: a legend row, two rows of products, a rule, then narrative and
        // panel; the key bar takes the last row.
        let bottomRows = state.height >= 36 ? 12 : 9
        let rowsAvailable = max(3, state.height - gridTop - 1 - bottomRows - 1)
        // In presentation mode rows are spaced out too, when every row still fits that way.
        let tallest = max(geometry.inputHeight + geometry.paddingTop + geometry.paddingBottom,
                          geometry.outputHeight, filter.height + 4)
        rowPitch = state.presentation && tallest * 2 <= rowsAvailable ? 2 : 1
        let gridRowsAvailable = rowsAvailable / rowPitch
        let paddedTop = -geometry.paddingTop
        let paddedBottom = geometry.inputHeight + geometry.paddingBottom
        let paddedLeft = -geometry.paddingLeft
        let paddedRight = geometry.inputWidth + geometry.paddingRight

        // The window's extent in input coordinates, kept in view.
        let windowTop = step.outRow * geometry.stride - geometry.paddingTop
        let windowLeft = step.outColumn * geometry.stride - geometry.paddingLeft
        let span = (geometry.dilation * (geometry.kernelHeight - 1),
                    geometry.dilation * (geometry.kernelWidth - 1))
        inputRows = Viewport.range(lower: paddedTop, upper: paddedBottom,
                                   visible: gridRowsAvailable,
                                   focus: windowTop...(windowTop + span.0))
        mapRows = Viewport.range(lower: 0, upper: geometry.outputHeight,
                                 visible: gridRowsAvailable, focus: step.outRow...step.outRow)

        // The filter's column is as wide as its cells or its title, whichever is wider.
        let filterTitle = GridViews.filterTitle(trace: trace, filter: step.filter).count
        let filterBlock = max(filterCellWidth * filter.width + 1, min(filterTitle, 24))
        let mapWanted = mapCellWidth * geometry.outputWidth
        let inputWanted = inputCellWidth * (paddedRight - paddedLeft)
        // Share the width: the filter always fits; the map and input get what remains.
        let free = max(0, state.width - inputX - 1 - filterBlock - 6)
        let mapShare = min(mapWanted, max(free / 2, free - inputWanted))
        let inputShare = max(inputCellWidth, free - mapShare)
        inputColumns = Viewport.range(lower: paddedLeft, upper: paddedRight,
                                      visible: inputShare / inputCellWidth,
                                      focus: windowLeft...(windowLeft + span.1))
        mapColumns = Viewport.range(lower: 0, upper: geometry.outputWidth,
                                    visible: max(1, mapShare / mapCellWidth),
                                    focus: step.outColumn...step.outColumn)
        filterX = inputX + inputColumns.count * inputCellWidth + 3
        mapX = filterX + filterBlock + 3

        // Under the filter's weights: a blank row, then bias, stride, pad and maybe dilation.
        let filterBlockRows = filter.height * rowPitch + 4
            + (trace.layer.settings.dilation > 1 ? 1 : 0)
        let gridBottom = gridTop + 1 + max(inputRows.count * rowPitch, mapRows.count * rowPitch,
                                           filterBlockRows)
        productsTop = gridBottom + 1
        let lowerTop = productsTop + 3
        let lowerHeight = max(1, state.height - 1 - lowerTop)
        let panelWidth = min(44, max(26, state.width * 3 / 10))
        narrative = Rect(x: 1, y: lowerTop, width: state.width - panelWidth - 3,
                         height: lowerHeight)
        panel = Rect(x: state.width - panelWidth - 1, y: lowerTop - 1, width: panelWidth,
                     height: lowerHeight + 1)
    }

    /// Screen column of input column `column`'s gutter.
    func inputX(ofColumn column: Int) -> Int {
        inputX + (column - inputColumns.lowerBound) * inputCellWidth
    }

    func inputY(ofRow row: Int) -> Int { gridTop + 1 + (row - inputRows.lowerBound) * rowPitch }

    /// Screen row of the filter's row `row`.
    func filterY(ofRow row: Int) -> Int { gridTop + 1 + row * rowPitch }

    func mapX(ofColumn column: Int) -> Int {
        mapX + (column - mapColumns.lowerBound) * mapCellWidth
    }

    func mapY(ofRow row: Int) -> Int { gridTop + 1 + (row - mapRows.lowerBound) * rowPitch }

    /// The map cell drawn at screen position (x, y), if any.
    func mapCell(atX x: Int, y: Int) -> (row: Int, column: Int)? {
        guard x >= mapX, y > gridTop else { return nil }
        let column = mapColumns.lowerBound + (x - mapX) / mapCellWidth
        let row = mapRows.lowerBound + (y - gridTop - 1) / rowPitch
        guard mapColumns.contains(column), mapRows.contains(row) else { return nil }
        return (row, column)
    }
}
