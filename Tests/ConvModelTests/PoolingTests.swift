import Testing
@testable import ConvModel

@Suite struct PoolingTests {
    // A 4x5 map; every expected value was computed with NumPy by slicing each window and
    // taking np.max or np.mean, and matches torch's nn.MaxPool2d / nn.AvgPool2d.
    let map = grid([[1, 3, 2, 0, 5], [4, -1, 6, 2, 1], [0, 2, 7, 8, 3], [9, 1, -2, 4, 6]])

    @Test func maxAndAverageMatchNumPy() throws {
        let max2 = try Pooling(kind: .max).apply(to: map)
        #expect(max2.output.rows() == [[4, 6], [9, 8]])
        let average2 = try Pooling(kind: .average).apply(to: map)
        #expect(average2.output.rows() == [[1.75, 2.5], [3, 4.25]])
        let overlapping = try Pooling(kind: .max, window: 2, stride: 1).apply(to: map)
        #expect(overlapping.output.rows() == [[4, 6, 6, 5], [4, 7, 8, 8], [9, 7, 8, 8]])
        let max3 = try Pooling(kind: .max, window: 3, stride: 1).apply(to: map)
        #expect(max3.output.rows() == [[7, 8, 8], [9, 8, 8]])
        let average3 = try Pooling(kind: .average, window: 3, stride: 2).apply(to: map)
        #expect(average3.output.height == 1 && average3.output.width == 2)
        #expect(abs(average3.output[0, 0] - 24.0 / 9) < 1e-12)
        #expect(abs(average3.output[0, 1] - 34.0 / 9) < 1e-12)
    }

    @Test func eachPooledCellTracesBackToItsWindow() throws {
        let trace = try Pooling(kind: .max).apply(to: map)
        let window = trace.window(outRow: 1, outColumn: 1, channel: 0)
        #expect(window.rows == 2..<4 && window.columns == 2..<4)
        #expect(window.values == [7, 8, -2, 4])
        #expect(window.chosen! == (2, 3))
        #expect(window.contains(row: 3, column: 2) && !window.contains(row: 1, column: 2))
        let average = try Pooling(kind: .average).apply(to: map)
        #expect(average.window(outRow: 0, outColumn: 0, channel: 0).chosen == nil)
    }

    @Test func channelsArePooledSeparately() throws {
        let two = Grid.stacked([map, map.map { -$0 }])
        let trace = try Pooling(kind: .max).apply(to: two)
        #expect(trace.output.rows(channel: 1) == [[1, 0], [0, 2]])
    }

    @Test func sizesFollowTheFloorFormulaAndBadSettingsAreRefused() {
        #expect(Pooling(kind: .max, window: 2).outputSize(inputSize: 7) == 3)
        #expect(Pooling(kind: .max, window: 3, stride: 2).outputSize(inputSize: 7) == 3)
        #expect(Pooling(kind: .max, window: 3, stride: 2).outputSize(inputSize: 2) == 0)
        #expect(throws: PoolingError.windowLargerThanInput(window: 5, height: 4, width: 5)) {
            try Pooling(kind: .max, window: 5).apply(to: map)
        }
        #expect(throws: PoolingError.strideBelowOne(0)) {
            try Pooling(kind: .max, window: 2, stride: 0).apply(to: map)
        }
        #expect("\(PoolingError.windowLargerThanInput(window: 5, height: 4, width: 5))"
                    == "a 5x5 pooling window does not fit in a 4x5 map")
    }

    @Test func fineStepsVisitEveryValueOfTheWindow() throws {
        let trace = try Pooling(kind: .max).apply(to: map)
        let steps = PoolingSteps(trace: trace, granularity: .fine)
        #expect(steps.stepsPerCell == 6)
        #expect(steps.count == 4 * 6)
        // Cell (0, 1) covers 2 0 / 6 2: the running maximum goes 2, 2, 6, 6.
        let start = 6
        #expect(steps.step(at: start).kind == .place)
        #expect((1...4).map { steps.step(at: start + $0).runningValue } == [2, 2, 6, 6])
        #expect(steps.step(at: start + 2).kind == .visit(index: 1))
        let write = steps.step(at: start + 5)
        #expect(write.kind == .write && write.runningValue == 6)
        #expect(write.outRow == 0 && write.outColumn == 1)
        #expect(steps.writeStep(channel: 0, outRow: 0, outColumn: 1) == start + 5)
    }

    @Test func averageStepsAddThenDivideAndCoarseStepsOnlyWrite() throws {
        let trace = try Pooling(kind: .average).apply(to: map)
        let fine = PoolingSteps(trace: trace, granularity: .fine)
        // Cell (1, 1) covers 7 8 / -2 4: sums 7, 15, 13, 17, then 17 / 4.
        let start = 3 * 6
        #expect((1...4).map { fine.step(at: start + $0).runningValue } == [7, 15, 13, 17])
        #expect(fine.step(at: start + 5).runningValue == 4.25)
        let coarse = PoolingSteps(trace: trace, granularity: .coarse)
        #expect(coarse.count == 4)
        #expect((0..<4).map { coarse.step(at: $0).runningValue } == [1.75, 2.5, 3, 4.25])
        #expect(coarse.writeStep(channel: 0, outRow: 1, outColumn: 0) == 2)
    }
}
