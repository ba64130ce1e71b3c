import ConvModel
import LessonFormat
import ScreenModel
import Testing
@testable import ConvlabApp

/// The state machine driven by events alone, with no terminal.
@Suite struct UpdateTests {
    func initialState(width: Int = 80, height: Int = 24) throws -> AppState {
        let paths = LessonLoader.lessonPaths(in: lessonsFolder)
        let lessons = InteractiveOptions.load(paths)
        #expect(lessons.count >= 2)
        var state = AppState(lessons: lessons, width: width, height: height)
        // Navigation is tested on its own here; questions stopping it are in QuizTests.
        state.quizzes = false
        return state
    }

    func press(_ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { update($0, .key($1)) }
    }

    @Test func listOpensTheHighlightedLesson() throws {
        var state = try initialState()
        #expect(state.mode == .lessonList)
        state = press(state, .down, .up, .enter)
        #expect(state.mode == .lesson)
        #expect(state.session?.lesson.title == "The sliding filter")
        #expect(state.session?.stepIndex == 0)
    }

    @Test func stepKeysMoveForwardAndBack() throws {
        var state = press(try initialState(), .enter)
        state = press(state, .right, .character("l"), .character(" "))
        #expect(state.session?.stepIndex == 3)
        state = press(state, .left, .character("h"), .backspace)
        #expect(state.session?.stepIndex == 0)
        state = press(state, .left)
        #expect(state.session?.stepIndex == 0)
        state = press(state, .character("G"))
        #expect(state.session?.stepIndex == 431)
        state = press(state, .right)
        #expect(state.session?.stepIndex == 431)
        state = press(state, .home)
        #expect(state.session?.stepIndex == 0)
        state = press(state, .end, .character("g"))
        #expect(state.session?.stepIndex == 0)
    }

    @Test func steppingBackRestoresTheEarlierScreenExactly() throws {
        let start = press(try initialState(), .enter, .right, .right, .right)
        let before = view(start)
        let there = press(start, .right, .right, .right, .right, .right)
        #expect(view(there) != before)
        let back = press(there, .left, .left, .left, .left, .left)
        #expect(view(back) == before)
    }

    @Test func autoplayTicksUntilTheEndThenStops() throws {
        var state = press(try initialState(), .enter, .character("G"), .left, .left)
        #expect(state.tickInterval == nil)
        state = press(state, .character("p"))
        #expect(state.playing)
        #expect(state.tickInterval == 1000 / AppState.speeds[state.speedIndex])
        state = update(state, .tick)
        state = update(state, .tick)
        #expect(state.session?.isAtEnd == true)
        state = update(state, .tick)
        #expect(!state.playing)
        #expect(state.tickInterval == nil)
    }

    @Test func speedKeysChangeTheTickInterval() throws {
        var state = press(try initialState(), .enter, .character("p"))
        let normal = try #require(state.tickInterval)
        state = press(state, .character("+"))
        #expect(try #require(state.tickInterval) < normal)
        state = press(state, .character("-"), .character("-"))
        #expect(try #require(state.tickInterval) > normal)
        for _ in 0..<20 { state = press(state, .character("-")) }
        #expect(state.tickInterval == 1000)
    }

    @Test func fineAndCoarseKeepTheSameCell() throws {
        var state = press(try initialState(), .enter)
        for _ in 0..<14 { state = press(state, .right) }
        // Step 15 (index 14) is in the second cell: place at index 12, products follow.
        #expect(state.session?.step.outColumn == 1)
        state = press(state, .character("f"))
        #expect(state.session?.granularity == .coarse)
        #expect(state.session?.stepIndex == 1)
        #expect(state.session?.step.kind == .write)
        state = press(state, .right, .character("f"))
        #expect(state.session?.granularity == .fine)
        #expect(state.session?.step.outColumn == 2)
        #expect(state.session?.step.kind == .write)
    }

    @Test func lessonKeysMoveBetweenLessonsAndTheList() throws {
        var state = press(try initialState(), .enter, .right, .right)
        state = press(state, .character("n"))
        #expect(state.session?.lesson.title == state.lessons[1].title)
        #expect(state.selection == 1)
        #expect(state.session?.stepIndex == 0)
        state = press(state, .character("N"))
        #expect(state.session?.lesson.title == "The sliding filter")
        state = press(state, .character("L"))
        #expect(state.mode == .lessonList)
        state = press(state, .escape)
        #expect(state.mode == .lesson)
        state = press(state, .escape)
        #expect(state.mode == .lessonList)
    }

