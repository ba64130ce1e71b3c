import ConvModel
import Foundation
import Testing

@testable import LessonFormat

/// The complete example in Lessons/README.md must stay a working lesson.
@Suite struct LessonReadmeTests {
    /// The text of the example: between the line opening it (````markdown followed by its
    /// title) and the next line of four backticks.
    func example() throws -> String {
        let readme = try String(contentsOfFile: bundledLessons + "/README.md", encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        let heading = try #require(lines.firstIndex(of: "## A complete example"))
        let start = try #require(lines[heading...].firstIndex(of: "````markdown")) + 1
        let end = try #require(lines[start...].firstIndex(of: "````"))
        return lines[start..<end].joined(separator: "\n") + "\n"
    }

    @Test func theCompleteExampleIsAWorkingLesson() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("example.md", try example())
        let lesson = try LessonLoader.load(path: path)
        #expect(lesson.title == "Two edges of a stripe")
        #expect(
            lesson.layers.map { $0.filters.map(\.name) }
                == [["rising", "falling"], ["blend"]])
        #expect(lesson.layers[0].activation == .relu)
        #expect(rows(lesson.layers[1].filters[0].weights, channel: 1) == [[0.5]])

        // Layer 1: 2 maps x 3x6 cells x (9 + 3) steps, then 36 ReLU steps = 468.
        // Layer 2: 18 cells x (2 + 3) steps = 90.
        let fine = StepSequence(network: try lesson.network(), granularity: .fine)
        #expect(fine.count == 558)
        #expect(
            lesson.scenes.map(\.title) == [
                "Two edges of a stripe", "One product at a time", "The second filter", "ReLU",
                "Blending the maps", "Done",
            ])
        #expect(
            lesson.scenes.map { $0.trigger.stepIndex(in: fine) }
                == [0, 1, 216, 432, 468, 557])

        // What the last scene promises: both edges, and 0 on the flat ground.
        let output = try lesson.network().output
        #expect(rows(output) == Array(repeating: [0, 13.5, 13.5, 13.5, 13.5, 0], count: 3))
    }

    @Test func theExampleShowsCodeSamplesLineByLine() throws {
        let lesson = try parser().parse(try example())
        #expect(
            lesson.scenes[1].text.hasSuffix(
                "\n    sum = w1*x1 + w2*x2 + ... + w9*x9 + bias"))
        #expect(lesson.scenes[4].text.hasSuffix("\n    blend = 0.5 * rising + 0.5 * falling"))
    }
}
