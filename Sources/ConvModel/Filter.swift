/// A filter (kernel): a small grid of weights with as many channels as its input, plus one
/// bias. It produces one activation map.
public struct Filter: Sendable, Equatable {
    public var name: String
    public var weights: Grid
    public var bias: Double

    public init(name: String, weights: Grid, bias: Double = 0) {
        self.name = name
        self.weights = weights
        self.bias = bias
    }

    public var height: Int { weights.height }
    public var width: Int { weights.width }
    public var channels: Int { weights.channels }

    /// The kernel turned by 180 degrees. Convolution in the textbook sense flips the kernel;
    /// deep-learning layers do not (they compute cross-correlation), and lessons show both.
    public var flipped: Filter {
        var turned = weights
        for channel in 0..<channels {
            for row in 0..<height {
                for column in 0..<width {
                    turned[row, column, channel] =
                        weights[height - 1 - row, width - 1 - column, channel]
                }
            }
        }
        return Filter(name: name, weights: turned, bias: bias)
    }
}
