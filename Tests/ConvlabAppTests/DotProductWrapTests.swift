import ScreenModel
import Testing

@testable import ConvlabApp

/// How the written-out dot product is laid into its two rows, worked by hand.
@Suite struct DotProductWrapTests {
    private func tokens(_ texts: [String]) -> [DotProductView.Token] {
        texts.map { DotProductView.Token(text: $0, style: Style(.normal)) }
    }

    private func texts(_ lines: [[DotProductView.Token]]) -> [[String]] {
        lines.map { $0.map(\.text) }
    }

    @Test func aTokenThatStartsALineLosesItsLeadingSpaces() {
        let lines = DotProductView.wrap(tokens(["aaaa", " bb", " cc"]), width: 6, rows: 2,
                                        focus: .max, ellipsis: "…")
        #expect(texts(lines) == [["aaaa"], ["bb", " cc"]])
    }

    @Test func tooLongEvenShortenedKeepsTheTail() {
        let lines = DotProductView.wrap(tokens(["aaaa", " bb", " cc"]), width: 6, rows: 1,
                                        focus: .max, ellipsis: "…")
        #expect(texts(lines) == [["aaaa", " bb", " cc"]])
    }

    @Test func theWindowAroundTheFocusShrinksUntilTheLineFits() {
        // Label, twelve products p0...p11 and the sum, all two wide: 28 columns in all.
        let all = ["L:"] + (0..<12).map { "p\($0 % 10)" } + ["=s"]
        // Focus on p4 (index 5). Windows of reach 5 down to 1 need 28, 28, 29, 28 and 24
        // columns; reach 0 keeps p4 alone between two gaps: 20.
        let lines = DotProductView.wrap(tokens(all), width: 21, rows: 1, focus: 5,
                                        ellipsis: "…")
        #expect(texts(lines) == [["L:", "p0", " … ", "p4", " … ", "p9", "p0", "p1", "=s"]])
    }
}
