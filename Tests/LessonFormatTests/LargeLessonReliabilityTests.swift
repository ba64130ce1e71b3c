import ConvModel
import Foundation
import Testing

@testable import LessonFormat

/// Very large and hostile lessons: each is read within bounded memory and time, or refused
/// with a message that names the place and the limit. The lesson list reads every lesson at
/// start-up, so one such file must not freeze it.
@Suite(.timeLimit(.minutes(1))) struct LargeLessonReliabilityTests {
    /// A lesson whose input is one cell and whose layers each pad by 1000: a few lines that
    /// would ask for maps of 2001x2001, 4001x4001, ... cells.
    func paddedLesson(layers: Int) -> String {
        var text = "# Padding\n\n```input\n1\n```\n\n"
        for _ in 0..<layers { text += "```layer\npadding: 1000\n```\n\n```filter\n1\n```\n\n" }
        return text
    }

    @Test func mapsTooLargeToHoldAreRefusedAtTheirLayer() {
        // Layer 1 holds 1 + 2 x 2001^2 = 8,008,003 numbers (maps before and after the
        // activation); layer 2 adds 2 x 4001^2 = 32,016,002, 40,024,005 in all.
        let found = problems(paddedLesson(layers: 5))
        #expect(found == [
            "lesson.md:15:1: layer 2 makes 1 map(s) of 4001x4001 cells; with its input and the "
                + "layers before it, that is 40024005 numbers, more than the 16777216 a lesson "
                + "may hold; use less padding or a smaller input",
        ])
    }

    @Test func oneLargeLayerWithinTheLimitIsRead() throws {
        let lesson = try parser().parse(paddedLesson(layers: 1))
        let network = try lesson.network()
        #expect(network.traces[0].geometry.outputHeight == 2001)
        #expect(network.output[1000, 1000, 0] == 1)
        #expect(network.output[0, 0, 0] == 0)
    }

    @Test func tooManyMultiplicationsAreRefused() {
        // A 1500x1500 input under a 7x7 filter with padding 3: 1500^2 x 49 = 110,250,000
        // products, over 2^26 = 67,108,864, while the numbers (3 x 2.25 million) fit.
        let row = Array(repeating: "1", count: 1500).joined(separator: " ")
        let data = Array(repeating: row, count: 1500).joined(separator: "\n")
        let filter = Array(repeating: "1 1 1 1 1 1 1", count: 7).joined(separator: "\n")
        let text = source("# Big", "", "```input", "file: big.txt", "```", "",
                          "```layer", "padding: 3", "```", "", "```filter", filter, "```")
        #expect(problems(text, files: ["big.txt": data]) == [
            "lesson.md:7:1: layer 1 makes 1 map(s) of 1500x1500 cells; the layers so far need "
                + "110250000 multiplications, more than the 67108864 a lesson may take; use "
                + "fewer or smaller filters, or a smaller input",
        ])
    }

    @Test func aHundredThousandLineNarrativeIsReadWhole() throws {
        // Each line joins the paragraph with a space; reading used to copy every line so far
        // for each new one, which made this lesson take over a minute.
        var lines = ["# Long"]
        lines += (1...100_000).map { "line \($0)" }
        lines += ["", "```input", "1 2", "3 4", "```", "", "```filter", "1", "```"]
        let lesson = try parser().parse(lines.joined(separator: "\n"))
        let words = lesson.scenes[0].text.split(separator: " ")
        #expect(words.count == 200_000)
        #expect(words.last == "100000")
    }

    @Test func aDataFileOverEightMiBIsRefusedWithoutReadingIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // 4000x4000 values of "0 " is 32,000,000 bytes, four times the limit.
        let path = (folder.path as NSString).appendingPathComponent("huge.txt")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        var line = Data()
        for index in 0..<8000 { line.append(index.isMultiple(of: 2) ? 0x30 : 0x20) }
        line.append(0x0A)
        for _ in 0..<4000 { handle.write(line) }
        try handle.close()
        try folder.write("big.md", source("# Big", "", "```input", "file: huge.txt", "```", "",
                                          "```filter", "1", "```"))
        #expect(throws: LessonProblems([LessonProblem(
            SourceLocation(file: path, line: 1, column: 1),
            "larger than 8 MiB; refusing to read it")])) {
            try LessonLoader.load(path: folder.path + "/big.md")
        }
    }

    @Test func aLargeDataFileIsRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // 1000 rows of 1000 one-digit values, 2 MB: a quarter of the most a data file may
        // hold, which keeps this test quick in a debug build.
        let row = (0..<1000).map { String($0 % 10) }.joined(separator: " ") + "\n"
        try folder.write("big.txt", String(repeating: row, count: 1000))
        try folder.write("big.md", source("# Big", "", "```input", "file: big.txt", "```", "",
                                          "```layer", "stride: 2", "```", "", "```filter",
                                          "1 0", "0 1", "```"))
        let lesson = try LessonLoader.load(path: folder.path + "/big.md")
        #expect(lesson.input.height == 1000 && lesson.input.width == 1000)
        #expect(lesson.input[999, 999, 0] == 9)
        let network = try lesson.network()
        // Cell (499, 499) covers rows and columns 998...999: 1 x 8 + 1 x 9.
        #expect(network.output[499, 499, 0] == 17)
    }
}
