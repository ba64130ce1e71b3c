import Foundation
import Testing
@testable import ConvlabApp

@Suite struct RenderCommandTests {
    let lesson = lessonsFolder + "/01-the-sliding-filter.md"
    let relu = lessonsFolder + "/07-relu.md"

    func render(_ arguments: [String]) -> CommandResult {
        Command.render.run(arguments, CommandContext())
    }

    @Test(arguments: [
        ("sliding-step1-80x24", ["--step", "1", "--size", "80x24"]),
        ("sliding-step5-80x24", ["--step", "5", "--size", "80x24"]),
        ("sliding-step24-80x24", ["--step", "24", "--size", "80x24"]),
        ("sliding-step5-100x30", ["--step", "5", "--size", "100x30"]),
        ("sliding-last-120x40", ["--step", "last", "--size", "120x40"]),
    ])
    func slidingFilterScreens(name: String, flags: [String]) {
        let result = render([lesson] + flags)
        #expect(result.status == 0, "\(result.errorOutput)")
        Snapshot.assert(result.output, named: name)
    }

    @Test(arguments: [
        ("relu-activation-80x24", ["--step", "437", "--size", "80x24"]),
        ("relu-last-100x30", ["--step", "last", "--size", "100x30"]),
    ])
    func reluScreens(name: String, flags: [String]) {
        let result = render([relu] + flags)
        #expect(result.status == 0, "\(result.errorOutput)")
        Snapshot.assert(result.output, named: name)
    }

    @Test(arguments: [("gradients-80x24", "80x24"), ("gradients-120x40", "120x40")])
    func gradientPanelFullScreen(name: String, size: String) {
        let result = render([lesson, "--gradients", "--size", size])
        #expect(result.status == 0, "\(result.errorOutput)")
        Snapshot.assert(result.output, named: name)
    }
}
