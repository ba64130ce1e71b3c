import Testing

@testable import ScreenModel

/// The placeholder scheme of `ControlCharacters`, scalar by scalar.
@Suite struct ControlCharacterReliabilityTests {
    @Test func everyC0C1AndDeleteIsAControlAndNothingPrintableIs() {
        for value in UInt32(0)...0x9F {
            let scalar = Unicode.Scalar(value)!
            let expected = value < 0x20 || value >= 0x7F
            #expect(ControlCharacters.isControl(scalar) == expected, "U+\(value)")
        }
        for scalar in ["\u{A0}", "é", "─", "⣿", "\u{FFFD}", "\u{200B}", "\u{2029}"] as [Unicode.Scalar] {
            #expect(!ControlCharacters.isControl(scalar), "\(scalar.value)")
        }
    }

    @Test func bidirectionalOverridesAndIsolatesAreControls() {
        for value: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            #expect(ControlCharacters.isControl(Unicode.Scalar(value)!), "U+\(value)")
        }
        #expect(!ControlCharacters.isControl("\u{2029}"))
        #expect(!ControlCharacters.isControl("\u{206A}"))
    }

    @Test func visibleKeepsLineFeedsAndTabsAndReplacesTheRest() {
        let text = "a\u{1B}]0;t\u{07}\tb\r\nc\u{9B}2J\u{7F}\u{202E}d\n"
        #expect(ControlCharacters.visible(text)
                == "a\u{FFFD}]0;t\u{FFFD}\tb\u{FFFD}\nc\u{FFFD}2J\u{FFFD}\u{FFFD}d\n")
        #expect(ControlCharacters.visible("plain ─ text\n") == "plain ─ text\n")
    }

    @Test func visibleLineReplacesLineFeedsAndTabsToo() {
        #expect(ControlCharacters.visibleLine("a\nb\tc\r\n") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}")
    }

    @Test func aCellShowsOnePlaceholderPerCharacter() {
        #expect(ControlCharacters.cellCharacter("\u{1B}") == "\u{FFFD}")
        // "\r\n" is one Character, so one cell and one placeholder.
        #expect(ControlCharacters.cellCharacter("\r\n") == "\u{FFFD}")
        #expect(ControlCharacters.cellCharacter("\t") == " ")
        #expect(ControlCharacters.cellCharacter("e\u{301}") == "e\u{301}")
    }

    @Test func cellsSetThroughTheSubscriptAreCleanedOnTheWayIn() {
        var screen = Screen(width: 3, height: 1)
        screen[0, 0] = Cell("\u{1B}", style: Style(.accent))
        screen[1, 0] = Cell("\u{85}")
        screen[2, 0] = Cell("x")
        #expect(screen.row(0) == "\u{FFFD}\u{FFFD}x")
        #expect(screen[0, 0].style == Style(.accent))
        #expect(screen.cells.allSatisfy { cell in
            !cell.character.unicodeScalars.contains(where: ControlCharacters.isControl)
        })
    }
}