    @Test func quitWorksFromEveryScreen() throws {
        let list = try initialState()
        #expect(press(list, .character("q")).quitRequested)
        let lesson = press(list, .enter)
        #expect(press(lesson, .control("c")).quitRequested)
        let help = press(lesson, .character("?"))
        #expect(help.showingHelp)
        #expect(press(help, .character("q")).quitRequested)
        let closed = press(help, .right)
        #expect(!closed.showingHelp && closed.session?.stepIndex == 0)
        let small = update(lesson, .resize(width: 40, height: 12))
        #expect(press(small, .character("q")).quitRequested)
    }

    @Test func resizeRelaysTheScreenAndTooSmallSaysWhatIsNeeded() throws {
        var state = press(try initialState(), .enter, .character("p"))
        state = update(state, .resize(width: 40, height: 12))
        let small = view(state)
        #expect(small.width == 40 && small.height == 12)
        #expect(small.plainText().contains("80x24"))
        #expect(small.plainText().contains("40x12"))
        // Autoplay waits while the lesson cannot be seen, and goes on once it can.
        state = update(state, .tick)
        state = update(state, .resize(width: 120, height: 40))
        #expect(view(state).plainText().contains("step 1/432"))
        state = update(state, .tick)
        let large = view(state)
        #expect(large.width == 120)
        #expect(large.plainText().contains("step 2/432"))
        // Every size from 1x1 up draws without trapping.
        for width in [1, 2, 5, 20, 79, 80, 81, 200] {
            for height in [1, 3, 23, 24, 60] {
                _ = view(update(state, .resize(width: width, height: height)))
            }
        }
    }

    @Test func clickingAMapCellJumpsToTheStepThatFillsIt() throws {
        var state = press(try initialState(), .enter)
        let session = try #require(state.session)
        let layout = LessonLayout(state: state, session: session)
        let x = layout.mapX(ofColumn: 2) + 2
        let y = layout.mapY(ofRow: 1)
        state = update(state, .mouseClick(x: x, y: y))
        let step = try #require(state.session?.step)
        #expect(step.kind == .write)
        #expect(step.outRow == 1 && step.outColumn == 2)
        #expect(state.session?.stepIndex == (1 * 6 + 2) * 12 + 11)
        // A click elsewhere changes nothing.
        let elsewhere = update(state, .mouseClick(x: 0, y: 0))
        #expect(elsewhere == state)
    }

    @Test func gradientPanelKeysChangeWhatIsComputedAndShown() throws {
        var state = press(try initialState(), .enter)
        let report = try #require(state.gradients.report)
        #expect(report.layers == 10)
        #expect(report.activations.map(\.description)
            == ["sigmoid", "tanh", "relu", "leaky-relu"])
        // The panel's sigmoid stack loses orders of magnitude; ReLU's does not.
        let sigmoid = report.meanAbsGradient[0]
        let relu = report.meanAbsGradient[2]
        #expect(sigmoid[0] < sigmoid[9] / 100)
        #expect(relu[0] < relu[9] * 10 && relu[0] > relu[9] / 10)

        state = press(state, .character("t"))
        #expect(state.gradients.fullScreen)
        #expect(view(state).plainText().contains("mean|grad|"))
        state = press(state, .character("]"), .character("]"))
        #expect(state.gradients.report?.layers == 12)
        state = press(state, .character("["))
        #expect(state.gradients.report?.layers == 11)
        for _ in 0..<40 { state = press(state, .character("[")) }
        #expect(state.gradients.layers == 2)
        for _ in 0..<40 { state = press(state, .character("]")) }
        #expect(state.gradients.layers == 30)

        state = press(state, .character(">"), .character(">"), .character("<"))
        #expect(state.gradients.cursor == 1)
        let seeded = state.gradients.report
        state = press(state, .character("r"))
        #expect(state.gradients.seed == 2)
        #expect(state.gradients.report != seeded)

        state = press(state, .character("1"), .character("2"), .character("3"), .character("4"))
        // Hiding the last shown curve is refused, so one always stays.
        #expect(state.gradients.shown == [false, false, false, true])
        state = press(state, .escape)
        #expect(!state.gradients.fullScreen)
        #expect(state.mode == .lesson)
    }
}
