import ConvModel

/// A prediction the student makes before the lesson shows the answer (an `ask:` line).
///
/// Numbers count from 1, as in `when:` lines.
public enum Question: Sendable, Equatable {
    /// The value a map cell gets before the activation: the products, summed, plus the bias.
    case cell(row: Int, column: Int, filter: Int, layer: Int)
    /// The value a map cell has after the layer's activation (ReLU keeps it or makes it 0).
    case activation(row: Int, column: Int, filter: Int, layer: Int)
    /// The height and width of a layer's output maps.
    case size(layer: Int)

    /// The right answer, worked out from the lesson's network.
    public enum Answer: Sendable, Equatable {
        case number(Double)
        case size(height: Int, width: Int)
    }

    public var layer: Int {
        switch self {
        case .cell(_, _, _, let layer), .activation(_, _, _, let layer): return layer
        case .size(let layer): return layer
        }
    }

    /// The answer in `network`, or nil when the lesson has no such cell or layer.
    public func answer(in network: Network) -> Answer? {
        guard layer >= 1 && layer <= network.traces.count else { return nil }
        let trace = network.traces[layer - 1]
        switch self {
        case .size:
            return .size(height: trace.geometry.outputHeight, width: trace.geometry.outputWidth)
        case .cell(let row, let column, let filter, _):
            guard Self.contains(trace, row, column, filter) else { return nil }
            return .number(trace.preactivation[row - 1, column - 1, filter - 1])
        case .activation(let row, let column, let filter, _):
            guard Self.contains(trace, row, column, filter) else { return nil }
            return .number(trace.output[row - 1, column - 1, filter - 1])
        }
    }

    /// The first step of `steps` at which the screen shows the answer; a prompt must come no
    /// later. Sizes have none: the lesson view hides a map's size while it is being asked.
    public func revealStep(in steps: StepSequence) -> Int? {
        let traces = steps.network.traces
        guard layer >= 1 && layer <= traces.count else { return nil }
        let trace = traces[layer - 1]
        switch self {
        case .size:
            return nil
        case .cell(let row, let column, let filter, _):
            guard Self.contains(trace, row, column, filter) else { return nil }
            return steps.writeStep(layer: layer - 1, filter: filter - 1, outRow: row - 1,
                                   outColumn: column - 1)
        case .activation(let row, let column, let filter, _):
            guard Self.contains(trace, row, column, filter),
                  let start = steps.firstActivationStep(layer: layer - 1)
            else { return nil }
            let cells = trace.geometry.outputHeight * trace.geometry.outputWidth
            return start + (filter - 1) * cells + (row - 1) * trace.geometry.outputWidth
                + column - 1
        }
    }

    private static func contains(_ trace: LayerTrace, _ row: Int, _ column: Int, _ filter: Int)
        -> Bool
    {
        row >= 1 && row <= trace.geometry.outputHeight && column >= 1
            && column <= trace.geometry.outputWidth && filter >= 1
            && filter <= trace.appliedFilters.count
    }
}

/// Reads the value of an `ask:` line.
enum QuestionText {
    static let forms = "cell ROW COL [filter F] [layer L], activation ROW COL [filter F] "
        + "[layer L], size [layer L]"

    static func parse(_ text: Substring) -> Question? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            .map { $0.lowercased() }
        guard let head = words.first else { return nil }
        let rest = Array(words.dropFirst())
        switch head {
        case "size":
            guard let options = SceneTriggerText.options(rest[...], allowed: ["layer"]) else {
                return nil
            }
            return .size(layer: options["layer"] ?? 1)
        case "cell", "activation":
            guard rest.count >= 2, let row = Int(rest[0]), let column = Int(rest[1]),
                  let options = SceneTriggerText.options(rest.dropFirst(2),
                                                         allowed: ["filter", "layer"])
            else { return nil }
            let filter = options["filter"] ?? 1
            let layer = options["layer"] ?? 1
            return head == "cell"
                ? .cell(row: row, column: column, filter: filter, layer: layer)
                : .activation(row: row, column: column, filter: filter, layer: layer)
        default:
            return nil
        }
    }
}
