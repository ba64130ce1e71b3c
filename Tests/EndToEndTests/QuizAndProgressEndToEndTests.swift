import ConvModel
import Foundation
import LessonFormat
import Testing

/// Predictions, saved progress and the mouse, in the real binary.
@Suite(.serialized) struct QuizAndProgressEndToEndTests {
    let slidingPath = lessonsFolder + "/01-the-sliding-filter.md"

    func reference() throws -> (Lesson, StepSequence) {
        let lesson = try LessonLoader.load(path: slidingPath)
        return (lesson, StepSequence(network: try lesson.network(), granularity: .fine))
    }

    @Test func aPredictionIsMarkedAndRememberedNextTime() throws {
        let (lesson, steps) = try reference()
        // The lesson's one question, and the answer the model gives.
        let scene = try #require(lesson.scenes.firstIndex { $0.question != nil })
        guard case .cell(let row, let column, let filter, let layer) =
                lesson.scenes[scene].question!
        else { Issue.record("expected a cell question"); return }
        let answer = steps.network.traces[layer - 1]
            .preactivation[row - 1, column - 1, filter - 1]
        let askedAt = try #require(lesson.scenes[scene].trigger.stepIndex(in: steps))

        let state = FileManager.default.temporaryDirectory
            .appendingPathComponent("convlab-e2e-state-\(UUID().uuidString)").path
        let first = try TmuxSession(arguments: [slidingPath], width: 80, height: 24,
                                    environment: ["XDG_STATE_HOME": state])
        try first.waitFor("step 1/\(steps.count)")
        // G stops at the question, with the cell hidden.
        try first.send("G")
        var screen = try first.waitFor("step \(askedAt + 1)/\(steps.count)")
        #expect(screen.contains("Predict:"))
        #expect(screen.contains("= ?"))
        try first.send(String(Int(answer)), "Enter")
        screen = try first.waitFor("Right.")
        #expect(screen.contains("quiz 1/1"))
        try first.send("q")
        #expect(try first.waitForExit() == 0)

        // The progress file holds the answer and the place, and the next run shows both.
        let saved = try String(contentsOfFile: state + "/convlab/progress.json", encoding: .utf8)
        #expect(saved.contains("\"right\""))
        #expect(saved.contains("\"lastStep\" : \(askedAt)"))
        let second = try TmuxSession(arguments: [], width: 80, height: 24,
                                     environment: ["XDG_STATE_HOME": state])
        screen = try second.waitFor("lessons")
        let row1 = try #require(screen.split(separator: "\n").first { $0.contains("1. The sliding") })
        #expect(row1.contains("quiz   1/1"))
        #expect(row1.contains("\(askedAt * 100 / (steps.count - 1))%"))
        try second.send("Enter")
        screen = try second.waitFor("Resumed at step \(askedAt + 1)")
        #expect(screen.contains("step \(askedAt + 1)/\(steps.count)"))
        #expect(!screen.contains("Predict:"))
        try second.send("q")
        #expect(try second.waitForExit() == 0)
    }

    @Test func aSignalDuringAutoplaySavesTheStepItStoppedOn() throws {
        let state = FileManager.default.temporaryDirectory
            .appendingPathComponent("convlab-e2e-signal-\(UUID().uuidString)").path
        let tmux = try TmuxSession(arguments: ["--no-quiz", "--speed", "60", slidingPath],
                                   width: 80, height: 24, environment: ["XDG_STATE_HOME": state])
        try tmux.waitFor("step 1/")
        let pid = try tmux.convlabPID()
        try tmux.send("p")
        // Autoplay saves at most once a second; the signal must not lose what came after.
        // The screen changes 60 times a second, so poll it rather than wait for it to settle.
        func shownStep(_ screen: String) -> Int {
            guard let range = screen.range(of: #"step \d+/"#, options: .regularExpression)
            else { return 0 }
            return Int(screen[range].dropFirst(5).dropLast()) ?? 0
        }
        var playing = try tmux.capture()
        let deadline = Date().addingTimeInterval(15)
        while shownStep(playing) <= 40 && Date() < deadline {
            usleep(20_000)
            playing = try tmux.capture()
        }
        #expect(playing.contains("60/s"))
        #expect(shownStep(playing) > 40 && shownStep(playing) < 400)
        kill(pid, SIGTERM)
        #expect(try tmux.waitForExit() == 128 + SIGTERM)
        #expect(try tmux.sttyAfter() == tmux.sttyBefore())
        let saved = try String(contentsOfFile: state + "/convlab/progress.json", encoding: .utf8)
        let log = try String(contentsOfFile: tmux.path("log"), encoding: .utf8)
        #expect(log.contains("signal 15: progress saved, quitting"))
        let lastStep = saved.split(separator: "\n").first { $0.contains("lastStep") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
        #expect((lastStep ?? 0) >= 40)
    }

    @Test func aClosedTerminalEndsItEvenWithHangUpIgnored() throws {
        let tmux = try TmuxSession(arguments: ["--no-quiz", slidingPath], width: 80, height: 24,
                                   ignoringHangUp: true)
        try tmux.waitFor("step 1/")
        let pid = try tmux.convlabPID()
        try tmux.closeTerminal()
        // Under nohup no SIGHUP comes; the failed reads must end it, not spin forever.
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(50_000) }
        #expect(kill(pid, 0) == -1)
        let log = try String(contentsOfFile: tmux.path("log"), encoding: .utf8)
        #expect(log.contains("the terminal went away: progress saved, quitting"))
    }

    @Test func resetProgressWorksWithoutATerminal() throws {
        let state = FileManager.default.temporaryDirectory
            .appendingPathComponent("convlab-reset-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: state + "/convlab",
                                                withIntermediateDirectories: true)
        let file = state + "/convlab/progress.json"
        try "{}".write(toFile: file, atomically: true, encoding: .utf8)
        let output = state + "/out"
        let binary = try TmuxSession.findBinary()
        let status = try TmuxSession.spawnAndWait(
            ["env", "XDG_STATE_HOME=" + state, binary, "--reset-progress"], output: output)
        #expect(status == 0)
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(try String(contentsOfFile: output, encoding: .utf8)
                == "progress cleared: \(file) removed\n")
    }

    @Test func clickingAMapCellJumpsToTheStepThatWritesIt() throws {
        let (_, steps) = try reference()
        let tmux = try TmuxSession(arguments: ["--no-quiz", slidingPath], width: 80, height: 24)
        let screen = try tmux.waitFor("step 1/\(steps.count)")
        // The map's second row is two lines below its title and still all unwritten dots;
        // its third dot is the screen column of cell (2,3).
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let mapRow = try #require(lines.firstIndex { $0.contains("map 6x6") }) + 2
        let dots = Array(lines[mapRow]).enumerated().filter { $0.element == "·" }.map(\.offset)
        #expect(dots.count == 6)
        let x = dots[2] + 1, y = mapRow + 1
        // An X10 mouse report, as tmux-256color's kmous describes: button 1 pressed, released.
        func encoded(_ value: Int) -> String { String(UnicodeScalar(UInt8(32 + value))) }
        try tmux.sendBytes("\u{1B}[M" + encoded(0) + encoded(x) + encoded(y))
        try tmux.sendBytes("\u{1B}[M" + encoded(3) + encoded(x) + encoded(y))
        let write = steps.writeStep(layer: 0, filter: 0, outRow: 1, outColumn: 2)
        let after = try tmux.waitFor("step \(write + 1)/\(steps.count)")
        #expect(after.contains("out (2,3) = "))
        #expect(after.contains("written"))
        try tmux.send("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
