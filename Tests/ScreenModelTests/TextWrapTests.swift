import Testing

@testable import ScreenModel

@Suite struct TextWrapTests {
    @Test func wrapsAtWordBoundaries() {
        let lines = TextWrap.lines("a filter slides over the input", width: 10)
        #expect(lines == ["a filter", "slides", "over the", "input"])
    }

    @Test func aWordThatExactlyFillsTheWidthStaysWhole() {
        #expect(TextWrap.lines("stride padding", width: 7) == ["stride", "padding"])
    }

    @Test func runsOfSpacesAndTabsCollapse() {
        #expect(TextWrap.lines("  two \t  words  ", width: 20) == ["two words"])
    }

    @Test func longWordsAreBrokenHardAndFillTheLineFirst() {
        #expect(TextWrap.lines("convolution", width: 4) == ["conv", "olut", "ion"])
        #expect(TextWrap.lines("ab cdefghij", width: 5) == ["ab cd", "efghi", "j"])
    }

    @Test func lineBreaksAndBlankLinesAreKept() {
        let text = "first line\n\nsecond\r\nthird"
        #expect(TextWrap.lines(text, width: 20) == ["first line", "", "second", "third"])
    }

    @Test func noLineIsWiderThanAsked() {
        let text =
            "The sigmoid squashes any input into the range zero to one, so very large "
            + "inputs give a gradient of almost nothing: supercalifragilistic."
        for width in 1...30 {
            let lines = TextWrap.lines(text, width: width)
            #expect(lines.allSatisfy { $0.count <= width }, "width \(width)")
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test func emptyTextOrNoWidthGivesNoLines() {
        #expect(TextWrap.lines("", width: 10) == [])
        #expect(TextWrap.lines("words", width: 0) == [])
    }

    @Test func truncateEndsWithTheEllipsisOnlyWhenCut() {
        #expect(TextWrap.truncate("kernel", to: 6, ellipsis: "…") == "kernel")
        #expect(TextWrap.truncate("kernel", to: 4, ellipsis: "…") == "ker…")
        #expect(TextWrap.truncate("kernel", to: 4, ellipsis: "...") == "k...")
        #expect(TextWrap.truncate("kernel", to: 2, ellipsis: "...") == "ke")
        #expect(TextWrap.truncate("kernel", to: 0, ellipsis: "…") == "")
    }

    @Test func putWrappedFillsTheRectAndReportsRowsUsed() {
        var screen = markedScreen(width: 10, height: 4)
        let used = screen.putWrapped("one two three", in: Rect(x: 1, y: 1, width: 7, height: 3))

        #expect(used == 2)
        #expect(rows(screen) == ["··········", "·one two··", "·three····", "··········"])
    }

    @Test func putWrappedMarksTextThatDoesNotFit() {
        var screen = markedScreen(width: 8, height: 2)
        let used = screen.putWrapped("aa bb cc dd ee", in: Rect(x: 0, y: 0, width: 6, height: 1))
        #expect(used == 1)
        #expect(screen.row(0) == "aa bb…··")

        var full = markedScreen(width: 5, height: 2)
        full.putWrapped("abcde fgh", in: Rect(x: 0, y: 0, width: 5, height: 1), glyphs: .ascii)
        #expect(full.row(0) == "ab...")
    }
}
