import Foundation
import Testing

import LessonFormat

@testable import ConvlabApp

/// `convlab bench --frames` counts what it draws: one frame per fine step of every lesson it
/// can run, and none for files it cannot read. How fast it draws is not asserted here;
/// Benchmarks/run does that on a release build.
@Suite struct FrameBenchmarkTests {
    /// A folder with two small lessons, a broken one and a README, removed afterwards.
    private func withLessons(_ body: (String) throws -> Void) throws {
        let folder = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("convlab-frames-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = [
            // 3x3 input, one 2x2 filter, ReLU: a 2x2 map, each cell 4 products + place, bias
            // and write = 7 steps, then 4 activation steps: 4 x 7 + 4 = 32.
            "a-relu.md": "# A\n\n```input\n1 2 3\n4 5 6\n7 8 9\n```\n\n"
                + "```layer\nactivation: relu\n```\n\n```filter f\n1 0\n0 -1\n```\n",
            // 4x4 input, two 3x3 filters, no activation: two 2x2 maps, each cell 9 products
            // + 3 = 12 steps: 2 x 4 x 12 = 96.
            "b-two-filters.md": "# B\n\n```input\n1 2 3 4\n5 6 7 8\n9 10 11 12\n13 14 15 16\n"
                + "```\n\n```layer\nactivation: none\n```\n\n"
                + "```filter f\n1 0 0\n0 1 0\n0 0 1\n```\n\n```filter g\n0 0 1\n0 1 0\n1 0 0\n```\n",
            "c-broken.md": "# C\n\n```filter f\n1 oops\n```\n",
            "README.md": "# Not a lesson\n",
        ]
        for (name, text) in files {
            try text.write(toFile: (folder as NSString).appendingPathComponent(name),
                           atomically: true, encoding: .utf8)
        }
        try body(folder)
    }

    @Test func drawsOneFramePerFineStepOfEachLessonThatRuns() throws {
        try withLessons { folder in
            let subjects = FrameBenchmark.subjects(
                paths: LessonLoader.lessonPaths(in: folder), width: 120, height: 40)
            #expect(subjects.map(\.steps) == [32, 96])

            let drawn = FrameBenchmark.drawEveryStep(of: subjects)
            #expect(drawn.frames == 128)
            // Each frame is 40 lines of text, so at least 40 newlines each.
            #expect(drawn.characters >= 128 * 40)
        }
    }

    @Test func jsonReportsTheCountsOfOnePass() throws {
        try withLessons { folder in
            let result = Command.bench.run(
                ["--frames", "--lessons", folder, "--size", "90x30", "--repetitions", "2",
                 "--json"], CommandContext())
            #expect(result.status == ExitStatus.success, "\(result.errorOutput)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.output.utf8))
                    as? [String: Any])
            #expect(Set(object.keys) == ["lessons", "frames", "width", "height",
                                         "seconds_per_pass", "frames_per_second"])
            #expect(object["lessons"] as? Int == 2)
            #expect(object["frames"] as? Int == 128)
            #expect(object["width"] as? Int == 90)
            #expect(object["height"] as? Int == 30)
            let seconds = try #require(object["seconds_per_pass"] as? Double)
            let rate = try #require(object["frames_per_second"] as? Double)
            #expect(abs(rate * seconds / 128 - 1) < 1e-9, "\(rate) x \(seconds)")
        }
    }

    @Test func badFlagsAreUsageErrors() throws {
        let noLessons = Command.bench.run(["--frames", "--lessons", "/nonexistent-convlab"],
                                          CommandContext())
        #expect(noLessons.status == ExitStatus.usage)
        #expect(noLessons.errorOutput.contains("--lessons"))

        let badSize = Command.bench.run(["--frames", "--size", "120"], CommandContext())
        #expect(badSize.status == ExitStatus.usage)
        #expect(badSize.errorOutput.contains("--size"))

        let stray = Command.bench.run(["--lessons", "Lessons"], CommandContext())
        #expect(stray.status == ExitStatus.usage)
        #expect(stray.errorOutput.contains("--frames"))
    }
}
