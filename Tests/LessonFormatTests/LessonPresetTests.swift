import ConvModel
import Testing

@testable import LessonFormat

/// `preset: NAME` in a filter block, instead of rows of weights.
@Suite struct LessonPresetTests {
    @Test func aPresetGivesItsWeightsAndKeepsTheBias() throws {
        let text = source(
            "# T", "", "```input", "1 2 3 4", "5 6 7 8", "9 10 11 12", "```", "",
            "```filter edges", "preset: Sobel-X", "bias: -1", "```")
        let lesson = try parser().parse(text)
        let filter = try #require(lesson.layers.first?.filters.first)
        #expect(filter.name == "edges")
        #expect(filter.bias == -1)
        #expect(filter.weights.rows() == [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
    }

    @Test func aPresetCoversEveryChannelOfItsInput() throws {
        // Two input channels; layer 2 sees the three maps of layer 1.
        let text = source(
            "# T", "", "```input", "1 2 3", "4 5 6", "7 8 9", "", "9 8 7", "6 5 4", "3 2 1",
            "```", "",
            "```layer", "padding: same", "```",
            "```filter a", "preset: box-blur", "```",
            "```filter b", "preset: identity", "```",
            "```filter c", "preset: laplacian", "```",
            "```layer", "```",
            "```filter mix", "preset: identity", "```")
        let lesson = try parser().parse(text)
        #expect(lesson.layers[0].filters[0].weights.channels == 2)
        #expect(lesson.layers[0].filters[0].weights[0, 0, 1] == 1.0 / 18)
        #expect(lesson.layers[1].filters[0].weights.channels == 3)
        #expect(lesson.layers[1].filters[0].weights[1, 1, 2] == 1.0 / 3)
        // Identity over both input channels is their mean: 5 everywhere here.
        let network = try lesson.network()
        #expect(network.traces[0].output.rows(channel: 1).allSatisfy { $0 == [5, 5, 5] })
    }

    @Test func anUnknownPresetIsReportedWithTheNames() {
        let text = source(
            "# T", "", "```input", "1 2 3", "4 5 6", "7 8 9", "```", "",
            "```filter f", "preset:  sobel", "```")
        #expect(problems(text) == [
            "lesson.md:10:10: unknown preset 'sobel'; expected one of identity, edge-vertical, "
                + "edge-horizontal, sobel-x, sobel-y, laplacian, box-blur, gaussian-blur, "
                + "sharpen, emboss"
        ])
    }

    @Test func aPresetAndRowsTogetherAreRefused() {
        let text = source(
            "# T", "", "```input", "1 2 3", "4 5 6", "7 8 9", "```", "",
            "```filter f", "preset: emboss", "1 0", "0 1", "```")
        #expect(problems(text) == [
            "lesson.md:10:9: a filter block holds either 'preset:' or rows of weights, not both"
        ])
    }
}
