import ConvModel
import Foundation
import Testing

@testable import LessonFormat

/// Lessons read from disk: the two bundled ones, and small ones written to a fresh folder.
@Suite struct LessonLoaderTests {
    /// The handwritten 3 both bundled lessons use.
    let digitThree: [[Double]] = [
        [0, 0, 7, 15, 13, 1, 0, 0],
        [0, 8, 13, 6, 15, 4, 0, 0],
        [0, 2, 1, 13, 13, 0, 0, 0],
        [0, 0, 2, 15, 11, 1, 0, 0],
        [0, 0, 0, 1, 12, 12, 1, 0],
        [0, 0, 0, 0, 1, 10, 8, 0],
        [0, 0, 8, 4, 5, 14, 9, 0],
        [0, 0, 7, 13, 13, 9, 0, 0],
    ]
    let verticalEdge: [[Double]] = [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]]

    @Test func bundledLessonsAreListedInOrderWithoutTheReadme() {
        let names = LessonLoader.lessonPaths(in: bundledLessons)
            .map { ($0 as NSString).lastPathComponent }
        #expect(
            names.starts(with: [
                "01-the-sliding-filter.md",
                "02-the-activation-map.md",
            ]))
        #expect(!names.contains { $0.lowercased() == "readme.md" })
    }

    /// A 6x6 map, each cell 3x3 products + place, bias and write: 36 x 12 = 432 steps.
    @Test func theSlidingFilterLoads() throws {
        let lesson = try LessonLoader.load(path: bundledLessons + "/01-the-sliding-filter.md")
        #expect(lesson.title == "The sliding filter")
        #expect(lesson.inputSource == "data/digit-3.txt")
        #expect(rows(lesson.input) == digitThree)
        #expect(lesson.layers.count == 1)
        #expect(lesson.layers[0].activation == .identity)
        #expect(lesson.layers[0].filters.map(\.name) == ["vertical-edge"])
        #expect(rows(lesson.layers[0].filters[0].weights) == verticalEdge)

        let fine = StepSequence(network: try lesson.network(), granularity: .fine)
        #expect(fine.count == 432)
        #expect(lesson.scenes.count == 7)
        #expect(lesson.scenes[1].title == "One product at a time")
        #expect(lesson.scenes.last?.title == "The whole map")
        // "when: step 11" is the bias step of the first cell (index 10).
        #expect(lesson.scenes[3].trigger == .step(11))
        #expect(lesson.scenes[3].trigger.stepIndex(in: fine) == 10)
        // "when: cell 2 1" starts at the place step of the first cell of row 2.
        #expect(lesson.scenes[4].trigger == .cell(row: 2, column: 1, filter: 1, layer: 1))
        #expect(lesson.scenes[4].trigger.stepIndex(in: fine) == 6 * 12)
        #expect(lesson.scenes.last?.trigger.stepIndex(in: fine) == 431)
    }

    /// The same 432 steps, then ReLU visits each of the 36 cells: 468.
    @Test func reluZeroesTheNegativesLoads() throws {
        let path = bundledLessons + "/07-relu.md"
        let lesson = try LessonLoader.load(path: path)
        #expect(lesson.title == "ReLU zeroes the negatives")
        #expect(rows(lesson.input) == digitThree)
        #expect(lesson.layers[0].activation == .relu)

        let fine = StepSequence(network: try lesson.network(), granularity: .fine)
        #expect(fine.count == 468)
        #expect(lesson.scenes.count == 5)
        #expect(lesson.scenes[1].title == "The map before the activation")
        #expect(lesson.scenes.last?.title == "Done")
        #expect(lesson.scenes[1].trigger.stepIndex(in: fine) == 12)
        #expect(lesson.scenes[2].trigger.stepIndex(in: fine) == 432)
        #expect(lesson.scenes[3].trigger.stepIndex(in: fine) == 450)
    }

    @Test func readsADataFileBesideTheLesson() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("data/stripe.txt", "# two channels\n0 9 0\n0 9 0\n\n1 1 1\n1 1 1\n")
        let path = try folder.write(
            "stripe.md",
            source(
                "# Stripe", "```input", "file: data/stripe.txt", "```",
                "```filter", "1 1", "", "0 0", "```"))
        let lesson = try LessonLoader.load(path: path)
        #expect(lesson.path == path)
        #expect(lesson.inputSource == "data/stripe.txt")
        #expect(rows(lesson.input) == [[0, 9, 0], [0, 9, 0]])
        #expect(rows(lesson.input, channel: 1) == [[1, 1, 1], [1, 1, 1]])
        #expect(rows(try lesson.network().output) == [[9, 9], [9, 9]])
    }

    /// Every problem `LessonLoader.load` reports for `path`, as `file:line:col: message`.
    func loadProblems(_ path: String) -> [String] {
        do {
            _ = try LessonLoader.load(path: path)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func problemsInTheDataFileNameItsPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = try folder.write("data/bad.txt", "1 2\n3 inf\n")
        let path = try folder.write(
            "bad.md",
            source(
                "# Bad", "```input", "file: data/bad.txt", "```", "```filter", "1", "```"))
        #expect(
            loadProblems(path) == [
                "\(data):2:3: 'inf' is not a finite number (NaN and infinity are not allowed)"
            ])
    }

    @Test func missingDataFileIsReportedAtItsNameInTheLesson() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(
            "lost.md",
            source(
                "# Lost", "", "```input", "file: data/nowhere.txt", "```", "```filter", "1",
                "```"))
        #expect(
            loadProblems(path) == [
                "\(path):4:7: data file 'data/nowhere.txt' does not exist or cannot be read"
            ])
    }

    @Test func unreadableLessonFilesAreProblemsNotCrashes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.path + "/none.md"
        #expect(loadProblems(missing) == ["\(missing):1:1: no such file"])
        #expect(loadProblems(folder.path) == ["\(folder.path):1:1: this is a folder, not a file"])
        let latin1 = folder.path + "/latin1.md"
        try Data([0x23, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
        #expect(loadProblems(latin1) == ["\(latin1):1:1: is not UTF-8 text"])
    }

    @Test func lessonPathsSkipsOtherFilesAndSortsByName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["10-late.md", "02-early.md", "README.md", "notes.txt", "data/x.md"] {
            try folder.write(name, "# x\n")
        }
        #expect(
            LessonLoader.lessonPaths(in: folder.path)
                == [folder.path + "/02-early.md", folder.path + "/10-late.md"])
        #expect(LessonLoader.lessonPaths(in: folder.path + "/missing").isEmpty)
    }
}
