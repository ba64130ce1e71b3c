/// The figures of the gradient panel for one activation: how large the gradient is at each
/// layer of a deep stack, and how much of each layer is dead or silent.
public struct ActivationGradients: Sendable, Equatable {
    public let activation: Activation
    /// The scheme the stack's weights were drawn with; `initialisation.name` is for screens.
    public let initialisation: WeightInitialisation
    /// Per layer, index 0 nearest the input: the mean |dL/dx| over every value of that layer's
    /// input, where L is the sum of the last layer's outputs.
    public let meanAbsGradient: [Double]
    /// Per layer: `UnitStatistics.deadFraction`; nil when the activation is not of the ReLU
    /// family, because only those units can die.
    public let deadFraction: [Double]?
    /// Per layer: `UnitStatistics.sparsity` of the layer's output.
    public let sparsity: [Double]
}

/// How gradients fade (or not) through deep stacks of identical convolution layers, one stack
/// per activation, all over the same input and from the same seed.
///
/// Each activation gets a `DeepStack` with the initialisation recommended for it; a forward
/// pass and `Backpropagation` then give, for every layer, the mean |gradient| of the sum of
/// the last layer's outputs with respect to that layer's input. With sigmoid it shrinks by
/// orders of magnitude towards the input; with ReLU and He initialisation it stays of the same
/// order.
///
///     let report = try GradientReport(seed: 7)
///     report.column(for: .sigmoid)?.meanAbsGradient.first   // the layer nearest the input
public struct GradientReport: Sendable, Equatable {
    /// Sigmoid, tanh, ReLU and leaky ReLU: the activations the lesson compares.
    public static let defaultActivations: [Activation] = [
        .sigmoid, .tanh, .relu, .leakyReLU(slope: Activation.defaultLeakySlope),
    ]
    public static let defaultSeed: UInt64 = 1
    /// The size of the seeded input used when none is given: that of the digit images.
    public static let defaultInputSize = 8

    public let layers: Int
    public let seed: UInt64
    public let channels: Int
    /// The grid every stack read.
    public let input: Grid
    /// One entry per activation, in the order asked for.
    public let columns: [ActivationGradients]

    /// Builds one stack per activation and measures it.
    ///
    /// - Parameters:
    ///   - input: The grid to read; nil means `seededInput(seed:)`.
    ///   - layers: Depth of every stack, at least 1 (`DeepStack.allowedDepths` for the UI).
    ///   - seed: Seeds every stack's weights (and the default input).
    ///   - activations: One stack for each, in this order.
    ///   - channels: Filters per layer.
    /// - Throws: `NetworkError` when the input is too small for a 3x3 filter even with
    ///   padding (an empty grid); `ModelError.nonFinite` when a value overflows, so every
    ///   figure of a report is finite.
    /// - Complexity: O(activations x layers x channels^2 x input cells x 9).
    public init(
        input: Grid? = nil, layers: Int = DeepStack.defaultDepth,
        seed: UInt64 = defaultSeed, activations: [Activation] = defaultActivations,
        channels: Int = DeepStack.defaultChannels
    ) throws {
        let grid = input ?? Self.seededInput(seed: seed)
        var columns: [ActivationGradients] = []
        for activation in activations {
            let stack = DeepStack(
                depth: layers, activation: activation,
                inputChannels: grid.channels, channels: channels, seed: seed)
            let network = try stack.network(for: grid)
            let backward = Backpropagation(network: network)
            try Self.checkFinite(network, backward, activation)
            let dead = network.traces.map(UnitStatistics.deadFraction)
            columns.append(
                ActivationGradients(
                    activation: activation,
                    initialisation: stack.initialisation,
                    meanAbsGradient: backward.inputGradients.map(UnitStatistics.meanAbsolute),
                    deadFraction: activation.isReLUFamily ? dead.map { $0 ?? 0 } : nil,
                    sparsity: network.traces.map { UnitStatistics.sparsity($0.output) }))
        }
        self.layers = layers
        self.seed = seed
        self.channels = channels
        self.input = grid
        self.columns = columns
    }

    /// Huge inputs can overflow to infinity (and then NaN) deep in a stack; such figures mean
    /// nothing and cannot be written as JSON, so they are refused rather than reported.
    private static func checkFinite(
        _ network: Network, _ backward: Backpropagation,
        _ activation: Activation
    ) throws {
        for (index, trace) in network.traces.enumerated() {
            let gradient = backward.inputGradients[index]
            guard trace.preactivation.values.allSatisfy(\.isFinite),
                gradient.values.allSatisfy(\.isFinite)
            else {
                throw ModelError.nonFinite(
                    "a value in layer \(index + 1) of the \(activation) stack")
            }
        }
    }

    public var activations: [Activation] { columns.map(\.activation) }
    /// `meanAbsGradient[activation][layer]`, activations in the order of `activations`.
    public var meanAbsGradient: [[Double]] { columns.map(\.meanAbsGradient) }
    public var deadFraction: [[Double]?] { columns.map(\.deadFraction) }
    public var sparsity: [[Double]] { columns.map(\.sparsity) }
    public var initialisations: [WeightInitialisation] { columns.map(\.initialisation) }

    /// Per layer, index 0 nearest the input: `sigmoidGradientBound` for the activations
    /// between that layer's input and the output (layers - index of them).
    public var sigmoidBound: [Double] {
        (0..<layers).map { sigmoidGradientBound(layers: layers - $0) }
    }

    /// The figures for `activation`, if the report has them.
    public func column(for activation: Activation) -> ActivationGradients? {
        columns.first { $0.activation == activation }
    }

    /// A grid of values drawn evenly from [0, 1), like a picture scaled to 0...1.
    ///
    /// It comes from a stream of its own (the seed mixed with a fixed constant), so its values
    /// are not the same draws as the first layer's weights.
    public static func seededInput(
        seed: UInt64, height: Int = defaultInputSize,
        width: Int = defaultInputSize
    ) -> Grid {
        var generator = SplitMix64(seed: seed ^ 0x1A2B_3C4D_5E6F_7081)
        var grid = Grid(height: height, width: width)
        for row in 0..<height {
            for column in 0..<width {
                grid[row, column] = generator.nextUnit()
            }
        }
        return grid
    }
}
