import ConvModel
import Foundation
import LessonFormat
import ScreenModel
import Testing
@testable import ConvlabApp

/// Saving with `w`, opening a sandbox from a lesson with `e`, and the command line.
@Suite struct SandboxSaveTests {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("convlab-sandbox-\(UUID().uuidString)").path

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// The app with `sandbox` in front.
    func app(_ sandbox: SandboxState) -> AppState {
        openingSandbox(sandbox, in: AppState(lessons: [], width: 80, height: 24))
    }

    /// Presses `w`, replaces the suggested name with `name`, and presses Enter.
    func save(_ state: AppState, as name: String) -> AppState {
        var next = update(state, .key(.character("w")))
        for _ in 0..<20 { next = update(next, .key(.backspace)) }
        for character in name { next = update(next, .key(.character(character))) }
        next = update(next, .key(.enter))
        return performSandboxEffects(next, workingDirectory: folder)
    }

    @Test func aSavedSandboxIsALessonThatChecksAndRunsTheSame() throws {
        // A blur weight typed as a fraction, a bias, stride 2 and pooling on.
        var sandbox = press(SandboxState.standard(), .tab)
        sandbox = press(type(sandbox, "1/3"), .enter)
        sandbox = press(sandbox, .down, .down, .down)
        sandbox = press(type(sandbox, "-0.5"), .enter, .character("o"), .character("z"))
        let state = save(app(sandbox), as: "mine.md")
        #expect(state.sandbox?.message == "saved mine.md; convlab check and convlab open it")
        #expect(state.sandbox?.prompt == nil)

        let path = folder + "/mine.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("1/3 0 1\n"))
        #expect(text.contains("bias: -0.5\n"))
        #expect(text.contains("padding: same\n"))
        #expect(text.contains("max pooling with a 2x2 window"))
        let check = Command.check.run([path], CommandContext())
        #expect(check.status == 0, "\(check.errorOutput)")
        let lesson = try LessonLoader.load(path: path)
        #expect(try lesson.network() == sandbox.network)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["mine.md"])
    }

