import Testing

@testable import ScreenModel

@Suite struct ScreenTests {
    @Test func putReplacesTerminalControlsWithAVisiblePlaceholder() {
        var screen = Screen(width: 9, height: 1)
        screen.put("a\u{1B}[2Jb\u{07}\r\u{7F}", x: 0, y: 0)

        #expect(screen.row(0) == "a\u{FFFD}[2Jb\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(!screen.row(0).unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func putTurnsATabIntoOneSpace() {
        var screen = markedScreen(width: 3, height: 1)
        screen.put("a\tb", x: 0, y: 0)
        #expect(screen.row(0) == "a b")
    }

    @Test func putClipsAtTheRightEdgeAndReturnsTheNextColumn() {
        var screen = markedScreen(width: 4, height: 2)
        let end = screen.put("abcdef", x: 2, y: 1)

        #expect(end == 4)
        #expect(rows(screen) == ["····", "··ab"])
    }

    @Test func putStartingLeftOfTheScreenShowsOnlyTheVisiblePart() {
        var screen = markedScreen(width: 4, height: 1)
        screen.put("abcdef", x: -3, y: 0)
        #expect(screen.row(0) == "def·")
    }

    @Test func putHonoursMaxWidth() {
        var screen = markedScreen(width: 6, height: 1)
        let end = screen.put("abcdef", x: 1, y: 0, maxWidth: 3)

        #expect(end == 4)
        #expect(screen.row(0) == "·abc··")
    }

    @Test func writesOffTheScreenAreIgnored() {
        var screen = markedScreen(width: 3, height: 2)
        screen.put("zz", x: 0, y: -1)
        screen.put("zz", x: 0, y: 2)
        screen.put("zz", x: 3, y: 0)
        screen[-1, 0] = Cell("z")
        screen.fill(Rect(x: -5, y: -5, width: 5, height: 5), with: "z")

        #expect(rows(screen) == ["···", "···"])
        #expect(screen[9, 9] == .blank)
    }

    @Test func aOneByOneScreenHoldsOneCell() {
        var screen = markedScreen(width: 1, height: 1)
        screen.put("xyz", x: 0, y: 0, style: Style(.accent))
        screen.drawBox(Rect(x: 0, y: 0, width: 1, height: 1), title: "T")

        #expect(screen.plainText() == "x\n")
        #expect(screen[0, 0].style.role == .accent)
    }

    @Test func anEmptyScreenAcceptsEveryCall() {
        var screen = Screen(width: 0, height: -3)
        screen.put("abc", x: 0, y: 0)
        screen.drawBox(Rect(x: 0, y: 0, width: 5, height: 5), title: "x")
        screen.putWrapped("some words", in: Rect(x: 0, y: 0, width: 4, height: 2))

        #expect(screen.height == 0)
        #expect(screen.plainText() == "\n")
        #expect(screen.ansiText(palette: .color256) == "")
    }

    @Test func fillAndRestyleCoverTheRectOnly() {
        var screen = markedScreen(width: 4, height: 3)
        screen.fill(Rect(x: 1, y: 1, width: 2, height: 5), with: "#", style: Style(.window))
        screen.restyle(Rect(x: 0, y: 0, width: 2, height: 2), style: Style(.current))

        #expect(rows(screen) == ["····", "·##·", "·##·"])
        #expect(screen[0, 0].style.role == .current)
        #expect(screen[1, 1].style.role == .current)
        #expect(screen[2, 1].style.role == .window)
        #expect(screen[3, 0].style.role == .normal)
    }
}
