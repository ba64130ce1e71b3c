/// What happens at one step of pooling.
public enum PoolingStepKind: Sendable, Equatable {
    /// The window is placed over the map.
    case place
    /// Value number `index` of the window (reading order) is compared with the largest so
    /// far, or added to the sum.
    case visit(index: Int)
    /// The result is written into the pooled map.
    case write
}

/// One moment of pooling: which pooled cell, which phase, and the value so far.
public struct PoolingStep: Sendable, Equatable {
    public let index: Int
    public let channel: Int
    public let outRow: Int
    public let outColumn: Int
    public let kind: PoolingStepKind
    /// The largest value so far (max) or the running sum (average); the result at `.write`.
    public let runningValue: Double
}

/// Pooling as numbered steps, built from the index alone like `StepSequence`: channel by
/// channel, pooled cells in reading order; in fine steps each cell is placed, visits every
/// value of its window and is written, in coarse steps it is only written.
public struct PoolingSteps: Sendable, Equatable {
    public let trace: PoolingTrace
    public let granularity: Granularity

    public init(trace: PoolingTrace, granularity: Granularity) {
        self.trace = trace
        self.granularity = granularity
    }

    public var stepsPerCell: Int {
        granularity == .fine ? trace.pooling.window * trace.pooling.window + 2 : 1
    }

    public var count: Int {
        trace.output.height * trace.output.width * trace.output.channels * stepsPerCell
    }

    /// The step at `index`, which must be in 0..<count.
    public func step(at index: Int) -> PoolingStep {
        precondition(index >= 0 && index < count, "step \(index) outside 0..<\(count)")
        let cells = trace.output.height * trace.output.width
        let cell = index / stepsPerCell
        let channel = cell / cells
        let row = (cell % cells) / trace.output.width
        let column = (cell % cells) % trace.output.width
        let window = trace.window(outRow: row, outColumn: column, channel: channel)
        let phase = index % stepsPerCell
        let kind: PoolingStepKind
        let value: Double
        if granularity == .coarse || phase == stepsPerCell - 1 {
            kind = .write
            value = window.result
        } else if phase == 0 {
            kind = .place
            value = trace.pooling.kind == .max ? -.infinity : 0
        } else {
            kind = .visit(index: phase - 1)
            value = window.value(after: phase)
        }
        return PoolingStep(index: index, channel: channel, outRow: row, outColumn: column,
                           kind: kind, runningValue: value)
    }

    /// The step that writes pooled cell (row, column) of `channel`.
    public func writeStep(channel: Int, outRow: Int, outColumn: Int) -> Int {
        let cells = trace.output.height * trace.output.width
        let cell = channel * cells + outRow * trace.output.width + outColumn
        return cell * stepsPerCell + stepsPerCell - 1
    }
}
