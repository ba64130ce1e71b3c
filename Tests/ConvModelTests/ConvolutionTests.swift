import Testing
@testable import ConvModel

/// Builds a grid from GRID-like text rows, for readable test inputs.
func grid(_ rows: [[Double]]) -> Grid { try! Grid(rows: rows) }

@Suite struct ConvolutionTests {
    // Worked by hand (and checked against scipy.signal.correlate2d on the zero-padded input,
    // taking every second row and column).
    @Test func paddingOneStrideTwoMatchesHandWorkedExample() throws {
        let input = grid([[2, 2, 3, 3, 3], [0, 1, 3, 0, 3], [2, 3, 0, 1, 3], [3, 3, 2, 1, 2],
                          [3, 3, 0, 2, 3]])
        let filter = Filter(name: "f", weights: grid([[2, 0, 1], [1, 0, 0], [0, 1, 1]]))
        let layer = ConvLayer(
            filters: [filter], settings: ConvolutionSettings(stride: 2, padding: .zeros(1)))
        let trace = try Convolution.apply(layer, to: input)
        #expect(trace.output.rows() == [[1, 5, 6], [7, 8, 3], [3, 10, 4]])
    }

    @Test func crossCorrelationDoesNotFlipTheKernel() throws {
        let input = grid([[1, 2, 3, 4, 5, 6]])
        let filter = Filter(name: "k", weights: grid([[1, 2, 3]]))
        let plain = try Convolution.apply(ConvLayer(filters: [filter]), to: input)
        #expect(plain.output.rows() == [[14, 20, 26, 32]])

        let flipped = try Convolution.apply(
            ConvLayer(filters: [filter], settings: ConvolutionSettings(flipsKernel: true)),
            to: input)
        #expect(flipped.output.rows() == [[10, 16, 22, 28]])
    }

    @Test func samePaddingPutsTheOddCellAfter() throws {
        let amounts = Padding.same.amounts(inputSize: 6, kernelSize: 3, stride: 2, dilation: 1)
        #expect(amounts.before == 0 && amounts.after == 1)

        let geometry = try OutputGeometry(
            inputHeight: 6, inputWidth: 6, kernelHeight: 3, kernelWidth: 3,
            settings: ConvolutionSettings(stride: 2, padding: .same))
        #expect(geometry.outputHeight == 3 && geometry.outputWidth == 3)
        #expect(geometry.paddingTop == 0 && geometry.paddingBottom == 1)

        let odd = try OutputGeometry(
            inputHeight: 5, inputWidth: 7, kernelHeight: 3, kernelWidth: 3,
            settings: ConvolutionSettings(stride: 1, padding: .same))
        #expect(odd.outputHeight == 5 && odd.outputWidth == 7)
        #expect(odd.paddingLeft == 1 && odd.paddingRight == 1)
    }

    @Test func threeChannelsSumWithOneBias() throws {
        let input = try Grid(channels: [[[1]], [[1]], [[1]]])
        let weights = try Grid(channels: [[[2]], [[2]], [[2]]])
        let trace = try Convolution.apply(
            ConvLayer(filters: [Filter(name: "rgb", weights: weights, bias: 1)]), to: input)
        #expect(trace.output.rows() == [[7]])
    }

    @Test func outputSizeFollowsTheFormula() throws {
        // floor((n + pads - d(k-1) - 1) / s) + 1 for a spread of settings.
        for n in 3...9 {
            for k in 1...3 {
                for s in 1...3 {
                    for d in 1...2 {
                        for p in 0...2 where d * (k - 1) + 1 <= n + 2 * p {
                            let geometry = try OutputGeometry(
                                inputHeight: n, inputWidth: n, kernelHeight: k, kernelWidth: k,
                                settings: ConvolutionSettings(
                                    stride: s, padding: .zeros(p), dilation: d))
                            let expected = (n + 2 * p - d * (k - 1) - 1) / s + 1
                            #expect(geometry.outputHeight == expected)
                        }
                    }
                }
            }
        }
    }

    @Test func dilationSpreadsTheTaps() throws {
        let input = grid([[1, 2, 3, 4, 5]])
        let filter = Filter(name: "d", weights: grid([[1, 1]]))
        let trace = try Convolution.apply(
            ConvLayer(filters: [filter], settings: ConvolutionSettings(dilation: 2)), to: input)
        #expect(trace.output.rows() == [[4, 6, 8]])
    }

    @Test func strideThatDoesNotDivideLeavesRowsUnreached() throws {
        // 6 wide, kernel 2, stride 3: windows cover 0-1 and 3-4; columns 2 and 5 are skipped.
        let geometry = try OutputGeometry(
            inputHeight: 6, inputWidth: 6, kernelHeight: 2, kernelWidth: 2,
            settings: ConvolutionSettings(stride: 3))
        #expect(geometry.unreachedColumns == [2, 5])
        #expect(geometry.unreachedRows == [2, 5])
        let covering = try OutputGeometry(
            inputHeight: 5, inputWidth: 5, kernelHeight: 3, kernelWidth: 3,
            settings: ConvolutionSettings(stride: 2))
        #expect(covering.unreachedRows.isEmpty)
    }

    @Test func severalFiltersGiveOneMapEach() throws {
        let input = grid([[1, 2], [3, 4]])
        let layer = ConvLayer(filters: [
            Filter(name: "a", weights: grid([[1]]), bias: 0),
            Filter(name: "b", weights: grid([[-1]]), bias: 10),
        ])
        let trace = try Convolution.apply(layer, to: input)
        #expect(trace.output.channels == 2)
        #expect(trace.output.rows(channel: 0) == [[1, 2], [3, 4]])
        #expect(trace.output.rows(channel: 1) == [[9, 8], [7, 6]])
    }

    @Test func invalidSettingsAreErrorsNotCrashes() throws {
        let input = grid([[1, 2], [3, 4]])
        let filter = Filter(name: "f", weights: grid([[1, 1, 1], [1, 1, 1], [1, 1, 1]]))
        #expect(throws: ModelError.kernelLargerThanInput(axis: "rows", span: 3, paddedSize: 2)) {
            try Convolution.apply(ConvLayer(filters: [filter]), to: input)
        }
        #expect(throws: ModelError.zeroStride) {
            try Convolution.apply(
                ConvLayer(filters: [filter], settings: ConvolutionSettings(stride: 0)), to: input)
        }
        #expect(throws: ModelError.zeroDilation) {
            try Convolution.apply(
                ConvLayer(filters: [filter], settings: ConvolutionSettings(
                    padding: .zeros(2), dilation: 0)), to: input)
        }
        let twoChannels = Filter(name: "rgb", weights: try Grid(channels: [[[1]], [[1]]]))
        #expect(throws: ModelError.channelCountMismatch(
            filter: "rgb", filterChannels: 2, inputChannels: 1)) {
            try Convolution.apply(ConvLayer(filters: [twoChannels]), to: input)
        }
        #expect(throws: ModelError.raggedRows(row: 1, expected: 2, found: 1)) {
            try Grid(rows: [[1, 2], [3]])
        }
    }

    @Test func layersStackThroughTheirActivation() throws {
        let input = grid([[1, -2], [3, -4]])
        let negate = ConvLayer(
            filters: [Filter(name: "neg", weights: grid([[-1]]))], activation: .relu)
        let sum = ConvLayer(filters: [Filter(name: "sum", weights: grid([[1, 1], [1, 1]]))])
        let network = try Network(input: input, layers: [negate, sum])
        #expect(network.traces[0].output.rows() == [[0, 2], [0, 4]])
        #expect(network.output.rows() == [[6]])
    }
}
