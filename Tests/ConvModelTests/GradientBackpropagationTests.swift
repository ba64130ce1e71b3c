import Testing

@testable import ConvModel

@Suite struct GradientBackpropagationTests {
    static let activations: [Activation] = [
        .identity, .relu, .leakyReLU(slope: 0.1), .sigmoid, .tanh,
    ]

    // Worked by hand: each input cell receives the weights of every window that covers it.
    @Test func oneLinearLayerSendsBackTheWeightsOfEveryWindow() throws {
        let input = grid([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        let filter = Filter(name: "w", weights: grid([[1, 2], [3, 4]]))
        let plain = try Network(input: input, layers: [ConvLayer(filters: [filter])])
        #expect(
            Backpropagation(network: plain).inputGradients[0].rows()
                == [[1, 3, 2], [4, 10, 6], [3, 7, 4]])

        // A flipping layer applied the turned kernel, so that is what the gradient sees.
        let flipping = ConvLayer(
            filters: [filter], settings: ConvolutionSettings(flipsKernel: true))
        let flipped = try Network(input: input, layers: [flipping])
        #expect(
            Backpropagation(network: flipped).inputGradients[0].rows()
                == [[4, 7, 3], [6, 10, 4], [2, 3, 1]])
    }

    // Worked by hand: z = 2a - b, and ReLU passes it back only where z > 0.
    @Test func reluBlocksTheGradientWhereItWasOff() throws {
        let input = grid([[1, 3, 1]])
        let filter = Filter(name: "d", weights: grid([[2, -1]]))
        let network = try Network(
            input: input, layers: [ConvLayer(filters: [filter], activation: .relu)])
        #expect(network.traces[0].preactivation.rows() == [[-1, 5]])
        let backward = Backpropagation(network: network)
        #expect(backward.preactivationGradients[0].rows() == [[0, 1]])
        #expect(backward.inputGradients[0].rows() == [[0, 2, -1]])
    }

    @Test func aGivenOutputGradientIsUsedInsteadOfOnes() throws {
        let input = grid([[1, 2], [3, 4]])
        let filter = Filter(name: "one", weights: grid([[1]]))
        let network = try Network(input: input, layers: [ConvLayer(filters: [filter])])
        let upstream = grid([[0.5, -1], [2, 0]])
        #expect(
            Backpropagation(network: network, outputGradient: upstream)
                .inputGradients[0] == upstream)
    }

    @Test func deepStacksMatchCentralDifferencesForEveryActivation() throws {
        for (index, activation) in Self.activations.enumerated() {
            let seed = UInt64(20 + index)
            var layers = DeepStack(
                depth: 3, activation: activation, inputChannels: 1,
                channels: 2, seed: seed
            ).layers
            // Random biases keep every pre-activation away from ReLU's kink, where a finite
            // difference would straddle two slopes; the check below makes sure they do.
            var generator = SplitMix64(seed: seed + 100)
            for layer in layers.indices {
                for filter in layers[layer].filters.indices {
                    layers[layer].filters[filter].bias = generator.nextUniform(from: -0.5, to: 0.5)
                }
            }
            let input = GradientReport.seededInput(seed: seed, height: 4, width: 5)
            try expectGradientsMatchFiniteDifferences(
                layers: layers, input: input,
                label: "\(activation)")
        }
    }

    @Test func strideDilationPaddingAndFlipsAreDifferentiatedToo() throws {
        var generator = SplitMix64(seed: 77)
        func filter(_ channels: Int, _ height: Int, _ width: Int) -> Filter {
            var weights = Grid(height: height, width: width, channels: channels)
            for c in 0..<channels {
                for r in 0..<height {
                    for k in 0..<width { weights[r, k, c] = generator.nextGaussian() }
                }
            }
            return Filter(
                name: "f", weights: weights,
                bias: generator.nextUniform(from: -0.5, to: 0.5))
        }
        let layers = [
            ConvLayer(
                filters: [filter(2, 2, 3), filter(2, 2, 3), filter(2, 2, 3)],
                settings: ConvolutionSettings(stride: 2, padding: .zeros(1)),
                activation: .tanh),
            ConvLayer(
                filters: [filter(3, 2, 2), filter(3, 2, 2)],
                settings: ConvolutionSettings(
                    padding: .same, dilation: 2,
                    flipsKernel: true),
                activation: .leakyReLU(slope: 0.2)),
            ConvLayer(
                filters: [filter(2, 2, 2)], settings: ConvolutionSettings(stride: 1),
                activation: .sigmoid),
        ]
        var input = Grid(height: 7, width: 6, channels: 2)
        for c in 0..<2 {
            for r in 0..<7 {
                for k in 0..<6 { input[r, k, c] = generator.nextUniform(from: -1, to: 1) }
            }
        }
        try expectGradientsMatchFiniteDifferences(layers: layers, input: input, label: "mixed")
    }

    /// Compares every value of every layer's input gradient with a central difference of the
    /// output's sum, perturbing that value and rerunning the layers from there on.
    private func expectGradientsMatchFiniteDifferences(
        layers: [ConvLayer], input: Grid,
        label: String
    ) throws {
        let network = try Network(input: input, layers: layers)
        for trace in network.traces where trace.layer.activation.isReLUFamily {
            #expect(
                trace.preactivation.values.allSatisfy { abs($0) > 1e-4 },
                "\(label): a pre-activation lies on the kink")
        }
        let backward = Backpropagation(network: network)
        #expect(backward.inputGradients.count == layers.count)

        let h = 1e-5
        var checked = 0
        for (layerIndex, trace) in network.traces.enumerated() {
            let rest = Array(layers[layerIndex...])
            let analytic = backward.inputGradients[layerIndex]
            for c in 0..<trace.input.channels {
                for r in 0..<trace.input.height {
                    for k in 0..<trace.input.width {
                        var plus = trace.input
                        plus[r, k, c] += h
                        var minus = trace.input
                        minus[r, k, c] -= h
                        let up = try Network(input: plus, layers: rest).output.values
                        let down = try Network(input: minus, layers: rest).output.values
                        let numeric = (up.reduce(0, +) - down.reduce(0, +)) / (2 * h)
                        let error = abs(numeric - analytic[r, k, c])
                        #expect(
                            error < 1e-8 * max(1, abs(numeric)),
                            "\(label) layer \(layerIndex) (\(r), \(k), \(c))")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 40)
    }
}
