import ConvModel
import Testing

@testable import LessonFormat

@Suite struct SceneTriggerTests {
    @Test func readsEveryForm() {
        #expect(SceneTriggerText.parse("start") == .start)
        #expect(SceneTriggerText.parse("END") == .end)
        #expect(SceneTriggerText.parse("step 12") == .step(12))
        #expect(SceneTriggerText.parse("layer 2") == .layer(2))
        #expect(SceneTriggerText.parse("activation") == .activation(layer: 1))
        #expect(SceneTriggerText.parse("activation 2") == .activation(layer: 2))
        #expect(
            SceneTriggerText.parse("cell 2 3")
                == .cell(row: 2, column: 3, filter: 1, layer: 1))
        #expect(
            SceneTriggerText.parse("cell 2, 3 layer 2 filter 4")
                == .cell(row: 2, column: 3, filter: 4, layer: 2))
    }

    @Test func refusesEverythingElse() {
        for text in [
            "", "begin", "start 1", "step", "step two", "step 1 2", "layer",
            "activation relu", "cell", "cell 1", "cell 1 x", "cell 1 1 filter",
            "cell 1 1 map 2",
        ] {
            #expect(SceneTriggerText.parse(Substring(text)) == nil, "\(text)")
        }
    }

    /// Layer 1: a 3x3 input, two 2x2 filters, ReLU. Each of its 2 x 4 cells takes
    /// place + 4 products + bias + write = 7 fine steps (56), then 8 activation steps.
    /// Layer 2: one 1x1 filter with two channels over the two maps: 4 cells x 5 steps.
    /// Fine: 64 + 20 = 84 steps. Coarse: 8 + 8 + 4 = 20.
    func sequences() throws -> (fine: StepSequence, coarse: StepSequence) {
        let lesson = try parser().parse(
            source(
                "# T", "```input", "1 2 3", "4 5 6", "7 8 9", "```",
                "```layer", "activation: relu", "```",
                "```filter a", "1 0", "0 1", "```", "```filter b", "0 1", "1 0", "```",
                "```layer", "```", "```filter mix", "1", "", "-1", "```"))
        let network = try lesson.network()
        return (
            StepSequence(network: network, granularity: .fine),
            StepSequence(network: network, granularity: .coarse)
        )
    }

    @Test func resolvesToFineAndCoarseSteps() throws {
        let (fine, coarse) = try sequences()
        #expect((fine.count, coarse.count) == (84, 20))
        let cases: [(SceneTrigger, fine: Int?, coarse: Int?)] = [
            (.start, 0, 0),
            (.end, 83, 19),
            (.step(1), 0, 0),
            // Fine step 10 is a product of filter a's second cell; coarse: that cell.
            (.step(10), 9, 1),
            // Fine step 60 activates filter a's fourth cell.
            (.step(60), 59, 11),
            (.step(84), 83, 19),
            (.layer(1), 0, 0),
            (.layer(2), 64, 16),
            (.activation(layer: 1), 56, 8),
            (.cell(row: 1, column: 1, filter: 1, layer: 1), 0, 0),
            // Filter b's last cell: (4 + 3) cells in, each 7 fine steps.
            (.cell(row: 2, column: 2, filter: 2, layer: 1), 49, 7),
            (.cell(row: 1, column: 2, filter: 1, layer: 2), 69, 17),
        ]
        for (trigger, fineIndex, coarseIndex) in cases {
            #expect(trigger.stepIndex(in: fine) == fineIndex, "\(trigger)")
            #expect(trigger.stepIndex(in: coarse) == coarseIndex, "\(trigger)")
        }
    }

    @Test func fineCellTriggersLandOnThePlaceStep() throws {
        let (fine, coarse) = try sequences()
        let trigger = SceneTrigger.cell(row: 2, column: 1, filter: 2, layer: 1)
        let fineStep = fine.step(at: try #require(trigger.stepIndex(in: fine)))
        #expect(fineStep.kind == .place)
        #expect((fineStep.filter, fineStep.outRow, fineStep.outColumn) == (1, 1, 0))
        let coarseStep = coarse.step(at: try #require(trigger.stepIndex(in: coarse)))
        #expect(coarseStep.kind == .write)
        #expect((coarseStep.filter, coarseStep.outRow, coarseStep.outColumn) == (1, 1, 0))
    }

    @Test func momentsTheLessonDoesNotHaveAreNil() throws {
        let (fine, coarse) = try sequences()
        let missing: [SceneTrigger] = [
            .step(0), .step(85), .layer(0), .layer(3), .activation(layer: 2),
            .activation(layer: 3), .cell(row: 3, column: 1, filter: 1, layer: 1),
            .cell(row: 1, column: 3, filter: 1, layer: 1),
            .cell(row: 1, column: 1, filter: 3, layer: 1),
            .cell(row: 1, column: 1, filter: 2, layer: 2),
            .cell(row: 0, column: 1, filter: 1, layer: 1),
        ]
        for trigger in missing {
            #expect(trigger.stepIndex(in: fine) == nil, "\(trigger)")
            #expect(trigger.stepIndex(in: coarse) == nil, "\(trigger)")
        }
    }
}
