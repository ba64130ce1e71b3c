import Foundation

/// An elementwise activation function and its derivative.
public enum Activation: Sendable, Equatable, CustomStringConvertible {
    case identity
    case relu
    /// max(slope * x, x) for a small positive slope, so negative inputs keep a gradient.
    case leakyReLU(slope: Double)
    case sigmoid
    case tanh

    public static let defaultLeakySlope = 0.01

    /// The names used on the command line and in lesson files.
    public static let names = ["none", "relu", "leaky-relu", "sigmoid", "tanh"]

    /// Parses `none`/`identity`, `relu`, `leaky-relu` (or `leaky-relu:0.1`), `sigmoid`, `tanh`.
    public init?(name: String) {
        let lowered = name.lowercased()
        switch lowered {
        case "none", "identity", "linear": self = .identity
        case "relu": self = .relu
        case "leaky-relu", "leakyrelu", "leaky_relu":
            self = .leakyReLU(slope: Self.defaultLeakySlope)
        case "sigmoid": self = .sigmoid
        case "tanh": self = .tanh
        default:
            guard lowered.hasPrefix("leaky-relu:"),
                  let slope = Double(lowered.dropFirst("leaky-relu:".count)),
                  slope.isFinite, slope >= 0, slope < 1
            else { return nil }
            self = .leakyReLU(slope: slope)
        }
    }

    public var description: String {
        switch self {
        case .identity: return "none"
        case .relu: return "relu"
        case .leakyReLU(let slope):
            return slope == Self.defaultLeakySlope ? "leaky-relu" : "leaky-relu:\(slope)"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        }
    }

    /// A short formula for the screen.
    public var formula: String {
        switch self {
        case .identity: return "f(x) = x"
        case .relu: return "ReLU(x) = max(0, x)"
        case .leakyReLU(let slope): return "max(\(slope)x, x)"
        case .sigmoid: return "σ(x) = 1/(1+e^-x)"
        case .tanh: return "tanh(x)"
        }
    }

    public func value(_ x: Double) -> Double {
        switch self {
        case .identity: return x
        case .relu: return ConvModel.relu(x)
        case .leakyReLU(let slope): return x > 0 ? x : slope * x
        case .sigmoid: return ConvModel.sigmoid(x)
        case .tanh: return Foundation.tanh(x)
        }
    }

    /// The derivative at `x`. At exactly 0, ReLU's derivative is taken as 0 (the usual
    /// convention; the function has no derivative there).
    public func derivative(_ x: Double) -> Double {
        switch self {
        case .identity: return 1
        case .relu: return x > 0 ? 1 : 0
        case .leakyReLU(let slope): return x > 0 ? 1 : slope
        case .sigmoid: return ConvModel.sigmoidDerivative(x)
        case .tanh:
            let t = Foundation.tanh(x)
            return 1 - t * t
        }
    }
}

/// max(0, x).
@inlinable
public func relu(_ x: Double) -> Double { x > 0 ? x : 0 }

/// 1 / (1 + e^-x), computed so that neither branch overflows: for negative x it uses
/// e^x / (1 + e^x), so sigmoid(-1000) is exactly 0 rather than NaN.
@inlinable
public func sigmoid(_ x: Double) -> Double {
    if x >= 0 {
        return 1 / (1 + exp(-x))
    }
    let e = exp(x)
    return e / (1 + e)
}

/// sigmoid(x) * (1 - sigmoid(x)); at most 0.25, reached at x = 0.
@inlinable
public func sigmoidDerivative(_ x: Double) -> Double {
    let s = sigmoid(x)
    return s * (1 - s)
}
