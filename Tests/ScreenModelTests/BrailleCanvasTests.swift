import Testing

@testable import ScreenModel

@Suite struct BrailleCanvasTests {
    @Test func eachDotHasItsBrailleBit() {
        // Left column from the top: dots 1, 2, 3, 7; right column: dots 4, 5, 6, 8.
        let expected: [(x: Int, y: Int, bits: UInt8)] = [
            (0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (0, 3, 0x40),
            (1, 0, 0x08), (1, 1, 0x10), (1, 2, 0x20), (1, 3, 0x80),
        ]
        for dot in expected {
            var canvas = BrailleCanvas(columns: 1, rows: 1)
            canvas.plot(x: dot.x, y: dot.y)
            #expect(canvas.cellBits(column: 0, row: 0) == dot.bits, "dot at \(dot.x),\(dot.y)")
        }
    }

    @Test func dotsLandInTheirCell() {
        let canvas = dottedCanvas(columns: 3, rows: 2, dots: [(5, 7), (2, 4)])

        #expect(canvas.cellBits(column: 2, row: 1) == 0x80)
        #expect(canvas.cellBits(column: 1, row: 1) == 0x01)
        #expect(canvas.cellBits(column: 0, row: 0) == 0)
    }

    @Test func plotsOffTheCanvasAreIgnored() {
        var canvas = BrailleCanvas(columns: 1, rows: 1)
        canvas.plot(x: -1, y: 0)
        canvas.plot(x: 2, y: 0)
        canvas.plot(x: 0, y: 4)
        canvas.line(from: (x: -5, y: -5), to: (x: -1, y: -1))
        #expect(canvas == BrailleCanvas(columns: 1, rows: 1))
    }

    @Test func linesIncludeBothEndsAndEveryStepBetween() {
        var diagonal = BrailleCanvas(columns: 2, rows: 1)
        diagonal.line(from: (x: 0, y: 0), to: (x: 3, y: 3))
        #expect(diagonal.cellBits(column: 0, row: 0) == 0x01 | 0x10)
        #expect(diagonal.cellBits(column: 1, row: 0) == 0x04 | 0x80)

        var backwards = BrailleCanvas(columns: 2, rows: 1)
        backwards.line(from: (x: 3, y: 0), to: (x: 0, y: 0))
        #expect(backwards.cellBits(column: 0, row: 0) == 0x01 | 0x08)
        #expect(backwards.cellBits(column: 1, row: 0) == 0x01 | 0x08)

        var steep = BrailleCanvas(columns: 1, rows: 2)
        steep.line(from: (x: 0, y: 7), to: (x: 1, y: 0))
        let dots = (0..<8).flatMap { y in (0..<2).filter { steep.isSet(x: $0, y: y) } }
        #expect(dots.count == 8)
    }

    @Test func renderDrawsBrailleAndLeavesEmptyCellsAlone() {
        let canvas = dottedCanvas(columns: 3, rows: 1, dots: [(0, 0), (1, 3), (4, 2)])
        var screen = markedScreen(width: 5, height: 2)
        canvas.render(
            into: &screen, at: Rect(x: 1, y: 1, width: 3, height: 1),
            styles: [Style(.positive)])

        #expect(rows(screen) == ["·····", "·\u{2881}·\u{2804}·"])
        #expect(screen[1, 1].style.role == .positive)
        #expect(screen[2, 1].style.role == .normal)
    }

    @Test func renderClipsToTheRect() {
        var canvas = BrailleCanvas(columns: 4, rows: 2)
        canvas.line(from: (x: 0, y: 0), to: (x: 7, y: 7))
        var screen = markedScreen(width: 4, height: 2)
        canvas.render(into: &screen, at: Rect(x: 1, y: 0, width: 2, height: 1), styles: [])
        #expect(rows(screen) == ["·⠑⢄·", "····"])
    }

    @Test func eachCellTakesTheStyleOfItsBusiestSeries() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.line(from: (x: 0, y: 0), to: (x: 0, y: 3), series: 0)
        canvas.plot(x: 1, y: 0, series: 1)
        canvas.plot(x: 2, y: 0, series: 0)
        canvas.plot(x: 3, y: 0, series: 1)
        var screen = Screen(width: 2, height: 1)
        canvas.render(
            into: &screen, at: Rect(x: 0, y: 0, width: 2, height: 1),
            styles: [Style(.positive), Style(.negative)])

        #expect(screen[0, 0].style.role == .positive)
        #expect(screen[1, 0].style.role == .negative)
    }

    @Test func asciiFallbackMarksCellsByTheirHalf() {
        // Upper half only, lower half only, then both halves.
        let canvas = dottedCanvas(columns: 3, rows: 1, dots: [(0, 0), (2, 3), (4, 1), (5, 3)])
        var screen = markedScreen(width: 4, height: 1)
        canvas.render(
            into: &screen, at: Rect(x: 0, y: 0, width: 4, height: 1),
            styles: [Style(.accent)], glyphs: .ascii)

        #expect(screen.row(0) == "*.*·")
        #expect(screen[1, 0].style.role == .accent)
    }
}
