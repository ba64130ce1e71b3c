import Testing
@testable import ConvModel

@Suite struct StepSequenceTests {
    /// A 3x3 input, one 2x2 filter with bias 1, then ReLU: 4 output cells.
    func network() throws -> Network {
        let input = grid([[1, 2, 0], [-1, 3, 1], [0, -2, 4]])
        let filter = Filter(name: "f", weights: grid([[1, -1], [0, 2]]), bias: 1)
        return try Network(input: input, layers: [ConvLayer(filters: [filter], activation: .relu)])
    }

    @Test func fineStepsPlaceAddBiasWriteThenActivate() throws {
        let steps = StepSequence(network: try network(), granularity: .fine)
        // 4 cells x (place + 4 products + bias + write) + 4 activation steps.
        #expect(steps.count == 4 * 7 + 4)
        #expect(steps.step(at: 0).kind == .place)
        #expect(steps.step(at: 0).runningSum == 0)
        // Cell (0,0): 1*1 + (-1)*2 + 0*(-1) + 2*3 = 5, plus bias 1 = 6.
        #expect(steps.step(at: 1).kind == .product(index: 0))
        #expect(steps.step(at: 1).runningSum == 1)
        #expect(steps.step(at: 2).runningSum == -1)
        #expect(steps.step(at: 4).runningSum == 5)
        #expect(steps.step(at: 5).kind == .bias)
        #expect(steps.step(at: 5).runningSum == 6)
        #expect(steps.step(at: 6).kind == .write)
        #expect(steps.step(at: 7).kind == .place)
        #expect(steps.step(at: 7).outColumn == 1)
        let firstActivation = try #require(steps.firstActivationStep(layer: 0))
        #expect(firstActivation == 28)
        #expect(steps.step(at: 28).kind == .activate)
    }

    @Test func coarseStepsAreOnePerCell() throws {
        let steps = StepSequence(network: try network(), granularity: .coarse)
        #expect(steps.count == 8)
        #expect(steps.step(at: 0).kind == .write)
        #expect(steps.step(at: 0).runningSum == 6)
        #expect(steps.step(at: 4).kind == .activate)
    }

    @Test func anyStepCanBeBuiltDirectlyAndAgain() throws {
        let steps = StepSequence(network: try network(), granularity: .fine)
        for index in stride(from: steps.count - 1, through: 0, by: -1) {
            #expect(steps.step(at: index) == steps.step(at: index))
            #expect(steps.step(at: index).index == index)
        }
    }

    @Test func progressCountsWrittenAndActivatedCells() throws {
        let steps = StepSequence(network: try network(), granularity: .fine)
        #expect(steps.progress(ofLayer: 0, filter: 0, at: steps.step(at: 6)) == (1, 0))
        #expect(steps.progress(ofLayer: 0, filter: 0, at: steps.step(at: 7)) == (1, 0))
        #expect(steps.progress(ofLayer: 0, filter: 0, at: steps.step(at: 29)) == (4, 2))
    }

    @Test func writeStepIsWhereAClickOnACellLands() throws {
        let steps = StepSequence(network: try network(), granularity: .fine)
        let index = steps.writeStep(layer: 0, filter: 0, outRow: 1, outColumn: 0)
        let step = steps.step(at: index)
        #expect(step.kind == .write && step.outRow == 1 && step.outColumn == 0)
    }
}
