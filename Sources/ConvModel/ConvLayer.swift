/// One convolution layer: its filters (one output map each), where they land, and the
/// activation applied to every cell of every map afterwards.
public struct ConvLayer: Sendable, Equatable {
    public var filters: [Filter]
    public var settings: ConvolutionSettings
    public var activation: Activation

    public init(filters: [Filter], settings: ConvolutionSettings = ConvolutionSettings(),
                activation: Activation = .identity) {
        self.filters = filters
        self.settings = settings
        self.activation = activation
    }

    /// Checks the layer against an input and returns its geometry.
    public func geometry(forInputHeight height: Int, width: Int, channels: Int) throws
        -> OutputGeometry
    {
        guard let first = filters.first else { throw ModelError.noFilters }
        for filter in filters {
            guard filter.channels == channels else {
                throw ModelError.channelCountMismatch(
                    filter: filter.name, filterChannels: filter.channels, inputChannels: channels)
            }
            guard filter.height == first.height, filter.width == first.width else {
                throw ModelError.filterShapesDiffer(filter: filter.name)
            }
        }
        return try OutputGeometry(
            inputHeight: height, inputWidth: width, kernelHeight: first.height,
            kernelWidth: first.width, settings: settings)
    }
}

/// Everything one layer computed for one input, kept so that any step can be shown.
public struct LayerTrace: Sendable, Equatable {
    public let layer: ConvLayer
    public let input: Grid
    public let geometry: OutputGeometry
    /// The filters as applied (flipped first when the layer flips kernels).
    public let appliedFilters: [Filter]
    /// Dot product plus bias, one channel per filter.
    public let preactivation: Grid
    /// The activation applied to every cell of `preactivation`.
    public let output: Grid
}

/// The deep-learning convolution: cross-correlation summed over every input channel, plus
/// one bias per filter.
public enum Convolution {
    /// Runs one layer over `input`.
    ///
    /// - Throws: `ModelError` when the layer's settings or filters do not fit the input.
    /// - Complexity: O(filters x output cells x kernel cells x channels).
    public static func apply(_ layer: ConvLayer, to input: Grid) throws -> LayerTrace {
        let geometry = try layer.geometry(
            forInputHeight: input.height, width: input.width, channels: input.channels)
        let applied = layer.settings.flipsKernel ? layer.filters.map(\.flipped) : layer.filters
        var preactivation = Grid(
            height: geometry.outputHeight, width: geometry.outputWidth, channels: applied.count)
        for (index, filter) in applied.enumerated() {
            for outRow in 0..<geometry.outputHeight {
                for outColumn in 0..<geometry.outputWidth {
                    preactivation[outRow, outColumn, index] =
                        dotProduct(filter, input, geometry, outRow, outColumn) + filter.bias
                }
            }
        }
        let output = preactivation.map(layer.activation.value)
        return LayerTrace(
            layer: layer, input: input, geometry: geometry, appliedFilters: applied,
            preactivation: preactivation, output: output)
    }

    /// Sum over channels and kernel taps of weight x input value, padding reading as 0.
    public static func dotProduct(_ filter: Filter, _ input: Grid, _ geometry: OutputGeometry,
                                  _ outRow: Int, _ outColumn: Int) -> Double {
        var sum = 0.0
        for channel in 0..<filter.channels {
            for kernelRow in 0..<filter.height {
                for kernelColumn in 0..<filter.width {
                    let position = geometry.inputPosition(
                        outRow: outRow, outColumn: outColumn, kernelRow: kernelRow,
                        kernelColumn: kernelColumn)
                    sum += filter.weights[kernelRow, kernelColumn, channel]
                        * input.paddedValue(
                            row: position.row, column: position.column, channel: channel)
                }
            }
        }
        return sum
    }
}

/// Layers applied in order, each one's output (after its activation) being the next one's
/// input.
public struct Network: Sendable, Equatable {
    public let input: Grid
    public let traces: [LayerTrace]

    /// - Throws: `NetworkError` naming the layer (from 1) whose settings do not fit.
    public init(input: Grid, layers: [ConvLayer]) throws {
        var traces: [LayerTrace] = []
        var current = input
        for (index, layer) in layers.enumerated() {
            do {
                let trace = try Convolution.apply(layer, to: current)
                traces.append(trace)
                current = trace.output
            } catch let error as ModelError {
                throw NetworkError(layer: index + 1, reason: error)
            }
        }
        self.input = input
        self.traces = traces
    }

    public var output: Grid { traces.last?.output ?? input }
}

/// A layer of a stack that cannot run, and why.
public struct NetworkError: Error, Equatable, Sendable, CustomStringConvertible {
    public let layer: Int
    public let reason: ModelError

    public var description: String { "layer \(layer): \(reason)" }
}