    @Test func anExistingFileIsOverwrittenOnlyAfterYes() throws {
        let path = folder + "/kept.md"
        try "old".write(toFile: path, atomically: true, encoding: .utf8)
        var state = save(app(SandboxState.standard()), as: "kept.md")
        #expect(state.sandbox?.prompt?.confirmingOverwrite == true)
        let asking = view(state).plainText()
        #expect(asking.contains(
            "kept.md exists: press y to overwrite it, any other key to keep it"))
        state = performSandboxEffects(update(state, .key(.character("n"))),
                                      workingDirectory: folder)
        #expect(state.sandbox?.message == "not saved")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")

        // A long path is shortened in the middle so the question shows whole at 80 columns.
        let long = "a-folder-with-a-long-name/kept.md"
        try FileManager.default.createDirectory(atPath: folder + "/a-folder-with-a-long-name",
                                                withIntermediateDirectories: true)
        try "old".write(toFile: folder + "/" + long, atomically: true, encoding: .utf8)
        let longAsking = view(save(state, as: long))
        #expect(longAsking.row(22) == " a-folder-…me/kept.md exists: press y to overwrite it, "
                    + "any other key to keep it ")

        state = save(state, as: "kept.md")
        state = performSandboxEffects(update(state, .key(.character("y"))),
                                      workingDirectory: folder)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# Sandbox\n"))
    }

    @Test func aFolderThatDoesNotExistIsReportedWithThePromptKept() throws {
        let state = save(app(SandboxState.standard()), as: "no/such/folder/x.md")
        #expect(state.sandbox?.message
                    == "could not save no/such/folder/x.md: No such file or directory")
        // The path stays in the prompt to be corrected.
        #expect(state.sandbox?.prompt == SandboxState.SavePrompt(text: "no/such/folder/x.md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    @Test func aLongBadPathIsShortenedSoTheReasonShowsAt80Columns() {
        let long = "a-folder-with-a-rather-long-name/and-another-one-inside-it/lesson.md"
        let state = save(app(SandboxState.standard()), as: long)
        // 32 characters at most: the first 15, "...", the last 14; then the reason whole.
        let message = "could not save a-folder-with-a...e-it/lesson.md: No such file or directory"
        #expect(state.sandbox?.message == message)
        let screen = view(state)
        #expect(screen.row(21).hasPrefix(" " + message + " "))
        // The prompt keeps the end of the path, where the typing happens.
        #expect(screen.row(22).hasPrefix(
            " save as: …name/and-another-one-inside-it/lesson.md▏   Enter saves, Esc cancels"))
        Snapshot.assert(screen.plainText(), named: "sandbox-save-failed-80x24")
    }

    @Test func numbersAreWrittenSoTheyReadBackExactly() throws {
        #expect(SandboxLessonText.number(3) == "3")
        #expect(SandboxLessonText.number(-0.25) == "-0.25")
        #expect(SandboxLessonText.number(1.0 / 9) == "1/9")
        #expect(SandboxLessonText.number(-2.0 / 3) == "-2/3")
        #expect(SandboxLessonText.number(0.1) == "0.1")
        #expect(SandboxLessonText.number(0.123456) == "0.123456")
        for value in [1.0 / 9, 0.1, 0.123456, -2.5e-7, 1e20] {
            let text = SandboxLessonText.number(value)
            #expect(try NumberText.parse(Substring(text)).get() == value, "\(text)")
        }
    }

    @Test func eInALessonOpensACopyAndEscGoesBack() throws {
        let path = lessonsFolder + "/01-the-sliding-filter.md"
        let lesson = try LessonLoader.load(path: path)
        var state = AppState(lessons: [LessonEntry(path: path, content: .success(lesson))],
                             width: 80, height: 24)
        state = opening(0, in: state)
        state.quizzes = false
        state = update(state, .key(.character("e")))
        #expect(state.mode == .sandbox)
        #expect(state.sandbox?.input == lesson.input)
        #expect(state.sandbox?.layers == lesson.layers)
        #expect(view(state).row(0).contains("sandbox: " + lesson.title))
        // Editing the copy leaves the lesson alone.
        state = update(state, .key(.character("7")))
        state = update(state, .key(.enter))
        #expect(state.sandbox?.input[0, 0] == 7)
        state = update(state, .key(.escape))
        #expect(state.mode == .lesson)
        #expect(state.session?.lesson.input == lesson.input)
    }

    @Test func theCommandLineTakesComputesFlags() {
        let context = CommandContext()
        guard case .ready(let sandbox) = SandboxOptions.state(
            from: ["--input", "3 1 4; 1 5 9; 2 6 5", "--filter", "laplacian", "--bias", "1"],
            context: context)
        else {
            Issue.record("flags refused")
            return
        }
        // NumPy: np.sum(x * laplacian) = -3, plus the bias.
        #expect(sandbox.network.output.rows() == [[-2]])
        #expect(sandbox.currentFilter.name == "laplacian")
        guard case .ready(let edge) = SandboxOptions.state(from: ["--stride", "2"],
                                                         context: context)
        else {
            Issue.record("flags refused")
            return
        }
        #expect(edge.currentFilter.name == "edge-vertical")
        #expect(edge.network.output.rows() == [[18, 0], [27, 0]])

        let noTerminal = Command.sandbox.run(["--filter", "sharpen"], context)
        #expect(noTerminal.status == ExitStatus.needsTerminal)
        #expect(Command.sandbox.run(["--stride", "0"], context).status == ExitStatus.usage)
        #expect(Command.sandbox.run(["--input", "/no/such/file.png"], context).status
                    == ExitStatus.noInput)
        let unknown = Command.sandbox.run(["--filter", "sobelx"], context)
        #expect(unknown.status == ExitStatus.usage)
        #expect(unknown.errorOutput.contains("nor a preset (identity, edge-vertical,"))
    }

    @Test func computeTakesAPresetByName() {
        let result = Command.compute.run(
            ["--input", "3 1 4; 1 5 9; 2 6 5 | 3 1 4; 1 5 9; 2 6 5", "--filter", "laplacian"],
            CommandContext())
        // Two equal channels, each with the pattern halved: the one-channel answer, -3.
        #expect(result.output.hasSuffix("laplacian (bias 0):\n  -3\n"), "\(result.output)")
    }
}
