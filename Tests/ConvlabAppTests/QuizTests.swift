import ConvModel
import Foundation
import LessonFormat
import ScreenModel
import Testing
@testable import ConvlabApp

/// A three-question lesson, worked by hand:
///
///     input      filter (bias -1)   map before ReLU   after ReLU
///     1 2 0      1 0                 1  4              1 4
///     0 1 3      0 1                -1  1              0 1
///     2 0 1
///
/// Fine steps: 4 cells x (place + 4 products + bias + write) = 28, then 4 activation steps.
let quizLessonText = """
    # Quiz fixture
    ask: size

    How big is the map?

    ```input
    1 2 0
    0 1 3
    2 0 1
    ```

    ```layer
    activation: relu
    ```

    ```filter diagonal
    bias: -1
    1 0
    0 1
    ```

    ## The second cell
    when: cell 1 2
    ask: cell 1 2

    Work it out before the filter does.

    ## ReLU
    when: activation
    ask: activation 2 1

    Does ReLU keep it?
    """

/// Writes `text` as a lesson in a fresh folder and returns its path.
func writeLesson(_ text: String, name: String = "01-quiz.md") throws -> String {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("convlab-quiz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// Parses inline lesson text that reads no data files.
func parseLesson(_ text: String, path: String) throws(LessonProblems) -> Lesson {
    try LessonParser(path: path) { _ in nil }.parse(text)
}

@Suite struct QuizTests {
    func quizState(quizzes: Bool = true) throws -> AppState {
        let path = try writeLesson(quizLessonText)
        var state = AppState(lessons: InteractiveOptions.load([path]), width: 80, height: 24)
        state.quizzes = quizzes
        return opening(0, in: state)
    }

    func press(_ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { update($0, .key($1)) }
    }

    func type(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { update($0, .key(.character($1))) }
    }

    @Test func questionsAreReadWithTheirScenes() throws {
        let lesson = try parseLesson(quizLessonText, path: "quiz.md")
        #expect(lesson.scenes.map(\.question) == [
            .size(layer: 1), .cell(row: 1, column: 2, filter: 1, layer: 1),
            .activation(row: 2, column: 1, filter: 1, layer: 1),
        ])
        let network = try lesson.network()
        #expect(Question.size(layer: 1).answer(in: network) == .size(height: 2, width: 2))
        #expect(Question.cell(row: 1, column: 2, filter: 1, layer: 1).answer(in: network)
                == .number(4))
        #expect(Question.cell(row: 2, column: 1, filter: 1, layer: 1).answer(in: network)
                == .number(-1))
        #expect(Question.activation(row: 2, column: 1, filter: 1, layer: 1).answer(in: network)
                == .number(0))
    }

    @Test(arguments: [
        ("ask: banana", "13:6: 'banana' is not a question"),
        ("ask: cell 3 1", "13:6: this lesson has no such cell or layer to ask about"),
        ("ask: cell 1 1 layer 2", "13:6: this lesson has no such cell or layer to ask about"),
        ("ask: cell 1 1", "13:6: the answer is on screen from step 7, before this scene begins at step 8"),
    ])
    func badQuestionsAreReportedWhereTheyAre(line: String, message: String) throws {
        let text = """
            # Bad
            ```input
            1 2 0
            0 1 3
            2 0 1
            ```
            ```filter
            1 0
            0 1
            ```
            ## Late
            when: cell 1 2
            \(line)
            """
        do {
            _ = try parseLesson(text, path: "bad.md")
            Issue.record("expected a problem for \(line)")
        } catch {
            #expect(error.problems.map(\.description).contains { $0.hasPrefix("bad.md:" + message) },
                    "\(error.problems.map(\.description))")
        }
    }

    @Test func activationQuestionsNeedAnActivation() throws {
        let text = quizLessonText.replacingOccurrences(of: "activation: relu",
                                                       with: "activation: none")
            .replacingOccurrences(of: "when: activation\n", with: "when: end\n")
        do {
            _ = try parseLesson(text, path: "q.md")
            Issue.record("expected a problem")
        } catch {
            #expect(error.problems.map(\.description)
                    == ["q.md:30:6: layer 1 has no activation; ask 'cell ...' instead"])
        }
    }

    @Test(arguments: [
        ("4", Verdict?.some(.right)), (" 4 ", .right), ("4.004", .right), ("4.02", .wrong),
        ("3", .wrong), ("8/2", .right), ("abc", nil), ("", nil), ("--", nil), ("1e999", nil),
    ])
    func numbersAreMarkedWithinRounding(typed: String, verdict: Verdict?) {
        let marked = QuizMarking.mark(typed, answer: .number(4))
        #expect((try? marked.get()) == verdict)
        if verdict == nil {
            #expect(marked == .failure(.init(message: "'\(typed.trimmingCharacters(in: .whitespaces))' "
                                              + "is not a number; type one such as 4, -2.5 or 1/3")))
        }
    }

    @Test(arguments: [
        ("2x2", Verdict?.some(.right)), ("2 x 2", .right), ("2", .right), ("2,2", .right),
        ("2 2", .right), ("3x2", .wrong), ("3", .wrong), ("2x", nil), ("x", nil), ("2x2x2", nil),
        ("two", nil),
    ])
    func sizesAreMarked(typed: String, verdict: Verdict?) {
        #expect((try? QuizMarking.mark(typed, answer: .size(height: 2, width: 2)).get()) == verdict)
    }

    @Test func anUnreadableAnswerKeepsTheQuestionOpen() throws {
        var state = type(try quizState(), "2x")
        state = press(state, .enter)
        #expect(state.session?.prompt?.isOpen == true)
        #expect(state.session?.answers.isEmpty == true)
        #expect(view(state).plainText().contains("type the size as height x width, such as 6x6"))
        state = press(state, .control("u"))
        #expect(state.session?.prompt?.typed == "")
        state = press(type(state, "2x2"), .enter)
        #expect(state.session?.prompt?.verdict == .right)
    }

    @Test func aQuestionSharingItsStepWithALaterSceneIsStillAsked() throws {
        // Coarse steps: the cell question and the closing scene begin on the same step.
        let text = quizLessonText.replacingOccurrences(of: "when: activation\nask: activation 2 1\n",
                                                       with: "when: end\n")
            .replacingOccurrences(of: "ask: size\n", with: "")
            .replacingOccurrences(of: "activation: relu", with: "activation: none")
            .replacingOccurrences(of: "when: cell 1 2\nask: cell 1 2", with: "when: cell 2 2\nask: cell 2 2")
        let path = try writeLesson(text)
        var state = AppState(lessons: InteractiveOptions.load([path]), width: 80, height: 24)
        state = opening(0, in: state)
        state = press(state, .character("f"), .character("G"))
        #expect(state.session?.prompt?.isOpen == true)
        #expect(view(state).plainText().contains("Predict:"))
        state = press(type(state, "1"), .enter)
        #expect(state.session?.prompt?.verdict == .right)
        #expect(view(state).plainText().contains("Right."))
    }

    @Test func aQuestionStopsTheStudentUntilAnswered() throws {
        var state = try quizState()
        // The opening scene asks the size at once, and the map's size is hidden.
        #expect(state.session?.prompt?.question == .size(layer: 1))
        #expect(view(state).plainText().contains("map ?x?"))
        state = press(state, .right)
        #expect(state.session?.stepIndex == 0)
        #expect(state.status?.contains("Enter") == true)
        state = type(state, "2x2")
        state = press(state, .enter)
        #expect(state.session?.prompt?.verdict == .right)
        #expect(view(state).plainText().contains("Right."))
        #expect(view(state).plainText().contains("map 2x2"))

        // Jumping to the end stops where the next question's scene begins: cell (1,2) placed.
        state = press(state, .character("G"))
        #expect(state.session?.stepIndex == 7)
        let asking = view(state).plainText()
        #expect(asking.contains("Predict: what value does the filter write into cell"))
        #expect(asking.contains("= ?"))
        state = type(state, "5")
        state = press(state, .enter)
        #expect(state.session?.prompt?.verdict == .wrong)
        let revealed = view(state).plainText()
        #expect(revealed.contains("Not quite: you said 5."))
        #expect(revealed.replacingOccurrences(of: "\n", with: " ")
                .contains("(1x2) + (0x0) + (0x1) + (1x3) + b -1 = 4"))

        // On to the activation pass, where the question is skipped with Esc. Until then the
        // asked cell, (2,1), shows "?" in the map.
        state = press(state, .character("G"))
        #expect(state.session?.stepIndex == 28)
        #expect(view(state).plainText().contains(" ?    1\n"))
        state = press(state, .escape)
        #expect(state.session?.prompt?.verdict == .skipped)
        #expect(view(state).plainText().contains("relu(-1) = 0 for cell (2,1) of map 1, layer 1"))
        state = press(state, .right, .right)
        #expect(view(state).plainText().contains("relu(-1) = 0   negative: set to 0"))
        state = press(state, .character("G"))
        #expect(state.session?.stepIndex == 31)
        #expect(state.session?.score.right == 1)
        #expect(state.session?.score.asked == 3)
        #expect(view(state).plainText().contains("quiz 1/3"))

        // Everything is in the progress record, keyed by the lesson's path.
        let record = try #require(state.progress.lessons.values.first)
        #expect(record.completed)
        #expect(record.lastStep == 31)
        #expect(record.answers == ["0": .right, "1": .wrong, "2": .skipped])
    }

    @Test func steppingBackLeavesAnOpenQuestionForLater() throws {
        var state = press(type(try quizState(), "2"), .enter)
        state = press(state, .character("G"))
        #expect(state.session?.stepIndex == 7)
        state = type(state, "1")
        state = press(state, .left)
        #expect(state.session?.stepIndex == 6)
        #expect(state.session?.prompt == nil)
        state = press(state, .right)
        #expect(state.session?.stepIndex == 7)
        #expect(state.session?.prompt?.isOpen == true)
        #expect(state.session?.prompt?.typed == "")
    }

    @Test func noQuizMeansNoStops() throws {
        var state = try quizState(quizzes: false)
        #expect(state.session?.prompt == nil)
        state = press(state, .character("G"))
        #expect(state.session?.stepIndex == 31)
    }

    @Test func autoplayHaltsAtAQuestion() throws {
        var state = press(type(try quizState(), "2"), .enter, .character("p"))
        #expect(state.playing)
        for _ in 0..<20 { state = update(state, .tick) }
        #expect(state.session?.stepIndex == 7)
        #expect(!state.playing)
    }

    @Test func aReopenedLessonResumesWithItsAnswers() throws {
        var state = press(type(try quizState(), "2"), .enter)
        state = press(state, .right, .right, .right)
        #expect(state.session?.stepIndex == 3)
        let progress = state.progress
        let path = try #require(state.session?.lesson.path)

        var fresh = AppState(lessons: InteractiveOptions.load([path]), width: 80, height: 24)
        fresh.progress = progress
        fresh = opening(0, in: fresh)
        #expect(fresh.session?.stepIndex == 3)
        #expect(fresh.session?.prompt == nil)
        #expect(fresh.session?.answers == [0: .right])
        #expect(fresh.status == "Resumed at step 4 of 32; g goes back to the start.")
    }

    @Test func theLessonListShowsLengthProgressAndScore() throws {
        var state = press(type(try quizState(), "2"), .enter)
        state = press(state, .right, .right, .right, .character("L"))
        let listed = view(state).plainText()
        #expect(listed.contains("1. Quiz fixture"))
        // Step 4 of 32 reached: furthest index 3 of 31 is 9%.
        #expect(listed.contains("32 steps     9%   quiz   1/3"), "\(listed)")
    }

    @Test func fineOrCoarseCannotSlipPastAnOpenQuestion() throws {
        var state = press(type(try quizState(), "2"), .enter, .character("G"))
        #expect(state.session?.stepIndex == 7)
        state = press(state, .character("f"))
        #expect(state.session?.granularity == .fine)
        #expect(state.session?.prompt?.isOpen == true)
        #expect(state.status?.contains("Esc") == true)
    }

    @Test func twoQuestionsOnOneStepAreBothAsked() throws {
        // Both scenes begin when cell (1,2) is placed.
        let text = quizLessonText.replacingOccurrences(
            of: "## ReLU\nwhen: activation\n", with: "## Also\nwhen: cell 1 2\n")
        let path = try writeLesson(text)
        var state = AppState(lessons: InteractiveOptions.load([path]), width: 80, height: 24)
        state = press(type(opening(0, in: state), "2"), .enter, .character("G"))
        #expect(state.session?.stepIndex == 7)
        let first = try #require(state.session?.prompt?.sceneIndex)
        state = press(type(state, "4"), .enter)
        #expect(state.session?.prompt?.verdict == .right)
        // The next move forward asks the other one, on the same step.
        state = press(state, .right)
        #expect(state.session?.stepIndex == 7)
        #expect(state.session?.prompt?.isOpen == true)
        #expect(state.session?.prompt?.sceneIndex != first)
        state = press(state, .escape, .character("G"))
        #expect(state.session?.stepIndex == 31)
        #expect(state.session?.score.asked == 3)
    }

    @Test func aSecondAskInOneSceneIsAProblem() throws {
        let text = quizLessonText.replacingOccurrences(
            of: "ask: cell 1 2\n", with: "ask: cell 1 2\nask: cell 2 2\n")
        do {
            _ = try parseLesson(text, path: "q.md")
            Issue.record("expected a problem")
        } catch {
            #expect(error.problems.map(\.description)
                    == ["q.md:25:1: a scene asks one question; put this one in a scene of its own"])
        }
    }

    @Test func escapeFromTheListGoesBackToTheOpenLessonsRow() throws {
        let first = try writeLesson(quizLessonText)
        let folder = (first as NSString).deletingLastPathComponent
        try quizLessonText.replacingOccurrences(of: "# Quiz fixture", with: "# Second")
            .write(toFile: folder + "/02-second.md", atomically: true, encoding: .utf8)
        var state = AppState(lessons: InteractiveOptions.load(
            LessonLoader.lessonPaths(in: folder)), width: 80, height: 24)
        state.quizzes = false
        state = press(opening(0, in: state), .character("L"), .down, .escape)
        #expect(state.mode == .lesson)
        #expect(state.selection == 0)
        #expect(view(state).plainText().contains("1/2 Quiz fixture"))
        state = press(state, .character("n"))
        #expect(state.session?.lesson.title == "Second")
    }

    @Test func autoplayWaitsWhileTheScreenIsTooSmall() throws {
        var state = press(type(try quizState(quizzes: false), ""), .character("p"))
        state = update(state, .resize(width: 40, height: 12))
        #expect(state.tickInterval == nil)
        state = update(state, .tick)
        #expect(state.session?.stepIndex == 0)
        state = update(state, .resize(width: 80, height: 24))
        state = update(state, .tick)
        #expect(state.session?.stepIndex == 1)
    }
}
