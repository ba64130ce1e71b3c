/// How a layer's starting weights are drawn: the scheme the literature pairs with each
/// activation, named so that a screen can say which one a stack used.
///
/// Both keep the size of the signal roughly constant from layer to layer at the start of
/// training; they differ in which activation they assume.
///
/// - Xavier/Glorot (Glorot and Bengio, 2010), for sigmoid, tanh and no activation: weights
///   uniform in ±sqrt(6 / (fanIn + fanOut)), a variance of 2 / (fanIn + fanOut).
/// - He (He et al., 2015), for ReLU and leaky ReLU: weights normal with mean 0 and variance
///   2 / ((1 + a^2) fanIn), where a is the leaky slope (0 for ReLU). A ReLU zeroes about half
///   of its inputs, and the factor 2 makes up for it.
///
/// For a convolution, fanIn = input channels x kernel cells and fanOut = filters x kernel
/// cells: the number of weights that meet one input value, or one output value.
public enum WeightInitialisation: Sendable, Equatable, CustomStringConvertible {
    case xavierUniform
    /// He's normal initialisation; `negativeSlope` is the leaky ReLU's slope (0 for ReLU).
    case heNormal(negativeSlope: Double)

    /// The scheme usually paired with `activation`.
    public static func recommended(for activation: Activation) -> WeightInitialisation {
        switch activation {
        case .relu: return .heNormal(negativeSlope: 0)
        case .leakyReLU(let slope): return .heNormal(negativeSlope: slope)
        case .sigmoid, .tanh, .identity: return .xavierUniform
        }
    }

    /// The name a screen shows.
    public var name: String {
        switch self {
        case .xavierUniform: return "Xavier/Glorot uniform"
        case .heNormal: return "He normal"
        }
    }

    public var description: String { name }

    /// The variance of each weight for a layer with this fan-in and fan-out.
    public func variance(fanIn: Int, fanOut: Int) -> Double {
        switch self {
        case .xavierUniform:
            return 2 / Double(fanIn + fanOut)
        case .heNormal(let slope):
            return 2 / ((1 + slope * slope) * Double(fanIn))
        }
    }

    /// Draws one weight.
    public func sample(fanIn: Int, fanOut: Int, using generator: inout SplitMix64) -> Double {
        let variance = variance(fanIn: fanIn, fanOut: fanOut)
        switch self {
        case .xavierUniform:
            // A uniform spread of ±b has variance b^2 / 3.
            let bound = (3 * variance).squareRoot()
            return generator.nextUniform(from: -bound, to: bound)
        case .heNormal:
            return generator.nextGaussian(mean: 0, standardDeviation: variance.squareRoot())
        }
    }
}
