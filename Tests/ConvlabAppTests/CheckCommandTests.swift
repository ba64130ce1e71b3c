import Foundation
import Testing

@testable import ConvlabApp

@Suite struct CheckCommandTests {
    /// The project's Lessons folder, found from this file's place in the tree.
    private let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons").path

    /// A fresh folder under the system's temporary folder, removed by `defer`.
    private func temporaryFolder() throws -> String {
        let path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("convlab-check-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func check(_ arguments: [String]) -> CommandResult {
        Command.check.run(arguments, CommandContext())
    }

    @Test func bundledLessonsAreAllFine() {
        let result = check([lessons])
        #expect(result.status == ExitStatus.success, "\(result.errorOutput)")
        #expect(result.errorOutput == "")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(
            lines.starts(with: [
                lessons + "/01-the-sliding-filter.md: ok: \"The sliding filter\", 432 steps",
                lessons + "/02-the-activation-map.md: ok: "
                    + "\"The activation map\", 432 steps",
            ]))
        #expect(lines.allSatisfy { $0.contains(": ok: ") })
    }

    @Test func oneBundledLessonByItsPath() {
        let path = lessons + "/07-relu.md"
        let result = check([path])
        #expect(result.status == ExitStatus.success)
        #expect(result.output == path + ": ok: \"ReLU zeroes the negatives\", 468 steps\n")
    }

    @Test func badLessonGivesEveryProblemWithItsPlaceAndExit65() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bad.md"
        let text = [
            "# A lesson with mistakes",  // 1
            "",  // 2
            "```input",  // 3
            "1 2 3",  // 4
            "4 five 6",  // 5
            "```",  // 6
            "",  // 7
            "```layer",  // 8
            "stride: 1",  // 9
            "\tcolour: red",  // 10
            "```",  // 11
            "",  // 12
            "```filter edge",  // 13
            "1 0 -1 2",  // 14
            "1 0",  // 15
            "```",  // 16
            "",  // 17
            "## Later",  // 18
            "when: step many",  // 19
        ].joined(separator: "\r\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let result = check([path])
        #expect(result.status == ExitStatus.dataError)
        #expect(result.output == "")
        #expect(
            result.errorOutput == """
                \(path):5:3: 'five' is not a number
                \(path):10:2: unknown key 'colour' in layer; expected stride, padding, dilation, \
                activation, kernel
                \(path):15:1: ragged grid: this row has 2 values but the first row has 4
                \(path):19:7: 'step many' is not a moment; use one of: start, end, step N, \
                layer L, activation [L], cell ROW COL [filter F] [layer L]

                """)
    }

    @Test func missingDataFileExits65AndNamesTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/lost.md"
        try "# Lost\n\n```input\nfile: data/gone.txt\n```\n\n```filter\n1\n```\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = check([path])
        #expect(result.status == ExitStatus.dataError)
        #expect(
            result.errorOutput
                == "\(path):4:7: data file 'data/gone.txt' does not exist or cannot be read\n")
    }

    @Test func missingPathExits66AndStillChecksTheOthers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = folder + "/no-such-lesson.md"
        let good = lessons + "/01-the-sliding-filter.md"
        let result = check([missing, good])
        #expect(result.status == ExitStatus.noInput)
        #expect(result.errorOutput == "convlab: \(missing): no such file or folder\n")
        #expect(result.output == good + ": ok: \"The sliding filter\", 432 steps\n")
    }

    @Test func usageErrorsExit64() {
        let none = check([])
        #expect(none.status == ExitStatus.usage)
        #expect(none.errorOutput.contains("check needs at least one lesson file or folder"))
        let flag = check(["--strict", lessons])
        #expect(flag.status == ExitStatus.usage)
        #expect(flag.errorOutput.contains("'--strict'"))
    }

    @Test func helpDescribesTheExitStatuses() {
        #expect(Command.check.help.hasPrefix("Usage: convlab check PATH..."))
        #expect(Command.check.help.contains("FILE:LINE:COLUMN: message"))
        #expect(Command.check.help.contains("65"))
        #expect(Command.check.help.contains("66"))
    }
}
