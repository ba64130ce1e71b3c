/// A deep stack of identical convolution layers with freshly drawn weights: the set-up in
/// which vanishing gradients show.
///
/// Every layer has `channels` 3x3 filters, stride 1 and "same" padding, so each map keeps the
/// input's height and width however deep the stack is, and every layer (the last included)
/// applies the same activation. Weights come from the initialisation the literature pairs
/// with that activation; biases start at 0, as they usually do.
///
///     let stack = DeepStack(depth: 10, activation: .sigmoid, inputChannels: 1, seed: 7)
///     let network = try stack.network(for: input)
public struct DeepStack: Sendable, Equatable {
    /// The depths a lesson or the command line may ask for.
    public static let allowedDepths = 2...30
    public static let defaultDepth = 10
    /// Filters per layer: enough for a layer to mix several maps, few enough to stay fast.
    public static let defaultChannels = 4
    /// Kernel height and width.
    public static let kernelSize = 3

    public let activation: Activation
    public let initialisation: WeightInitialisation
    public let seed: UInt64
    /// The layers, index 0 nearest the input.
    public let layers: [ConvLayer]

    /// Draws the weights of a new stack.
    ///
    /// Weights are drawn layer by layer, filter by filter, in the grid's channel-major order,
    /// all from one `SplitMix64(seed:)`; so two stacks with the same seed share their random
    /// draws and differ only by the activation and its initialisation.
    ///
    /// - Parameters:
    ///   - depth: How many layers, at least 1; `allowedDepths` is what the UI offers.
    ///   - inputChannels: The channels of the grid the stack will read.
    ///   - channels: Filters in every layer, and so channels of every layer's output.
    ///   - initialisation: The scheme for the weights; by default the one recommended for
    ///     `activation`.
    public init(
        depth: Int = defaultDepth, activation: Activation, inputChannels: Int,
        channels: Int = defaultChannels, seed: UInt64,
        initialisation: WeightInitialisation? = nil
    ) {
        precondition(depth >= 1, "a stack needs at least one layer")
        precondition(inputChannels >= 1 && channels >= 1, "layers need at least one channel")
        let scheme = initialisation ?? .recommended(for: activation)
        let kernelCells = Self.kernelSize * Self.kernelSize
        let settings = ConvolutionSettings(stride: 1, padding: .same)
        var generator = SplitMix64(seed: seed)
        var layers: [ConvLayer] = []

        for layerIndex in 0..<depth {
            let inChannels = layerIndex == 0 ? inputChannels : channels
            let fanIn = inChannels * kernelCells
            let fanOut = channels * kernelCells
            var filters: [Filter] = []
            for filterIndex in 0..<channels {
                var weights = Grid(
                    height: Self.kernelSize, width: Self.kernelSize, channels: inChannels)
                for channel in 0..<inChannels {
                    for row in 0..<Self.kernelSize {
                        for column in 0..<Self.kernelSize {
                            weights[row, column, channel] = scheme.sample(
                                fanIn: fanIn, fanOut: fanOut, using: &generator)
                        }
                    }
                }
                filters.append(
                    Filter(
                        name: "L\(layerIndex + 1)F\(filterIndex + 1)", weights: weights, bias: 0))
            }
            layers.append(ConvLayer(filters: filters, settings: settings, activation: activation))
        }

        self.activation = activation
        self.initialisation = scheme
        self.seed = seed
        self.layers = layers
    }

    public var depth: Int { layers.count }

    /// Runs the stack forward over `input`.
    ///
    /// - Throws: `NetworkError` when `input` has a different number of channels than the
    ///   stack was built for.
    public func network(for input: Grid) throws -> Network {
        try Network(input: input, layers: layers)
    }
}
