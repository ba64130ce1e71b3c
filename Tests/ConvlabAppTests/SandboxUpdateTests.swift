import ConvModel
import Foundation
import LessonFormat
import ScreenModel
import Testing
@testable import ConvlabApp

/// Presses keys on a sandbox through `updateSandbox`, as the terminal would.
func press(_ sandbox: SandboxState, _ keys: Key...) -> SandboxState {
    keys.reduce(sandbox) { updateSandbox($0, .key($1)) }
}

/// Types text one character at a time.
func type(_ sandbox: SandboxState, _ text: String) -> SandboxState {
    text.reduce(sandbox) { updateSandbox($0, .key(.character($1))) }
}

// Every expected map was computed with NumPy: the standard input is 6x6 zeros with 9 in
// rows 2-5, columns 3-5 (from 1), and each map is np.sum(window * kernel) per position.
@Suite struct SandboxUpdateTests {
    let standard = SandboxState.standard()

    func map(_ sandbox: SandboxState, layer: Int = 0, filter: Int = 0) -> [[Double]] {
        sandbox.network.traces[layer].preactivation.rows(channel: filter)
    }

    @Test func theStandardSandboxShowsAnEdgeAndReLU() {
        #expect(map(standard) == [[18, 18, 0, -18], [27, 27, 0, -27], [27, 27, 0, -27],
                                  [18, 18, 0, -18]])
        #expect(standard.network.output.rows() == [[18, 18, 0, 0], [27, 27, 0, 0],
                                                   [27, 27, 0, 0], [18, 18, 0, 0]])
        #expect(standard.focus == .input)
    }

    @Test func typingAWeightUpdatesTheMapAtOnce() {
        var sandbox = press(standard, .tab)
        #expect(sandbox.focus == .filter)
        sandbox = type(sandbox, "2")
        #expect(sandbox.edit?.text == "2")
        #expect(map(sandbox) == map(standard), "nothing changes before Enter")
        sandbox = press(sandbox, .enter)
        #expect(sandbox.edit == nil)
        #expect(sandbox.currentFilter.weights[0, 0] == 2)
        #expect(map(sandbox) == [[18, 18, 0, -18], [27, 27, 27, 0], [27, 27, 27, 0],
                                 [18, 18, 27, 9]])
    }

    @Test func typingAnInputValueUpdatesMapAndGradients() {
        var sandbox = press(standard, .right, .character("l"))
        #expect(sandbox.inputCursor == SandboxState.Cursor(row: 0, column: 2))
        sandbox = type(sandbox, "-3")
        sandbox = press(sandbox, .enter)
        #expect(sandbox.input[0, 2] == -3)
        #expect(map(sandbox)[0] == [15, 18, 3, -18])
        #expect(sandbox.gradients.report != standard.gradients.report)
    }

    @Test(arguments: [
        ("1/0", "'1/0' divides by zero"),
        ("1e999", "'1e999' is too large (over 1.8e308)"),
        ("--", "'--' is not a number"),
        ("abc", "'abc' is not a number"),
        ("inf", "'inf' is not a finite number"),
    ])
    func aBadNumberStaysInTheFieldWithTheReason(text: String, reason: String) {
        var sandbox = press(standard, .tab, .enter)
        sandbox = press(type(sandbox, text), .enter)
        #expect(sandbox.edit?.text == text)
        #expect(sandbox.message == reason + "; type a number such as 2, -0.5 or 1/9")
        #expect(sandbox.currentFilter == standard.currentFilter)
        // Corrected in place: Ctrl-U clears the field, then a number is taken.
        sandbox = press(type(press(sandbox, .control("u")), "1/4"), .enter)
        #expect(sandbox.edit == nil)
        #expect(sandbox.currentFilter.weights[0, 0] == 0.25)
    }

    @Test func aBadNumberKeepsTheFieldOpenAndEscCancels() {
        var sandbox = press(standard, .enter)
        sandbox = type(sandbox, "1/0")
        sandbox = press(sandbox, .enter)
        #expect(sandbox.edit?.text == "1/0")
        sandbox = press(sandbox, .backspace, .enter)
        #expect(sandbox.edit?.text == "1/")
        #expect(sandbox.message == "'1/' is not a number; type a number such as 2, -0.5 or 1/9")
        sandbox = press(sandbox, .escape)
        #expect(sandbox.edit == nil)
        #expect(sandbox.input == standard.input)
        // Fractions are numbers: a blur weight can be typed as it is written.
        sandbox = press(standard, .tab, .down)
        sandbox = press(type(sandbox, "1/4"), .enter)
        #expect(sandbox.currentFilter.weights[1, 0] == 0.25)
    }

    @Test func theBiasSitsBelowTheWeights() {
        var sandbox = press(standard, .tab, .down, .down, .down)
        sandbox = press(type(sandbox, "-20"), .enter)
        #expect(sandbox.currentFilter.bias == -20)
        #expect(sandbox.network.output.rows()[1] == [7, 7, 0, 0])
    }

    @Test func presetsByMenuKey() {
        var sandbox = press(standard, .character("p"))
        #expect(sandbox.showingPresets)
        sandbox = press(sandbox, .character("4"))
        #expect(!sandbox.showingPresets)
        #expect(sandbox.currentFilter.name == "sobel-x")
        #expect(map(sandbox) == [[27, 27, 0, -27], [36, 36, 0, -36], [36, 36, 0, -36],
                                 [27, 27, 0, -27]])
        #expect(sandbox.message == "filter 1 is now sobel-x")
        sandbox = press(sandbox, .character("p"), .character("0"))
        #expect(sandbox.currentFilter.name == "emboss")
    }

    @Test func settingsKeysChangeTheLayerOrSayWhyNot() {
        var sandbox = press(standard, .character("s"))
        #expect(map(sandbox) == [[18, 0], [27, 0]])
        sandbox = press(sandbox, .character("S"), .character("z"))
        #expect(sandbox.currentLayer.settings.padding == .same)
        #expect(sandbox.trace.output.height == 6)
        sandbox = press(sandbox, .character("Z"), .character("d"), .character("d"))
        #expect(sandbox.currentLayer.settings.dilation == 2)
        #expect(sandbox.message == "not changed: layer 1: the filter spans 7 rows (with "
                    + "dilation) but the padded input has only 6")
        sandbox = press(sandbox, .character("a"))
        #expect(sandbox.currentLayer.activation == .leakyReLU(slope: 0.01))
        sandbox = press(sandbox, .character("D"), .character("c"))
        #expect(sandbox.currentLayer.settings.flipsKernel)
        #expect(map(sandbox)[0] == [-18, -18, 0, 18])
    }

    @Test func settingsStopAtWhatALessonMayHold() {
        // Stride stops at 1000, as in a lesson file; so does padding, but far sooner the maps
        // of a 6x6 input padded by hundreds grow past the lesson size limit.
        var sandbox = standard
        for _ in 0..<1005 { sandbox = press(sandbox, .character("s")) }
        #expect(sandbox.currentLayer.settings.stride == 1000)
        #expect(sandbox.message == "not changed: layer 1: stride and dilation go up to 1000 in "
                    + "a lesson")
        // Padding 1001 is refused outright; padding 1000 on the 6x6 input would make maps of
        // 2004x2004 cells, 4,016,016 with their activations twice that plus the input, within
        // the 16,777,216 numbers, but its 36 million products are within 67,108,864 too; two
        // filters double the products past it.
        var layer = standard.layers[0]
        layer.settings.padding = .zeros(1001)
        #expect(SandboxLimits.problem(input: standard.input, layers: [layer])
                == "layer 1: padding goes up to 1000 in a lesson")
        layer.settings.padding = .zeros(1000)
        #expect(SandboxLimits.problem(input: standard.input, layers: [layer]) == nil)
        layer.filters += layer.filters
        #expect(SandboxLimits.problem(input: standard.input, layers: [layer])?
                    .hasPrefix("layer 1 would make 2 map(s) of 2004x2004") == true)
    }

    @Test func theSettingsRowIsReachedWithTabAndChangedWithUpAndDown() {
        var sandbox = press(standard, .tab, .tab, .tab)
        #expect(sandbox.focus == .settings)
        #expect(sandbox.setting == .stride)
        sandbox = press(sandbox, .up)
        #expect(sandbox.currentLayer.settings.stride == 2)
        sandbox = press(sandbox, .right, .up, .up, .up)
        #expect(sandbox.currentLayer.settings.padding == .zeros(2))
        sandbox = press(type(sandbox, "0"), .enter)
        #expect(sandbox.currentLayer.settings.padding == .valid)
        sandbox = press(sandbox, .left)
        sandbox = press(type(sandbox, "0"), .enter)
        #expect(sandbox.message == "stride: '0' is not a whole number from 1 to 1000")
    }

    @Test func poolingAfterTheActivationTracesBack() throws {
        var sandbox = press(standard, .character("o"))
        let pooled = try #require(sandbox.pooled)
        #expect(pooled.output.rows() == [[27, 0], [27, 0]])
        sandbox = press(sandbox, .character("o"))
        #expect(sandbox.pooled?.output.rows() == [[22.5, 0], [22.5, 0]])
        sandbox = press(sandbox, .character("o"), .character("o"))
        #expect(sandbox.focusOrder.contains(.pool))
        sandbox = press(sandbox, .tab, .tab, .tab, .down)
        #expect(sandbox.focus == .pool)
        #expect(sandbox.poolCursor.row == 1)
        let window = sandbox.pooled!.window(outRow: 1, outColumn: 0, channel: 0)
        #expect(window.values == [27, 27, 18, 18])
        #expect(window.chosen! == (2, 0))
        // A window larger than the map is refused, and pooling stays as it was.
        sandbox = press(sandbox, .tab)
        for _ in 0..<6 { sandbox = press(sandbox, .right) }
        #expect(sandbox.setting == .poolWindow)
        sandbox = press(type(sandbox, "5"), .enter)
        #expect(sandbox.pooling?.window == 2)
        #expect(sandbox.message == "not changed: a 5x5 pooling window does not fit in a 4x4 map")
    }

    @Test func poolingStepsOneValueAtATime() throws {
        var sandbox = press(standard, .character("o"), .tab, .tab, .tab)
        #expect(sandbox.focus == .pool)
        sandbox = press(sandbox, .character(" "))
        let steps = try #require(sandbox.poolingSteps)
        #expect(sandbox.poolStep == 0)
        #expect(steps.step(at: 0).kind == .place)
        // Cell (1,1) pools 18 18 / 27 27 (after ReLU): the largest so far is 18, 18, 27, 27.
        var values: [Double] = []
        for _ in 0..<4 {
            sandbox = press(sandbox, .character(" "))
            values.append(steps.step(at: sandbox.poolStep!).runningValue)
        }
        #expect(values == [18, 18, 27, 27])
        sandbox = press(sandbox, .character(" "))
        #expect(steps.step(at: sandbox.poolStep!).kind == .write)
        sandbox = press(sandbox, .character(" "))
        #expect(sandbox.poolCursor.column == 1)
        #expect(steps.step(at: sandbox.poolStep!).kind == .place)
        sandbox = press(sandbox, .backspace)
        #expect(sandbox.poolCursor.column == 0)
        // Moving the cursor ends the stepping.
        #expect(press(sandbox, .down).poolStep == nil)
    }

    @Test func filtersAndLayersComeAndGoWithTheirChannels() {
        var sandbox = press(standard, .character("n"))
        #expect(sandbox.currentLayer.filters.count == 2)
        #expect(sandbox.filter == 1)
        #expect(map(sandbox, filter: 1) == [[0, 9, 9, 9], [0, 9, 9, 9], [0, 9, 9, 9],
                                            [0, 9, 9, 9]])
        sandbox = press(sandbox, .character("N"))
        #expect(sandbox.layers.count == 2 && sandbox.layer == 1)
        #expect(sandbox.currentFilter.channels == 2)
        // The identity over two maps is their mean (after layer 1's ReLU).
        #expect(sandbox.network.traces[1].output.rows()[1] == [13.5, 18, 4.5, 4.5])
        sandbox = press(sandbox, .character("<"), .character("n"))
        #expect(sandbox.layers[1].filters[0].channels == 3)
        sandbox = press(sandbox, .character("x"))
        #expect(sandbox.layers[1].filters[0].channels == 2)
        sandbox = press(sandbox, .character("X"), .character("X"))
        #expect(sandbox.layers.count == 1)
        #expect(sandbox.message == "the sandbox needs at least one layer")
    }

    @Test func escAndQAreLeftToTheApp() {
        #expect(press(standard, .escape).leaveRequested)
        #expect(press(standard, .character("q")).quitRequested)
        // While typing, q is a letter of the path and Esc closes only the prompt.
        let prompting = type(press(standard, .character("w")), "q")
        #expect(prompting.prompt?.text == "q")
        #expect(!prompting.quitRequested)
        #expect(press(prompting, .escape).prompt == nil)
        #expect(!press(prompting, .escape).leaveRequested)
    }

    @Test func theSuggestedPathIsReplacedByTypingAndEditedByTheLineKeys() {
        let asked = press(standard, .character("w"))
        #expect(asked.prompt == SandboxState.SavePrompt(text: "sandbox.md", suggested: true))
        // A path typed at once replaces the suggestion instead of being appended to it.
        var sandbox = type(asked, "/tmp/x.md")
        #expect(sandbox.prompt?.text == "/tmp/x.md")
        #expect(sandbox.prompt?.suggested == false)
        // Ctrl-W takes the last folder or name, with the separator before the cursor.
        sandbox = press(type(press(sandbox, .control("u")), "/work/main/x.md"), .control("w"))
        #expect(sandbox.prompt?.text == "/work/main/")
        sandbox = press(sandbox, .control("w"))
        #expect(sandbox.prompt?.text == "/work/")
        sandbox = press(sandbox, .control("u"))
        #expect(sandbox.prompt?.text == "")
        // Backspace edits the suggestion, after which typing adds to it.
        sandbox = type(press(asked, .backspace, .backspace), "txt")
        #expect(sandbox.prompt?.text == "sandbox.txt")
        #expect(press(sandbox, .enter).pendingSave?.path == "sandbox.txt")
    }

    @Test func poolingIsChangedOnTheLastLayerOnly() throws {
        // Two layers, on layer 1: o is refused with the reason, nothing changes.
        var sandbox = press(standard, .character("N"), .character("<"))
        #expect(sandbox.layer == 0 && !sandbox.isLastLayer)
        sandbox = press(sandbox, .character("o"))
        #expect(sandbox.pooling == nil)
        #expect(sandbox.message
                    == "pooling goes after the last layer only; > to layer 2 to change it")
        // On layer 2 it is taken and pools layer 2's output (the identity of layer 1's ReLU
        // map, padded 'same'): NumPy, max of each 2x2 block of [[18 18 0 0] [27 27 0 0] ...].
        sandbox = press(sandbox, .character(">"), .character("o"))
        let pooled = try #require(sandbox.pooled)
        #expect(pooled.output.rows() == [[27, 0], [27, 0]])
        // Back on layer 1, its window and stride are refused too, by key and typed.
        sandbox = press(sandbox, .character("<"), .tab, .tab, .tab)
        #expect(sandbox.focus == .settings)
        for _ in 0..<6 { sandbox = press(sandbox, .right) }
        #expect(sandbox.setting == .poolWindow)
        sandbox = press(sandbox, .up)
        #expect(sandbox.message?.hasPrefix("pooling goes after the last layer only") == true)
        sandbox = press(type(sandbox, "1"), .enter)
        #expect(sandbox.message?.hasPrefix("pooling goes after the last layer only") == true)
        sandbox = press(sandbox, .left, .down)
        #expect(sandbox.pooling == Pooling(kind: .max, window: 2, stride: 2))
    }
}
