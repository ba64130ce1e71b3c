import Testing
@testable import ConvModel

@Suite struct FilterPresetsTests {
    // A 5x5 input; the expected maps were computed with NumPy, sliding each 3x3 pattern
    // without flipping (np.sum(window * kernel) at every valid position).
    let input = grid([[3, 1, 4, 1, 5], [9, 2, 6, 5, 3], [5, 8, 9, 7, 9], [3, 2, 3, 8, 4],
                      [6, 2, 6, 4, 3]])

    func map(_ preset: FilterPreset, _ input: Grid) throws -> [[Double]] {
        try Convolution.apply(ConvLayer(filters: [preset.filter(channels: input.channels)]),
                              to: input).output.rows()
    }

    @Test func everyPresetHasItsStandardWeights() {
        #expect(FilterPreset.names == [
            "identity", "edge-vertical", "edge-horizontal", "sobel-x", "sobel-y", "laplacian",
            "box-blur", "gaussian-blur", "sharpen", "emboss",
        ])
        #expect(FilterPreset.sobelX.weights().rows() == [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
        #expect(FilterPreset.sobelY.weights().rows() == [[-1, -2, -1], [0, 0, 0], [1, 2, 1]])
        #expect(FilterPreset.edgeVertical.weights().rows() == [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]])
        #expect(FilterPreset.edgeHorizontal.weights().rows()
                    == [[-1, -1, -1], [0, 0, 0], [1, 1, 1]])
        #expect(FilterPreset.identity.weights().rows() == [[0, 0, 0], [0, 1, 0], [0, 0, 0]])
        #expect(FilterPreset.laplacian.weights().rows() == [[0, 1, 0], [1, -4, 1], [0, 1, 0]])
        #expect(FilterPreset.sharpen.weights().rows() == [[0, -1, 0], [-1, 5, -1], [0, -1, 0]])
        #expect(FilterPreset.emboss.weights().rows() == [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]])
        #expect(FilterPreset.boxBlur.weights().values.allSatisfy { $0 == 1.0 / 9 })
        #expect(FilterPreset.gaussianBlur.weights().rows()
                    == [[1, 2, 1], [2, 4, 2], [1, 2, 1]].map { $0.map { $0 / 16 } })
    }

    @Test func blursAndSharpenKeepTheSumOfWeightsAtOne() {
        for preset in [FilterPreset.identity, .boxBlur, .gaussianBlur, .sharpen, .emboss] {
            #expect(abs(preset.weights().values.reduce(0, +) - 1) < 1e-12, "\(preset)")
        }
        for preset in [FilterPreset.edgeVertical, .edgeHorizontal, .sobelX, .sobelY, .laplacian] {
            #expect(preset.weights().values.reduce(0, +) == 0, "\(preset)")
        }
    }

    @Test func mapsMatchNumPy() throws {
        #expect(try map(.sobelX, input) == [[-1, 5, -5], [5, 7, -2], [4, 13, -1]])
        #expect(try map(.laplacian, input) == [[16, -4, -3], [-14, -12, 3], [8, 13, -14]])
        #expect(try map(.emboss, input) == [[18, 26, 18], [0, 17, 6], [-2, -2, -6]])
        #expect(try map(.sharpen, input) == [[-14, 10, 8], [22, 21, 4], [-6, -10, 22]])
        #expect(try map(.gaussianBlur, input) == [
            [4.8125, 5.0625, 5.0625], [5.5625, 6.3125, 6.625], [4.125, 5.1875, 5.9375],
        ])
        #expect(try map(.identity, input) == [[2, 6, 5], [8, 9, 7], [2, 3, 8]])
    }

    @Test func channelsShareThePatternDividedByTheirCount() throws {
        let weights = FilterPreset.sobelX.weights(channels: 2)
        #expect(weights.channels == 2)
        #expect(weights.rows(channel: 0) == [[-0.5, 0, 0.5], [-1, 0, 1], [-0.5, 0, 0.5]])
        #expect(weights.rows(channel: 1) == weights.rows(channel: 0))

        // Channel 2 is the input upside down; NumPy: (sobel(x) + sobel(flipud(x))) / 2.
        let flipped = Grid.stacked([input, grid(input.rows().reversed())])
        #expect(try map(.sobelX, flipped) == [[1.5, 9, -3], [5, 7, -2], [1.5, 9, -3]])

        // Identity over three channels is their mean: a colour image turned gray.
        let rgb = Grid.stacked([grid([[3, 3, 3]] + [[3, 3, 3]] + [[3, 3, 3]]),
                                grid([[6, 6, 6], [6, 6, 6], [6, 6, 6]]),
                                grid([[0, 0, 0], [0, 0, 0], [0, 0, 0]])])
        #expect(try map(.identity, rgb) == [[3]])
    }

    @Test func namesReadInAnyCaseAndWeightsAreRecognised() {
        #expect(FilterPreset(name: "Sobel-X") == .sobelX)
        #expect(FilterPreset(name: "sobel") == nil)
        #expect(FilterPreset.matching(FilterPreset.gaussianBlur.weights(channels: 3))
                    == .gaussianBlur)
        #expect(FilterPreset.matching(grid([[1, 0], [0, 1]])) == nil)
        #expect(FilterPreset.boxBlur.filter().name == "box-blur")
    }
}
