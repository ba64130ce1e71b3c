import Testing

@testable import ScreenModel

/// The heatmap widget: levels, half-blocks, density characters and shrinking.
@Suite struct HeatmapTests {
    /// A 4x3 grid: a dark left column, a bright right one.
    private let step = Heatmap(height: 4, width: 3, values: [0, 90, 180, 0, 90, 180,
                                                             0, 90, 180, 0, 90, 180])

    @Test func levelsScaleByTheLargestMagnitude() {
        #expect(step.ramp == .sequential)
        #expect([0, 90, 180].map(step.level) == [0, 5, 9])  // 90/180 x 9 = 4.5 rounds to 5
        let signed = Heatmap(height: 1, width: 3, values: [-40, 0, 20])
        #expect(signed.ramp == .diverging)
        #expect([-40, 0, 20, -10].map(signed.level) == [-9, 0, 5, -2])
    }

    @Test func unicodeDrawsTwoRowsPerLineWithHalfBlocks() {
        var screen = Screen(width: 5, height: 3)
        let factor = step.render(into: &screen, at: Rect(x: 1, y: 0, width: 4, height: 3),
                                 unicode: true)
        #expect(factor == 1)
        #expect(screen.row(0) == " ▀▀▀ " && screen.row(1) == " ▀▀▀ " && screen.row(2) == "     ")
        #expect(screen[3, 1].style.shade == Shade(ramp: .sequential, top: 9, bottom: 9))
        #expect(screen[1, 0].style.shade?.strength == 0)
        // Without colours the half-blocks become density characters.
        #expect(screen.plainText() == "  +@\n  +@\n\n")  // level 5 is "+"
        #expect(screen.ansiText(palette: .color256).contains("38;5;255;48;5;255m▀"))
    }

    @Test func asciiAveragesTwoRowsIntoDensityCharacters() {
        var screen = Screen(width: 3, height: 2)
        step.render(into: &screen, at: Rect(x: 0, y: 0, width: 3, height: 2), unicode: false)
        #expect(screen.row(0) == " +@" && screen.row(1) == " +@")
    }

    @Test func shrinksByAWholeFactorAndMarksTheFocus() {
        #expect(Heatmap.factor(height: 64, width: 64, columns: 16, lines: 10) == 4)
        #expect(Heatmap.factor(height: 62, width: 62, columns: 62, lines: 31) == 1)
        var screen = Screen(width: 2, height: 1)
        let wide = Heatmap(height: 2, width: 4, values: [0, 0, 8, 8, 0, 0, 8, 8])
        #expect(wide.render(into: &screen, at: Rect(x: 0, y: 0, width: 2, height: 1),
                            unicode: false, mark: (1, 3), markCharacter: ">") == 2)
        #expect(screen.row(0) == " >")
        #expect(screen[1, 0].style.role == .current)
    }

    @Test func cellsNotShownStayBlank() {
        var screen = Screen(width: 3, height: 1)
        let filling = Heatmap(height: 2, width: 3, values: [5, 5, 5, 5, 5, 5],
                              shown: [true, true, true, true, false, false])
        filling.render(into: &screen, at: Rect(x: 0, y: 0, width: 3, height: 1), unicode: true)
        #expect(screen[0, 0].style.shade?.bottom == 9)
        #expect(screen[1, 0].style.shade?.bottom == nil)
        #expect(screen[1, 0].style.shade?.top == 9)
    }

    @Test func monochromeDensityFollowsStrength() {
        #expect(Shade(ramp: .diverging, top: -9, bottom: 9).densityCharacter == "@")
        #expect(Shade(ramp: .diverging, top: -2, bottom: 0).densityCharacter == ".")
        #expect(Shade.densityRamp.count == Shade.levels + 1)
    }
}
