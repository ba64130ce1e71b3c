import ConvModel
import Foundation
import LessonFormat
import Testing

/// `convlab sandbox` in a real (tmux) terminal: a typed weight changes the map on screen.
@Suite(.serialized) struct SandboxEndToEndTests {
    @Test(.enabled(if: tmuxAvailable)) func editingAWeightChangesTheMap() throws {
        // The reference: the standard sandbox (6x6 square, edge-vertical, ReLU) with the
        // top-left weight set to 2, computed by the model in this process.
        var input = Grid(height: 6, width: 6)
        for row in 1..<5 { for column in 2..<5 { input[row, column] = 9 } }
        var filter = FilterPreset.edgeVertical.filter()
        filter.weights[0, 0] = 2
        let trace = try Convolution.apply(ConvLayer(filters: [filter], activation: .relu),
                                          to: input)
        func mapRow(_ row: Int) -> String {
            trace.output.rows()[row].map { String(format: "%4d", Int($0)) }.joined()
        }

        let tmux = try TmuxSession(arguments: ["sandbox"], width: 80, height: 24)
        var screen = try tmux.waitFor("keys in: input")
        #expect(screen.contains("nn.Conv2d(in_channels=1, out_channels=1,"))
        #expect(!screen.contains(mapRow(1)))

        try tmux.send("Tab")
        _ = try tmux.waitFor("keys in: filter")
        try tmux.send("2")
        _ = try tmux.waitFor("weight (1,1): 2")
        try tmux.send("Enter")
        screen = try tmux.waitFor(mapRow(1))
        #expect(screen.contains(mapRow(2)))
        #expect(screen.contains("(2x0) + (0x0) + (1x0)"))

        // Save it as a lesson, then quit; the terminal is left as it was found.
        let path = tmux.path("saved.md")
        try tmux.send("w")
        _ = try tmux.waitFor("save as: sandbox.md")
        for _ in 0..<10 { try tmux.send("BSpace") }
        try tmux.send("-l", path)
        try tmux.send("Enter")
        _ = try tmux.waitFor("saved ")
        let lesson = try LessonLoader.load(path: path)
        #expect(try lesson.network().traces[0].output == trace.output)
        try tmux.send("q")
        #expect(try tmux.waitForExit() == 0)
        #expect(try tmux.sttyBefore() == tmux.sttyAfter())
    }
}
