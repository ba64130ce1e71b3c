import ConvModel
import Foundation
import LessonFormat
import ScreenModel
import Testing
@testable import ConvlabApp

/// Golden screens of the sandbox at 80x24 and larger, each reached by pressing keys.
@Suite struct SandboxViewTests {
    func screen(_ sandbox: SandboxState, width: Int = 80, height: Int = 24) -> String {
        let state = openingSandbox(sandbox, in: AppState(lessons: [], width: width,
                                                          height: height))
        return view(state).plainText()
    }

    let standard = SandboxState.standard()

    @Test(arguments: [(80, 24), (120, 40)])
    func standardSandbox(width: Int, height: Int) {
        Snapshot.assert(screen(standard, width: width, height: height),
                        named: "sandbox-standard-\(width)x\(height)")
    }

    @Test func editingAWeight() {
        let sandbox = type(press(standard, .tab, .right), "-2")
        let text = screen(sandbox)
        #expect(text.contains("weight (1,2): -2"))
        Snapshot.assert(text, named: "sandbox-edit-weight-80x24")
    }

    @Test func presetMenuAndKeys() {
        Snapshot.assert(screen(press(standard, .character("p"))), named: "sandbox-presets-80x24")
        Snapshot.assert(screen(press(standard, .character("?"))), named: "sandbox-keys-80x24")
    }

    @Test func poolingWithItsWindowTracedBack() {
        let sandbox = press(standard, .character("o"), .tab, .tab, .tab, .down)
        let text = screen(sandbox)
        #expect(text.contains("pool (2,1) = max(27, 27, 18, 18) = 27"))
        #expect(text.contains("nn.MaxPool2d(kernel_size=2, stride=2)"))
        Snapshot.assert(text, named: "sandbox-pooling-80x24")
    }

    @Test func poolingStepByStep() {
        // Third value of the first window: 18 18 [27] 27, cells after it not yet written.
        let sandbox = press(standard, .character("o"), .tab, .tab, .tab, .character(" "),
                            .character(" "), .character(" "), .character(" "))
        let text = screen(sandbox)
        #expect(text.contains("pool (1,1) = max(18, 18, 27, 27)  max so far 27"))
        Snapshot.assert(text, named: "sandbox-pool-step-80x24")
    }

    @Test func settingsFocusAndSavePrompt() {
        let settings = press(standard, .tab, .tab, .tab, .right, .up)
        Snapshot.assert(screen(settings), named: "sandbox-settings-80x24")
        Snapshot.assert(screen(press(standard, .character("w"))), named: "sandbox-save-80x24")
    }

    @Test func aLargeInputIsDrawnAsAHeatmapWithTheCursorReadOut() throws {
        // A 30x30 disc of 200 on 0: too large for numbers at 80x24.
        var input = Grid(height: 30, width: 30)
        for row in 0..<30 {
            for column in 0..<30
            where (row - 15) * (row - 15) + (column - 15) * (column - 15) < 100 {
                input[row, column] = 200
            }
        }
        let layer = ConvLayer(filters: [FilterPreset.sobelX.filter()], activation: .relu)
        var sandbox = try SandboxState(input: input, layers: [layer])
        for _ in 0..<9 { sandbox = press(sandbox, .down) }
        for _ in 0..<11 { sandbox = press(sandbox, .right) }
        let text = screen(sandbox)
        #expect(text.contains("(10,12) = 200  1:2"))
        Snapshot.assert(text, named: "sandbox-heatmap-80x24")
    }

    @Test func anASCIITerminalGetsNoUnicode() {
        var state = openingSandbox(press(standard, .character("o"), .tab),
                                   in: AppState(lessons: [], width: 80, height: 24))
        state.glyphs = .ascii
        let text = view(state).plainText()
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains(">filter edge-vertical"))
        #expect(text.contains("dilation=1) -> (1, 1, 4, 4), nn.ReLU(),"))
    }

    @Test func twoLayersOnALargerScreen() {
        let sandbox = press(standard, .character("n"), .character("N"))
        Snapshot.assert(screen(sandbox, width: 100, height: 30),
                        named: "sandbox-two-layers-100x30")
    }

    @Test func aBadNumberShowsItsReasonAboveTheOpenField() {
        let sandbox = press(type(press(standard, .tab, .right), "1/0"), .enter)
        let text = screen(sandbox)
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[21] == " '1/0' divides by zero; type a number such as 2, -0.5 or 1/9")
        #expect(rows[22].hasPrefix(" weight (1,2): 1/0▏   Enter sets, Esc cancels"))
        Snapshot.assert(text, named: "sandbox-bad-number-80x24")
    }

    @Test func aLongMessageIsWrappedWholeAt80Columns() {
        // Dilation 3 makes the 3x3 filter span 7 rows of a 6x6 input: refused.
        let sandbox = press(standard, .character("d"), .character("d"))
        #expect(sandbox.message == "not changed: layer 1: the filter spans 7 rows (with "
                    + "dilation) but the padded input has only 6")
        let text = screen(sandbox)
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[21]
                    == " not changed: layer 1: the filter spans 7 rows (with dilation) but the padded")
        #expect(rows[22] == " input has only 6")
        Snapshot.assert(text, named: "sandbox-message-wrapped-80x24")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func thePresetListIsOnScreenWhileTheDigitIsAwaited(width: Int, height: Int) {
        let text = screen(press(standard, .character("p")), width: width, height: height)
        for (index, name) in FilterPreset.names.enumerated() {
            #expect(text.contains("│ \((index + 1) % 10)  \(name) "), "\(name)")
        }
        #expect(text.contains(" preset for filter 1: press 1-9 or 0 (listed above); any "
                                + "other key closes"))
        if width == 120 { Snapshot.assert(text, named: "sandbox-presets-120x40") }
    }

    @Test func poolingSettingsOnAnEarlierLayerSayWhereItIs() {
        // Pooling on after layer 2; layer 1's settings row says so instead of "max".
        let sandbox = press(standard, .character("N"), .character("o"), .character("<"),
                            .character("o"))
        let text = screen(sandbox)
        #expect(text.contains(" pooling max, after layer 2  window -  pool stride -"))
        #expect(screen(press(standard, .character("N"), .character("<")))
                    .contains(" pooling off (last layer only)  window -  pool stride -"))
        #expect(text.contains(" pooling goes after the last layer only; > to layer 2 to "
                                + "change it"))
        Snapshot.assert(text, named: "sandbox-pooling-other-layer-80x24")
    }
}
