/// A network's computation as a deterministic list of steps.
///
/// For each layer, each filter slides over every output position in reading order; then, when
/// the layer has an activation other than the identity, an activation pass visits every cell
/// of every map. Steps are computed from their index alone, so jumping to step N and stepping
/// back are both exact.
public struct StepSequence: Sendable, Equatable {
    public let network: Network
    public let granularity: Granularity
    /// Index of each layer's first step, plus the total at the end.
    private let layerStarts: [Int]

    public init(network: Network, granularity: Granularity) {
        self.network = network
        self.granularity = granularity
        var starts = [0]
        for trace in network.traces {
            starts.append(starts.last! + Self.stepCount(of: trace, granularity: granularity))
        }
        self.layerStarts = starts
    }

    public var count: Int { layerStarts.last ?? 0 }

    /// Steps one output cell takes while its dot product is built.
    public static func stepsPerCell(_ trace: LayerTrace, granularity: Granularity) -> Int {
        guard granularity == .fine else { return 1 }
        let filter = trace.appliedFilters[0]
        return filter.height * filter.width * filter.channels + 3
    }

    static func stepCount(of trace: LayerTrace, granularity: Granularity) -> Int {
        let cells = trace.geometry.outputHeight * trace.geometry.outputWidth
        let maps = trace.appliedFilters.count
        let convolution = maps * cells * stepsPerCell(trace, granularity: granularity)
        let activation = trace.layer.activation == .identity ? 0 : maps * cells
        return convolution + activation
    }

    /// The first step of layer `layer`.
    public func firstStep(ofLayer layer: Int) -> Int { layerStarts[layer] }

    /// The step at `index`, which must be in 0..<count.
    public func step(at index: Int) -> Step {
        precondition(index >= 0 && index < count, "step \(index) outside 0..<\(count)")
        var layer = 0
        while layerStarts[layer + 1] <= index { layer += 1 }
        let trace = network.traces[layer]
        let local = index - layerStarts[layer]
        let cells = trace.geometry.outputHeight * trace.geometry.outputWidth
        let width = trace.geometry.outputWidth
        let perCell = Self.stepsPerCell(trace, granularity: granularity)
        let convolutionSteps = trace.appliedFilters.count * cells * perCell

        if local >= convolutionSteps {
            let cell = local - convolutionSteps
            let filter = cell / cells
            let position = cell % cells
            let sum = trace.preactivation[position / width, position % width, filter]
            return Step(index: index, layer: layer, filter: filter, outRow: position / width,
                        outColumn: position % width, kind: .activate, runningSum: sum)
        }

        let filter = local / (cells * perCell)
        let position = (local / perCell) % cells
        let row = position / width
        let column = position % width
        let finished = trace.preactivation[row, column, filter]
        guard granularity == .fine else {
            return Step(index: index, layer: layer, filter: filter, outRow: row,
                        outColumn: column, kind: .write, runningSum: finished)
        }
        let phase = local % perCell
        let kind: StepKind
        let sum: Double
        switch phase {
        case 0:
            kind = .place
            sum = 0
        case perCell - 2:
            kind = .bias
            sum = finished
        case perCell - 1:
            kind = .write
            sum = finished
        default:
            kind = .product(index: phase - 1)
            sum = products(layer: layer, filter: filter, outRow: row, outColumn: column)
                .prefix(phase).reduce(0) { $0 + $1.result }
        }
        return Step(index: index, layer: layer, filter: filter, outRow: row, outColumn: column,
                    kind: kind, runningSum: sum)
    }

    /// The terms of the dot product for one output cell, in the order the stepper adds them.
    public func products(layer: Int, filter: Int, outRow: Int, outColumn: Int) -> [Product] {
        let trace = network.traces[layer]
        let kernel = trace.appliedFilters[filter]
        var terms: [Product] = []
        terms.reserveCapacity(kernel.height * kernel.width * kernel.channels)
        for channel in 0..<kernel.channels {
            for kernelRow in 0..<kernel.height {
                for kernelColumn in 0..<kernel.width {
                    let position = trace.geometry.inputPosition(
                        outRow: outRow, outColumn: outColumn, kernelRow: kernelRow,
                        kernelColumn: kernelColumn)
                    terms.append(Product(
                        channel: channel, kernelRow: kernelRow, kernelColumn: kernelColumn,
                        inputRow: position.row, inputColumn: position.column,
                        weight: kernel.weights[kernelRow, kernelColumn, channel],
                        value: trace.input.paddedValue(
                            row: position.row, column: position.column, channel: channel)))
                }
            }
        }
        return terms
    }

    /// The step that writes output cell (row, column) of `filter`'s map in `layer`: where a
    /// click on that cell jumps.
    public func writeStep(layer: Int, filter: Int, outRow: Int, outColumn: Int) -> Int {
        let trace = network.traces[layer]
        let cells = trace.geometry.outputHeight * trace.geometry.outputWidth
        let perCell = Self.stepsPerCell(trace, granularity: granularity)
        let position = outRow * trace.geometry.outputWidth + outColumn
        return layerStarts[layer] + (filter * cells + position) * perCell + perCell - 1
    }

    /// The first step of the activation pass of `layer`, or nil when it has none.
    public func firstActivationStep(layer: Int) -> Int? {
        let trace = network.traces[layer]
        guard trace.layer.activation != .identity else { return nil }
        let cells = trace.geometry.outputHeight * trace.geometry.outputWidth
        return layerStarts[layer] + trace.appliedFilters.count * cells
            * Self.stepsPerCell(trace, granularity: granularity)
    }

    /// The step in this sequence that shows the same moment as `step` of another granularity:
    /// switching fine to coarse lands on the same cell's write, and back on its place step.
    public func equivalent(of step: Step) -> Int {
        if step.kind == .activate, let start = firstActivationStep(layer: step.layer) {
            let trace = network.traces[step.layer]
            let cells = trace.geometry.outputHeight * trace.geometry.outputWidth
            return start + step.filter * cells + step.cellIndex(width: trace.geometry.outputWidth)
        }
        let write = writeStep(layer: step.layer, filter: step.filter, outRow: step.outRow,
                              outColumn: step.outColumn)
        guard granularity == .fine, step.kind == .write else { return write }
        return write
    }

    /// How far each map of `layer` is filled at `step`: cells written (in reading order) and
    /// cells already passed through the activation.
    public func progress(ofLayer layer: Int, filter: Int, at step: Step)
        -> (written: Int, activated: Int)
    {
        let trace = network.traces[layer]
        let cells = trace.geometry.outputHeight * trace.geometry.outputWidth
        if layer < step.layer { return (cells, cells) }
        if layer > step.layer { return (0, 0) }
        let current = step.cellIndex(width: trace.geometry.outputWidth)
        if step.kind == .activate {
            if filter < step.filter { return (cells, cells) }
            if filter > step.filter { return (cells, 0) }
            return (cells, current + 1)
        }
        if filter < step.filter { return (cells, 0) }
        if filter > step.filter { return (0, 0) }
        return (step.kind == .write ? current + 1 : current, 0)
    }
}
