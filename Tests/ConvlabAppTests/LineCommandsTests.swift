import Foundation
import ScreenModel
import Testing
@testable import ConvlabApp

/// Line mode's commands become the keys of the full-screen player.
@Suite struct LineCommandsTests {
    func run(_ lines: [String], from state: AppState) -> AppState {
        lines.reduce(state) { state, line in
            LineCommands.keys(for: line, in: state).reduce(state) { update($0, .key($1)) }
        }
    }

    @Test func commandsStepAndJump() throws {
        let path = try writeLesson(quizLessonText)
        var state = AppState(lessons: InteractiveOptions.load([path]), width: 80, height: 24)
        state.quizzes = false
        #expect(LineCommands.prompt(for: state) == "N: open lesson N  q: quit > ")
        state = run(["1"], from: state)
        #expect(state.mode == .lesson)
        state = run(["", "n", "b"], from: state)
        #expect(state.session?.stepIndex == 1)
        state = run(["20"], from: state)
        #expect(state.session?.stepIndex == 19)
        state = run(["G"], from: state)
        #expect(state.session?.stepIndex == 31)
        state = run(["999", "nonsense"], from: state)
        #expect(state.session?.stepIndex == 31)
        state = run(["q"], from: state)
        #expect(state.quitRequested)
    }

    @Test func anOpenQuestionTakesTheLineAsItsAnswer() throws {
        let path = try writeLesson(quizLessonText)
        var state = AppState(lessons: InteractiveOptions.load([path]), width: 80, height: 24)
        state = opening(0, in: state)
        #expect(LineCommands.prompt(for: state).hasPrefix("your answer"))
        // A refused line does not stick to the next one.
        state = run(["", "4x"], from: state)
        #expect(state.session?.prompt?.problem != nil)
        state = run(["2x2"], from: state)
        #expect(state.session?.prompt?.verdict == .right)
        // Jumping to step 20 stops at the next question, on step 8; "skip" passes it.
        state = run(["20"], from: state)
        #expect(state.session?.stepIndex == 7)
        state = run(["skip"], from: state)
        #expect(state.session?.prompt?.verdict == .skipped)
    }
}
