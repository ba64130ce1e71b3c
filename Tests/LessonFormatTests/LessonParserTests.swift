import ConvModel
import Testing

@testable import LessonFormat

/// What a well-formed lesson turns into.
@Suite struct LessonParserTests {
    /// Two layers, two channels, every layer key, named and unnamed filters, narrative.
    let full = source(
        "# Two channels in, one map out",
        "",
        "The opening scene.",
        "It runs on over two lines.",
        "",
        "A second paragraph.",
        "",
        "```input",
        "1, 2, 3",
        "4  5  6",
        "",
        "0 0 1",
        "0 1 0",
        "```",
        "",
        "```layer",
        "Stride: 2",
        "padding: SAME",
        "dilation: 1",
        "activation: leaky-relu:0.1",
        "kernel: convolution",
        "```",
        "",
        "```filter first sum",
        "bias: -1/4",
        "1 1",
        "",
        "1/2 -0",
        "```",
        "",
        "```filter",
        "2.5e-1 1E1",
        "",
        "0 0",
        "```",
        "",
        "```layer",
        "```",
        "",
        "```filter",
        "1",
        "",
        "-1",
        "```",
        "",
        "## Products",
        "",
        "when: cell 1 2 filter 2",
        "Each product:",
        "",
        "```python",
        "for w, x in zip(weights, window):",
        "    total += w * x",
        "```",
        "",
        "### Not a scene, just text",
        "",
        "## Untimed",
        "No when: line here.")

    @Test func readsTitleInputLayersAndFilters() throws {
        let lesson = try parser().parse(full)
        #expect(lesson.title == "Two channels in, one map out")
        #expect(lesson.path == "lesson.md")
        #expect(lesson.inputSource == nil)
        #expect(lesson.input.channels == 2)
        #expect(rows(lesson.input) == [[1, 2, 3], [4, 5, 6]])
        #expect(rows(lesson.input, channel: 1) == [[0, 0, 1], [0, 1, 0]])

        #expect(lesson.layers.count == 2)
        let first = lesson.layers[0]
        #expect(
            first.settings
                == ConvolutionSettings(
                    stride: 2, padding: .same, dilation: 1,
                    flipsKernel: true))
        #expect(first.activation == .leakyReLU(slope: 0.1))
        #expect(first.filters.map(\.name) == ["first sum", "filter 2"])
        #expect(first.filters[0].bias == -0.25)
        #expect(rows(first.filters[0].weights) == [[1, 1]])
        #expect(rows(first.filters[0].weights, channel: 1) == [[0.5, 0]])
        // -0 is read as +0, so it never shows as "-0".
        #expect(first.filters[0].weights[0, 1, 1].sign == .plus)
        #expect(rows(first.filters[1].weights) == [[0.25, 10]])
        #expect(first.filters[1].bias == 0)

        let second = lesson.layers[1]
        #expect(second.settings == ConvolutionSettings())
        #expect(second.activation == .identity)
        #expect(second.filters.map(\.name) == ["filter 1"])
        #expect(rows(second.filters[0].weights, channel: 1) == [[-1]])
    }

    @Test func readsScenesWithTriggersParagraphsAndCode() throws {
        let lesson = try parser().parse(full)
        #expect(
            lesson.scenes.map(\.title)
                == ["Two channels in, one map out", "Products", "Untimed"])
        #expect(lesson.scenes.map(\.line) == [1, 46, 58])
        #expect(
            lesson.scenes.map(\.trigger)
                == [.start, .cell(row: 1, column: 2, filter: 2, layer: 1), .start])
        #expect(
            lesson.scenes[0].text
                == "The opening scene. It runs on over two lines.\nA second paragraph.")
        #expect(
            lesson.scenes[1].text == """
                Each product:
                    for w, x in zip(weights, window):
                        total += w * x
                ### Not a scene, just text
                """)
        // A "key: value" that is not the first line of a scene is just text.
        #expect(lesson.scenes[2].text == "No when: line here.")
    }

    @Test func filtersBeforeAnyLayerBlockGetDefaultSettings() throws {
        let lesson = try parser().parse(
            source(
                "# T", "```filter", "1", "```", "```input", "1 2", "```"))
        #expect(
            lesson.layers == [
                ConvLayer(filters: [
                    Filter(name: "filter 1", weights: try Grid(rows: [[1]]), bias: 0)
                ])
            ])
        #expect(rows(lesson.input) == [[1, 2]])
    }

    @Test func readsTheInputFromADataFile() throws {
        let data = "# written by hand\n1 2\n3 4\n\n5,6\n7,8\n"
        let lesson = try parser(files: ["data/x.txt": data]).parse(
            source(
                "# T", "```input", "file: data/x.txt", "```", "```filter", "1", "", "1", "```"))
        #expect(lesson.inputSource == "data/x.txt")
        #expect(rows(lesson.input) == [[1, 2], [3, 4]])
        #expect(rows(lesson.input, channel: 1) == [[5, 6], [7, 8]])
    }

    /// CRLF endings, a byte-order mark and tabs give the very same lesson as plain LF.
    @Test func crlfByteOrderMarkAndTabsGiveTheSameLesson() throws {
        let plain = try parser().parse(full)
        let crlf = full.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try parser().parse(crlf) == plain)
        #expect(try parser().parse("\u{FEFF}" + full) == plain)
        #expect(try parser().parse("\u{FEFF}" + crlf) == plain)

        let tabbed =
            full
            .replacingOccurrences(of: "4  5  6", with: "4\t5\t6")
            .replacingOccurrences(of: "Stride: 2", with: "\tStride:\t2")
            .replacingOccurrences(of: "bias: -1/4", with: "bias:\t-1/4")
        #expect(tabbed != full)
        #expect(try parser().parse(tabbed) == plain)
        #expect(
            try parser().parse(
                "\u{FEFF}"
                    + tabbed.replacingOccurrences(
                        of: "\n", with: "\r\n")) == plain)
    }

    @Test func dataFilesAcceptCRLFByteOrderMarkAndTabs() throws {
        let lessonText = source(
            "# T", "```input", "file: d.txt", "```", "```filter", "1",
            "```")
        let plain = try parser(files: ["d.txt": "1 2\n3 4\n"]).parse(lessonText)
        let odd = try parser(files: ["d.txt": "\u{FEFF}1\t2\r\n3\t4\r\n"]).parse(lessonText)
        #expect(odd == plain)
    }
}
