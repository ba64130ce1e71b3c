/// How finely a lesson is stepped.
public enum Granularity: String, Sendable, Equatable, CaseIterable {
    /// Place the filter, add one product at a time, add the bias, write the cell.
    case fine
    /// One step per output cell (and one per cell of the activation pass).
    case coarse
}

/// What happens at one step.
public enum StepKind: Sendable, Equatable {
    /// The filter's window is placed over the input; the running sum starts at 0.
    case place
    /// Product number `index` (from 0, channel by channel, row by row) joins the running sum.
    case product(index: Int)
    /// The bias joins the sum.
    case bias
    /// The finished sum is written into the activation map.
    case write
    /// The activation function is applied to one cell of the map.
    case activate
}

/// One teachable moment: where the filter is, what was just added, and how much of each map
/// is filled. A step is a value: step N can be built directly, without replaying 1..N-1.
public struct Step: Sendable, Equatable {
    /// Position in the sequence, from 0. Screens show `index + 1`.
    public let index: Int
    /// Layer, from 0.
    public let layer: Int
    /// Filter (and so output map) within the layer, from 0.
    public let filter: Int
    public let outRow: Int
    public let outColumn: Int
    public let kind: StepKind
    /// The dot product so far (including the bias from `.bias` on).
    public let runningSum: Double

    /// True while the layer's activation pass runs.
    public var isActivation: Bool { kind == .activate }

    /// Raster index of the output cell this step works on.
    public func cellIndex(width: Int) -> Int { outRow * width + outColumn }
}

/// One term of a dot product: which weight met which input value.
public struct Product: Sendable, Equatable {
    public let channel: Int
    public let kernelRow: Int
    public let kernelColumn: Int
    /// The input cell read; it may lie in the padding, where the value is 0.
    public let inputRow: Int
    public let inputColumn: Int
    public let weight: Double
    public let value: Double

    public var result: Double { weight * value }
}
