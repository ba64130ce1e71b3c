@testable import ScreenModel

/// A screen whose every cell holds `marker`, so a test sees exactly which cells a call touched.
func markedScreen(width: Int, height: Int, marker: Character = "·") -> Screen {
    var screen = Screen(width: width, height: height)
    screen.fill(Rect(x: 0, y: 0, width: width, height: height), with: marker)
    return screen
}

/// The screen's rows with trailing spaces kept, for line-by-line comparison.
func rows(_ screen: Screen) -> [String] {
    (0..<screen.height).map { screen.row($0) }
}

/// A canvas with the given dots set, all in series 0.
func dottedCanvas(columns: Int, rows: Int, dots: [(x: Int, y: Int)]) -> BrailleCanvas {
    var canvas = BrailleCanvas(columns: columns, rows: rows)
    for dot in dots { canvas.plot(x: dot.x, y: dot.y) }
    return canvas
}
