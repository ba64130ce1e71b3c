import Foundation
import Testing

@testable import ConvlabApp

/// The narrative's word wrap. ASCII text is wrapped on its bytes and other text character
/// by character; both must give the same lines.
@Suite struct WrapWordsTests {
    @Test(arguments: [
        ("the quick brown fox", 10, ["the quick", "brown fox"]),
        ("  a  b  ", 5, ["a b"]),
        ("abcdefghij xy", 4, ["abcd", "efgh", "ij", "xy"]),
        ("ab abcdefgh", 4, ["ab", "abcd", "efgh"]),
        ("one two", 7, ["one two"]),
        ("one two", 6, ["one", "two"]),
        ("", 5, []),
        ("word", 0, []),
    ])
    func linesBreakBetweenWordsAndCutLongOnes(text: String, width: Int, lines: [String]) {
        #expect(wrapWords(text, width: width) == lines)
        // The same text with its first letter accented takes the character-by-character path.
        guard let first = text.firstIndex(where: { $0 != " " }), text[first] != "é" else { return }
        let accented = text.replacingCharacters(in: first...first, with: "é")
        var expected = lines
        if let line = expected.firstIndex(where: { !$0.isEmpty }) {
            expected[line] = "é" + expected[line].dropFirst()
        }
        #expect(wrapWords(accented, width: width) == expected)
    }
}

extension WrapWordsTests {
    @Test func paragraphsSplitAtLineFeedsAndSkipEmptyOnes() {
        #expect(LessonView.paragraphs(of: "one\n\ntwo é\n    code\n") == ["one", "two é",
                                                                            "    code"])
        // "\r\n" is one character, not a line feed, as `split` sees it.
        #expect(LessonView.paragraphs(of: "a\r\nb\nc") == ["a\r\nb", "c"])
        #expect(LessonView.paragraphs(of: "").isEmpty)
    }
}
