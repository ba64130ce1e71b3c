import Testing

@testable import ScreenModel

@Suite struct ANSIWriterTests {
    /// Two rows: "+1 -2" in positive and negative, then a bold title with trailing blanks.
    private func tinyScreen() -> Screen {
        var screen = Screen(width: 6, height: 2)
        screen.put("+1", x: 0, y: 0, style: Style(.positive))
        screen.put("-2", x: 3, y: 0, style: Style(.negative))
        screen.put("Hi", x: 0, y: 1, style: Style(.normal, bold: true))
        return screen
    }

    @Test func color256WritesAnEscapeOnlyWhereTheStyleChanges() {
        let expected =
            "\u{1B}[0;38;5;33m+1\u{1B}[0m \u{1B}[0;38;5;208m-2\u{1B}[0m\n"
            + "\u{1B}[0;1mHi\u{1B}[0m\n"
        #expect(tinyScreen().ansiText(palette: .color256) == expected)
    }

    @Test func color8UsesTheBasicColourCodes() {
        let expected =
            "\u{1B}[0;1;34m+1\u{1B}[0m \u{1B}[0;1;33m-2\u{1B}[0m\n"
            + "\u{1B}[0;1mHi\u{1B}[0m\n"
        #expect(tinyScreen().ansiText(palette: .color8) == expected)
    }

    @Test func monochromeUsesAttributesOnly() {
        let expected = "+1 \u{1B}[0;4m-2\u{1B}[0m\n\u{1B}[0;1mHi\u{1B}[0m\n"
        #expect(tinyScreen().ansiText(palette: .monochrome) == expected)
    }

    @Test func everyLineEndsWithAReset() {
        var screen = Screen(width: 3, height: 3)
        screen.put("ab", x: 0, y: 1, style: Style(.selection))
        let lines = screen.ansiText(palette: .color256).split(
            separator: "\n",
            omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("\u{1B}[0m") })
        #expect(lines[1] == "\u{1B}[0;7mab\u{1B}[0m")
    }

    @Test func styledTrailingSpacesAreKept() {
        var screen = Screen(width: 4, height: 1)
        screen.fill(Rect(x: 2, y: 0, width: 2, height: 1), style: Style(.keyBar))
        #expect(screen.ansiText(palette: .color8) == "  \u{1B}[0;7m  \u{1B}[0m\n")
    }

    @Test func controlCharactersSetThroughTheSubscriptNeverReachTheOutput() {
        var screen = Screen(width: 2, height: 1)
        screen[0, 0] = Cell("\u{1B}")
        screen[1, 0] = Cell("\u{07}")
        #expect(screen.ansiText(palette: .monochrome) == "\u{FFFD}\u{FFFD}\u{1B}[0m\n")
    }

    @Test func signsAreBlueAndOrangeNeverRedOrGreen() {
        let basicRedOrGreen: Set<Int> = [1, 2]
        for palette in [Palette.color256, Palette.color8] {
            let positive = palette.appearance(for: .positive).foreground
            let negative = palette.appearance(for: .negative).foreground
            #expect(positive != nil && negative != nil && positive != negative)
            #expect(!basicRedOrGreen.contains(positive ?? 1))
            #expect(!basicRedOrGreen.contains(negative ?? 1))
        }
        #expect(Palette.color256.appearance(for: .positive).foreground == 33)
        #expect(Palette.color256.appearance(for: .negative).foreground == 208)
    }

    @Test func monochromeTellsTheTeachingRolesApart() {
        let roles: [Role] = [.normal, .window, .current, .negative, .zeroed, .selection]
        let looks = roles.map { Palette.monochrome.appearance(for: $0) }
        #expect(Set(looks).count == roles.count)
        #expect(looks.allSatisfy { $0.foreground == nil && $0.background == nil && !$0.dim })
    }
}
