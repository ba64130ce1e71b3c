import ConvModel
import Foundation
import LessonFormat
import Testing

/// The real binary in a real (tmux) terminal: numbers on screen checked against the model.
@Suite(.serialized) struct LessonPlayerTests {
    let slidingPath = lessonsFolder + "/01-the-sliding-filter.md"
    let reluPath = lessonsFolder + "/07-relu.md"

    /// The lesson's steps, computed by the model in this process, as the reference.
    func steps(_ path: String) throws -> StepSequence {
        let lesson = try LessonLoader.load(path: path)
        return StepSequence(network: try lesson.network(), granularity: .fine)
    }

    func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func dotProductsAndCellsMatchTheModel(width: Int, height: Int) throws {
        let reference = try steps(slidingPath)
        let tmux = try TmuxSession(arguments: [slidingPath], width: width, height: height)

        // Step 1: the window is placed and the first dot product is written out in full.
        let products = reference.products(layer: 0, filter: 0, outRow: 0, outColumn: 0)
        let first = "(" + text(products[0].weight) + "x" + text(products[0].value) + ")"
        var screen = try tmux.waitFor("step 1/\(reference.count)")
        #expect(screen.contains("out (1,1) = " + first))

        // Mid-sum: after four products the running sum is the model's partial sum.
        try tmux.send("Right", "l", "Space", "Right")
        let partial = products.prefix(4).reduce(0) { $0 + $1.result }
        screen = try tmux.waitFor("step 5/\(reference.count)")
        #expect(screen.contains("sum so far " + text(partial)))
        #expect(partial == reference.step(at: 4).runningSum)

        // The write step of the first cell shows its value in the map and in the sum line.
        try tmux.send("Right", "Right", "Right", "Right", "Right", "Right", "Right")
        screen = try tmux.waitFor("step 12/\(reference.count)")
        let cell = reference.network.traces[0].preactivation[0, 0, 0]
        #expect(screen.contains("= " + text(cell) + "  written"))
        let mapLine = try #require(screen.split(separator: "\n").first { $0.contains(">") &&
            $0.contains("  -1") })
        #expect(mapLine.hasSuffix(text(cell)) || mapLine.contains(" " + text(cell) + " "))

        try tmux.send("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func reluZeroesANegativeCellOnScreen() throws {
        let reference = try steps(reluPath)
        let trace = reference.network.traces[0]
        let start = try #require(reference.firstActivationStep(layer: 0))
        // The first negative cell in reading order.
        let cells = trace.geometry.outputHeight * trace.geometry.outputWidth
        let negative = try #require((0..<cells).first { trace.preactivation.values[$0] < 0 })
        let raw = trace.preactivation.values[negative]

        let tmux = try TmuxSession(arguments: ["--no-quiz", reluPath], width: 80, height: 24)
        _ = try tmux.waitFor("step 1/\(reference.count)")
        try tmux.send("G")
        _ = try tmux.waitFor("step \(reference.count)/\(reference.count)")
        // Walk back from the end to the step that activates that cell.
        let target = start + negative
        try tmux.send("g")
        _ = try tmux.waitFor("step 1/")
        for _ in 0..<target { try tmux.send("Right") }
        let screen = try tmux.waitFor("step \(target + 1)/\(reference.count)")
        #expect(screen.contains("relu(" + text(raw) + ") = 0"))
        #expect(screen.contains("negative: set to 0"))
        // The cell shows ×0 at once, the current mark before it; one step later it keeps the
        // × that marks a zeroed cell.
        let row = negative / trace.geometry.outputWidth
        let mapRow = screen.split(separator: "\n", omittingEmptySubsequences: false)[3 + row]
        #expect(mapRow.contains("> ×0"))
        try tmux.send("Right")
        let after = try tmux.waitFor("step \(target + 2)/\(reference.count)")
        #expect(after.split(separator: "\n", omittingEmptySubsequences: false)[3 + row].contains(" ×0"))
        try tmux.send("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func resizeShowsTheSizeMessageAndComesBack() throws {
        let tmux = try TmuxSession(arguments: [slidingPath], width: 80, height: 24)
        _ = try tmux.waitFor("step 1/")
        try tmux.send("p")
        try tmux.resize(width: 40, height: 12)
        let small = try tmux.waitFor("40x12")
        #expect(small.contains("80x24"))
        try tmux.resize(width: 80, height: 24)
        let back = try tmux.waitFor("filter vertical-edge")
        #expect(back.contains("convlab"))
        #expect(!back.contains("40x12"))
        try tmux.send("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func quitRestoresTheTerminal() throws {
        let tmux = try TmuxSession(arguments: [], width: 80, height: 24)
        _ = try tmux.waitFor("The sliding filter")
        try tmux.send("Enter")
        _ = try tmux.waitFor("step 1/")
        try tmux.send("q")
        #expect(try tmux.waitForExit() == 0)
        let before = try tmux.sttyBefore()
        let after = try tmux.sttyAfter()
        #expect(after == before)
        #expect(after.contains(" icanon") && after.contains(" echo"))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let tmux = try TmuxSession(arguments: [slidingPath], width: 80, height: 24)
        _ = try tmux.waitFor("step 1/")
        try tmux.send("p")
        let pid = try tmux.convlabPID()
        #expect(pid > 0)
        kill(pid, SIGTERM)
        #expect(try tmux.waitForExit() == 128 + SIGTERM)
        #expect(try tmux.sttyAfter() == tmux.sttyBefore())
    }
}
