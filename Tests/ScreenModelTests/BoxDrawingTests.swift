import Testing

@testable import ScreenModel

@Suite struct BoxDrawingTests {
    @Test func drawsABorderWithATitle() {
        var screen = markedScreen(width: 14, height: 4)
        screen.drawBox(Rect(x: 1, y: 0, width: 12, height: 4), title: "Filter")

        #expect(
            rows(screen) == [
                "·┌ Filter ──┐·",
                "·│··········│·",
                "·│··········│·",
                "·└──────────┘·",
            ])
        #expect(screen[4, 0].style == Style(.title, bold: true))
        #expect(screen[1, 0].style.role == .border)
        #expect(screen[2, 0].style.role == .border)
    }

    @Test func asciiGlyphsDrawTheSameBoxInPlainCharacters() {
        var screen = markedScreen(width: 8, height: 3)
        screen.drawBox(Rect(x: 0, y: 0, width: 8, height: 3), title: "Input", glyphs: .ascii)
        #expect(rows(screen) == ["+ I... +", "|······|", "+------+"])
    }

    @Test func aLongTitleIsCutWithAnEllipsis() {
        var screen = markedScreen(width: 9, height: 2)
        screen.drawBox(Rect(x: 0, y: 0, width: 9, height: 2), title: "Activation map")
        #expect(rows(screen) == ["┌ Acti… ┐", "└───────┘"])
    }

    @Test(arguments: [
        (3, 3, 2, ["┌┐·", "└┘·", "···"]),  // no room for anything inside
        (4, 2, 4, ["┌──┐", "└──┘"]),  // no room for a title
        (5, 2, 5, ["┌ T ┐", "└───┘"]),  // room for one title column
    ])
    func smallBoxesDrawOnlyWhatFits(
        screenWidth: Int, height: Int, boxWidth: Int,
        expected: [String]
    ) {
        var screen = markedScreen(width: screenWidth, height: height)
        screen.drawBox(Rect(x: 0, y: 0, width: boxWidth, height: 2), title: "Title")
        #expect(rows(screen) == expected)
    }

    @Test func boxesThinnerThanTwoCellsDrawNothing() {
        var screen = markedScreen(width: 4, height: 4)
        screen.drawBox(Rect(x: 0, y: 0, width: 1, height: 4), title: "x")
        screen.drawBox(Rect(x: 0, y: 0, width: 4, height: 1), title: "x")
        screen.drawBox(Rect(x: 0, y: 0, width: 0, height: 0))
        #expect(rows(screen) == Array(repeating: "····", count: 4))
    }

    @Test func aBoxHangingOffTheScreenIsClipped() {
        var screen = markedScreen(width: 5, height: 3)
        screen.drawBox(Rect(x: 2, y: 1, width: 6, height: 4), title: "Big")
        #expect(rows(screen) == ["·····", "··┌ B", "··│··"])

        var leftTop = markedScreen(width: 3, height: 2)
        leftTop.drawBox(Rect(x: -2, y: -1, width: 4, height: 3))
        #expect(rows(leftTop) == ["·│·", "─┘·"])
    }

    @Test func aDividerJoinsTheSides() {
        var screen = Screen(width: 5, height: 4)
        let box = Rect(x: 0, y: 0, width: 5, height: 4)
        screen.drawBox(box)
        screen.drawDivider(across: box, y: 2)
        screen.drawDivider(across: box, y: 0)
        #expect(rows(screen) == ["┌───┐", "│   │", "├───┤", "└───┘"])
    }
}
