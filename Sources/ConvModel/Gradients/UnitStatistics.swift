/// Per-layer measures of how much of a layer is doing anything: dead maps, exact zeros, and
/// the typical size of a gradient.
public enum UnitStatistics {
    /// The mean of |value| over every cell of every channel; 0 for an empty grid.
    public static func meanAbsolute(_ grid: Grid) -> Double {
        guard !grid.values.isEmpty else { return 0 }
        return grid.values.reduce(0) { $0 + abs($1) } / Double(grid.values.count)
    }

    /// The fraction of the layer's units that are dead over this input, or nil when the
    /// layer's activation is not of the ReLU family.
    ///
    /// A unit here is one filter together with the map it writes (a convolution shares a
    /// filter's weights across every position, so the filter is what lives or dies). It is
    /// dead when its pre-activation is <= 0 at every position of its map: a ReLU then outputs
    /// 0 everywhere and passes no gradient back, so its weights stop learning from this input;
    /// a leaky ReLU still passes its small slope.
    ///
    /// - Returns: dead filters / filters, in 0...1.
    public static func deadFraction(_ trace: LayerTrace) -> Double? {
        guard trace.layer.activation.isReLUFamily else { return nil }
        let maps = trace.preactivation.channels
        guard maps > 0 else { return 0 }
        var dead = 0
        for map in 0..<maps where trace.preactivation.channel(map).values.allSatisfy({ $0 <= 0 }) {
            dead += 1
        }
        return Double(dead) / Double(maps)
    }

    /// The fraction of a layer's output values (all maps, all cells) that are exactly 0
    /// after the activation. ReLU makes many; sigmoid only when it underflows.
    public static func sparsity(_ output: Grid) -> Double {
        guard !output.values.isEmpty else { return 0 }
        let zeros = output.values.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        return Double(zeros) / Double(output.values.count)
    }
}

extension Activation {
    /// True for ReLU and leaky ReLU: the activations whose units can die.
    public var isReLUFamily: Bool {
        switch self {
        case .relu, .leakyReLU: return true
        case .identity, .sigmoid, .tanh: return false
        }
    }
}
