import Testing

@testable import ScreenModel

/// A cell holds one scalar; text written with `put` keeps one character per cell whether it
/// takes the ASCII path or the character-by-character one.
@Suite struct CellTests {
    @Test func aCharacterBecomesTheOneScalarACellShows() {
        #expect(Cell.scalar(for: "a") == "a")
        #expect(Cell.scalar(for: "─") == "─")
        #expect(Cell.scalar(for: "\t") == " ")
        #expect(Cell.scalar(for: "\u{1B}") == "\u{FFFD}")
        #expect(Cell.scalar(for: "\u{9B}") == "\u{FFFD}")
        #expect(Cell.scalar(for: "\u{202E}") == "\u{FFFD}")
        #expect(Cell.scalar(for: "\r\n") == "\u{FFFD}")
        // A letter and a combining acute accent compose to U+00E9.
        #expect(Cell.scalar(for: "e\u{301}") == "\u{E9}")
        // No single scalar for q with an acute accent: the base letter is kept.
        #expect(Cell.scalar(for: "q\u{301}") == "q")
    }

    @Test func theCharacterAccessorReadsAndCleansTheScalar() {
        var cell = Cell("x", style: Style(.accent))
        #expect(cell.character == "x")
        cell.character = "\u{07}"
        #expect(cell.scalar == "\u{FFFD}")
        #expect(cell.style == Style(.accent))
        #expect(Cell() == Cell.blank)
        #expect(Cell.blank.scalar == " ")
    }

    @Test func putWritesOneCellPerCharacterAcrossBothPaths() {
        var screen = Screen(width: 12, height: 1)
        // ASCII, then an accent that joins the "e" before it, then box drawing and ASCII.
        let end = screen.put("ab e\u{301}─│cd", x: 1, y: 0)
        #expect(end == 9)
        #expect(screen.row(0) == " ab \u{E9}─│cd   ")
    }

    @Test func aCarriageReturnAndLineFeedMakeOnePlaceholderOnEitherPath() {
        var screen = Screen(width: 8, height: 1)
        screen.put("a\r\nb", x: 0, y: 0)
        screen.put("→\r\nc", x: 4, y: 0)
        #expect(screen.row(0) == "a\u{FFFD}b →\u{FFFD}c ")
    }

    @Test func scalarsThatJoinTheirNeighboursStayOneCharacter() {
        var screen = Screen(width: 12, height: 1)
        // A thumbs-up with a skin tone; an arrow with a combining mark above it; a letter,
        // a zero-width joiner and a box-drawing line; then signs that stand alone.
        let end = screen.put("x\u{1F44D}\u{1F3FD}→\u{20D7}a\u{200D}─×·…", x: 0, y: 0)
        #expect(end == 8)
        #expect(screen.row(0) == "x\u{1F44D}→a─×·…    ")
    }

    @Test func putStopsAtMaxWidthOnTheNonASCIIPath() {
        var screen = Screen(width: 6, height: 1)
        let end = screen.put("x→→→→", x: 0, y: 0, maxWidth: 3)
        #expect(end == 3)
        #expect(screen.row(0) == "x→→   ")
    }

    @Test func plainTextWritesEveryScalarAsUTF8() {
        var screen = Screen(width: 4, height: 2)
        screen.put("a\u{E9}─", x: 0, y: 0)
        screen[0, 1] = Cell(scalar: "\u{1F600}")
        screen[1, 1] = Cell(scalar: "\u{2847}")
        #expect(screen.plainText() == "a\u{E9}─\n\u{1F600}\u{2847}\n")
        #expect(Array(screen.plainText().utf8).count == 1 + 2 + 3 + 1 + 4 + 3 + 1)
    }

    @Test func fillWithAScalarCleansItToo() {
        var screen = Screen(width: 3, height: 2)
        screen.fill(Rect(x: 1, y: 0, width: 5, height: 1), scalar: "\u{7F}", style: Style(.dim))
        screen.fill(Rect(x: -1, y: 1, width: 2, height: 4), scalar: "▀")
        #expect(screen.row(0) == " \u{FFFD}\u{FFFD}")
        #expect(screen.row(1) == "▀  ")
        #expect(screen[2, 0].style == Style(.dim))
    }

    @Test func cellsStoredThroughTheSubscriptAreCleaned() {
        var screen = Screen(width: 2, height: 1)
        screen[0, 0] = Cell(scalar: "\u{1B}")
        screen[1, 0] = Cell(scalar: "\t")
        #expect(screen.row(0) == "\u{FFFD} ")
    }
}

extension CellTests {
    /// Every frame clears, fills and reads thousands of cells: they stay plain values of a
    /// few bytes (a scalar, a role, three flags and a shade of three small levels).
    @Test func aCellIsAFewBytesWithNothingToCount() {
        #expect(MemoryLayout<Cell>.stride <= 16)
        #expect(_isPOD(Cell.self))
    }

    @Test func shadeLevelsReadBackAsGiven() {
        let shade = Shade(ramp: .diverging, top: -9, bottom: 4)
        #expect(shade.top == -9)
        #expect(shade.bottom == 4)
        #expect(Shade(ramp: .sequential, top: 9).bottom == nil)
        #expect(Shade(ramp: .sequential, top: 300).densityCharacter == "@")
    }
}
