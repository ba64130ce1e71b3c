import Foundation
import Testing

@testable import ConvModel

@Suite struct GradientReportTests {
    @Test func sigmoidBoundIsAQuarterPerLayer() {
        #expect(sigmoidGradientBound(layers: 0) == 1)
        #expect(sigmoidGradientBound(layers: 1) == 0.25)
        #expect(sigmoidGradientBound(layers: 3) == 1.0 / 64)
        #expect(sigmoidGradientBound(layers: 10) == 1.0 / 1_048_576)
        #expect(sigmoidGradientBound(layers: 30) == 0x1p-60)
        #expect(sigmoidDerivative(0) == 0.25)
    }

    // With pass-through 3x3 kernels (centre 1, rest 0) and biases that put every
    // pre-activation at 0, each sigmoid contributes exactly its largest slope, 1/4: the bound
    // is reached, and the backward pass must give exactly 0.25^n.
    @Test func theBoundIsReachedWhenEveryPreactivationIsZero() throws {
        let passThrough = grid([[0, 0, 0], [0, 1, 0], [0, 0, 0]])
        let layers = (0..<6).map { index in
            ConvLayer(
                filters: [
                    Filter(
                        name: "id", weights: passThrough,
                        bias: index == 0 ? 0 : -0.5)
                ],
                settings: ConvolutionSettings(padding: .same), activation: .sigmoid)
        }
        let network = try Network(input: Grid(height: 3, width: 3), layers: layers)
        #expect(network.traces.allSatisfy { $0.preactivation.values.allSatisfy { $0 == 0 } })
        let backward = Backpropagation(network: network)
        for (index, gradient) in backward.inputGradients.enumerated() {
            #expect(gradient.values.allSatisfy { $0 == sigmoidGradientBound(layers: 6 - index) })
        }
    }

    @Test func noSigmoidSlopeInADeepStackExceedsAQuarter() throws {
        let report = try GradientReport(layers: 10, seed: 3, activations: [.sigmoid])
        let stack = DeepStack(depth: 10, activation: .sigmoid, inputChannels: 1, seed: 3)
        let network = try stack.network(for: report.input)
        let slopes = network.traces.flatMap { $0.preactivation.values.map(sigmoidDerivative) }
        #expect(slopes.allSatisfy { $0 > 0 && $0 <= 0.25 })
        #expect(report.sigmoidBound == (0..<10).map { sigmoidGradientBound(layers: 10 - $0) })
    }

    // The lesson's claim: ten sigmoid layers with Xavier weights lose orders of magnitude of
    // gradient towards the input; ReLU with He weights keeps it within one order.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func sigmoidVanishesWhileReLUHolds(seed: UInt64) throws {
        for input in [nil, try digitThree()] {
            let report = try GradientReport(
                input: input, layers: 10, seed: seed, activations: [.sigmoid, .relu])
            let sigmoid = try #require(report.column(for: .sigmoid)).meanAbsGradient
            let relu = try #require(report.column(for: .relu)).meanAbsGradient
            #expect(sigmoid[0] * 100 <= sigmoid[9], "seed \(seed)")
            #expect(relu[0] > 0 && relu[9] > 0)
            #expect(relu[0] * 10 >= relu[9] && relu[9] * 10 >= relu[0], "seed \(seed)")
        }
    }

    // Figures checked against a separate NumPy forward and backward pass over the same
    // seeded weights and input (which agreed to within 1.3e-15 relative); the tolerance only
    // allows for exp and tanh differing by an ulp between C libraries.
    @Test func defaultReportMatchesTheNumPyReference() throws {
        let report = try GradientReport()
        #expect(report.layers == 10 && report.seed == 1 && report.channels == 4)
        #expect(report.activations == GradientReport.defaultActivations)
        #expect(
            report.initialisations.map(\.name) == [
                "Xavier/Glorot uniform", "Xavier/Glorot uniform", "He normal", "He normal",
            ])
        let expected: [(Activation, Double, Double)] = [
            (.sigmoid, 1.060592950703463e-07, 0.09274627188714324),
            (.tanh, 0.10448175503747234, 0.3860816180331174),
            (.relu, 1.9292893895515963, 0.8750671647538917),
            (.leakyReLU(slope: 0.01), 2.0584315307896537, 0.8871056925739488),
        ]
        for (activation, first, last) in expected {
            let gradient = try #require(report.column(for: activation)).meanAbsGradient
            #expect(gradient.count == 10)
            #expect(abs(gradient[0] / first - 1) < 1e-9, "\(activation)")
            #expect(abs(gradient[9] / last - 1) < 1e-9, "\(activation)")
        }
        let relu = try #require(report.column(for: .relu))
        #expect(relu.sparsity[0] == 0.2734375 && relu.sparsity[1] == 0.63671875)
        #expect(relu.deadFraction == Array(repeating: 0, count: 10))
        #expect(report.column(for: .sigmoid)?.deadFraction == nil)
        #expect(
            report.column(for: .leakyReLU(slope: 0.01))?.sparsity.allSatisfy { $0 == 0 }
                == true)
    }

    @Test func reportsAreReproducibleAndFollowTheSeed() throws {
        let once = try GradientReport(layers: 4, seed: 12)
        #expect(once == (try GradientReport(layers: 4, seed: 12)))
        #expect(once != (try GradientReport(layers: 4, seed: 13)))
        #expect(once.input == GradientReport.seededInput(seed: 12))
        #expect(once.input.values.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(once.meanAbsGradient.count == 4 && once.meanAbsGradient[0].count == 4)
    }

    @Test func aDeadMapIsOneNeverPositiveAnywhere() throws {
        let input = grid([[1, 2], [3, 4]])
        let alive = Filter(name: "up", weights: grid([[1]]), bias: -2.5)
        let dead = Filter(name: "down", weights: grid([[-1]]), bias: 0.5)
        for activation: Activation in [.relu, .leakyReLU(slope: 0.1)] {
            let trace = try Convolution.apply(
                ConvLayer(filters: [alive, dead, alive], activation: activation), to: input)
            // Map "up" is positive at 3 and 4, so it lives although half its cells are off.
            #expect(UnitStatistics.deadFraction(trace) == 1.0 / 3)
        }
        let relu = try Convolution.apply(
            ConvLayer(filters: [alive, dead], activation: .relu), to: input)
        // Zeros: two cells of "up", all four of "down".
        #expect(UnitStatistics.sparsity(relu.output) == 6.0 / 8)
        let sigmoid = try Convolution.apply(
            ConvLayer(filters: [alive, dead], activation: .sigmoid), to: input)
        #expect(UnitStatistics.deadFraction(sigmoid) == nil)
        #expect(UnitStatistics.sparsity(sigmoid.output) == 0)
        #expect(UnitStatistics.meanAbsolute(grid([[1, -2], [3, -6]])) == 3)
    }

    /// Lessons/data/digit-3.txt scaled from 0...16 to 0...1.
    private func digitThree() throws -> Grid {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(
            contentsOf: root.appendingPathComponent("Lessons/data/digit-3.txt"), encoding: .utf8)
        let rows = text.split(separator: "\n").map {
            $0.split(separator: " ").map { Double($0)! / 16 }
        }
        return try Grid(rows: rows)
    }
}
