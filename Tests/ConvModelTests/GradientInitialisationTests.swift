import Testing

@testable import ConvModel

@Suite struct GradientInitialisationTests {
    @Test func eachActivationGetsTheSchemeTheLiteraturePairsWithIt() {
        #expect(WeightInitialisation.recommended(for: .sigmoid) == .xavierUniform)
        #expect(WeightInitialisation.recommended(for: .tanh) == .xavierUniform)
        #expect(WeightInitialisation.recommended(for: .identity) == .xavierUniform)
        #expect(WeightInitialisation.recommended(for: .relu) == .heNormal(negativeSlope: 0))
        #expect(
            WeightInitialisation.recommended(for: .leakyReLU(slope: 0.2))
                == .heNormal(negativeSlope: 0.2))
        #expect(WeightInitialisation.xavierUniform.name == "Xavier/Glorot uniform")
        #expect(WeightInitialisation.heNormal(negativeSlope: 0).name == "He normal")
    }

    @Test func variancesFollowGlorotAndHe() {
        // A 3x3 layer from 4 to 4 channels: fanIn = fanOut = 36.
        #expect(WeightInitialisation.xavierUniform.variance(fanIn: 36, fanOut: 36) == 2.0 / 72)
        #expect(
            WeightInitialisation.heNormal(negativeSlope: 0).variance(fanIn: 36, fanOut: 9)
                == 2.0 / 36)
        let leaky = WeightInitialisation.heNormal(negativeSlope: 0.5)
        #expect(abs(leaky.variance(fanIn: 36, fanOut: 36) - 2.0 / (1.25 * 36)) < 1e-15)
    }

    @Test func stackWeightsHaveTheSchemesSpread() {
        // 30 layers of 4x4x3x3 weights after the first: 4 320 draws per stack.
        let xavier = DeepStack(depth: 30, activation: .tanh, inputChannels: 4, seed: 8)
        let xavierWeights = xavier.layers.flatMap { $0.filters.flatMap(\.weights.values) }
        let bound = (6.0 / 72).squareRoot()
        #expect(xavierWeights.allSatisfy { abs($0) <= bound })
        #expect(abs(sampleVariance(xavierWeights) / (2.0 / 72) - 1) < 0.07)

        let he = DeepStack(depth: 30, activation: .relu, inputChannels: 4, seed: 8)
        let heWeights = he.layers.flatMap { $0.filters.flatMap(\.weights.values) }
        #expect(abs(sampleVariance(heWeights) / (2.0 / 36) - 1) < 0.07)
        #expect(heWeights.contains { abs($0) > bound })
    }

    @Test func stackShapeAndDeterminism() {
        let stack = DeepStack(
            depth: 5, activation: .sigmoid, inputChannels: 2, channels: 3,
            seed: 99)
        #expect(stack.depth == 5)
        #expect(stack.initialisation == .xavierUniform)
        #expect(stack.layers[0].filters.count == 3)
        #expect(stack.layers[0].filters.allSatisfy { $0.channels == 2 && $0.height == 3 })
        #expect(stack.layers[4].filters.allSatisfy { $0.channels == 3 && $0.bias == 0 })
        #expect(
            stack.layers.allSatisfy {
                $0.activation == .sigmoid && $0.settings == ConvolutionSettings(padding: .same)
            })
        #expect(
            stack
                == DeepStack(
                    depth: 5, activation: .sigmoid, inputChannels: 2,
                    channels: 3, seed: 99))
        #expect(
            stack
                != DeepStack(
                    depth: 5, activation: .sigmoid, inputChannels: 2,
                    channels: 3, seed: 100))
    }

    @Test func sameSeedGivesStacksTheSameDraws() {
        // Xavier weights of both sigmoid and tanh stacks come from the same uniform draws.
        let sigmoidStack = DeepStack(depth: 3, activation: .sigmoid, inputChannels: 1, seed: 4)
        let tanhStack = DeepStack(depth: 3, activation: .tanh, inputChannels: 1, seed: 4)
        #expect(sigmoidStack.layers.map(\.filters) == tanhStack.layers.map(\.filters))

        var generator = SplitMix64(seed: 4)
        let bound = (6.0 / (9 + 36)).squareRoot()
        let first = generator.nextUniform(from: -bound, to: bound)
        #expect(sigmoidStack.layers[0].filters[0].weights[0, 0, 0] == first)
    }

    private func sampleVariance(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }
}
