import Foundation
import LessonFormat
import ScreenModel
import Testing
@testable import ConvlabApp

/// The screens besides the lesson steps, as text at fixed sizes.
@Suite struct ScreenSnapshotTests {
    func bundled(width: Int, height: Int) -> AppState {
        AppState(lessons: InteractiveOptions.load(LessonLoader.lessonPaths(in: lessonsFolder)),
                 width: width, height: height)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func lessonListWithProgress(width: Int, height: Int) throws {
        var state = bundled(width: width, height: height)
        // Lesson 1 finished with its question right; lesson 2 a quarter of the way.
        let first = state.lessons[0].progressKey
        let second = state.lessons[1].progressKey
        state.progress.lessons[first] = LessonProgress(
            lastStep: 431, furthestStep: 431, completed: true, answers: ["4": .right])
        state.progress.lessons[second] = LessonProgress(lastStep: 108, furthestStep: 108)
        state = update(state, .key(.down))
        Snapshot.assert(view(state).plainText(), named: "list-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func helpPage(width: Int, height: Int) {
        var state = bundled(width: width, height: height)
        state = update(state, .key(.character("?")))
        let screen = view(state).plainText()
        Snapshot.assert(screen, named: "help-\(width)x\(height)")
        // Every key of every section is on the page.
        for (title, keys) in HelpView.sections {
            #expect(screen.contains(title))
            for (key, _) in keys { #expect(screen.contains(key), "\(key) missing") }
        }
    }

    @Test func tooSmall() {
        let state = bundled(width: 50, height: 12)
        Snapshot.assert(view(state).plainText(), named: "too-small-50x12")
    }

    @Test func quizAskingAndAnswered() throws {
        let path = try writeLesson(quizLessonText)
        var state = AppState(lessons: InteractiveOptions.load([path]), width: 80, height: 24)
        state = opening(0, in: state)
        state = update(state, .key(.character("2")))
        state = update(state, .key(.enter))
        state = update(state, .key(.character("G")))
        state = update(state, .key(.character("5")))
        // The lesson's path is a temporary folder; the screen shows only its title.
        Snapshot.assert(view(state).plainText(), named: "quiz-asking-80x24")
        state = update(state, .key(.enter))
        Snapshot.assert(view(state).plainText(), named: "quiz-wrong-80x24")
    }

    @Test func presentationMode() throws {
        var state = bundled(width: 120, height: 40)
        state.quizzes = false
        state = update(state, .key(.enter))
        state = update(state, .key(.character("P")))
        for _ in 0..<30 { state = update(state, .key(.right)) }
        Snapshot.assert(view(state).plainText(), named: "presentation-120x40")
        // Rows are two screen rows apart here, and clicks still land on the right cell.
        let layout = LessonLayout(state: state, session: try #require(state.session))
        #expect(layout.rowPitch == 2)
        state = update(state, .mouseClick(x: layout.mapX(ofColumn: 2) + 1,
                                          y: layout.mapY(ofRow: 1)))
        let step = try #require(state.session?.step)
        #expect(step.outRow == 1 && step.outColumn == 2 && step.kind == .write)
    }

    @Test func aLessonWithProblems() throws {
        let path = try writeLesson("# Broken\n```input\n1 2\n3 x\n```\n", name: "01-broken.md")
        var state = AppState(lessons: InteractiveOptions.load([path]), width: 80, height: 24)
        state = opening(0, in: state)
        #expect(state.mode == .lessonProblems)
        // The folder is random: keep only the file name for the snapshot.
        let folder = (path as NSString).deletingLastPathComponent + "/"
        Snapshot.assert(view(state).plainText().replacingOccurrences(of: folder, with: ""),
                        named: "problems-80x24")
    }
}
