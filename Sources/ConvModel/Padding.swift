/// How many zero cells surround the input before the filter slides over it.
public enum Padding: Sendable, Equatable, CustomStringConvertible {
    /// The same number of zero cells on every side.
    case zeros(Int)
    /// No padding: the filter only visits positions fully inside the input.
    case valid
    /// Enough padding that the output has ceil(n / stride) cells per axis; when the total is
    /// odd, the extra cell goes after (bottom and right), as TensorFlow and PyTorch do.
    case same

    public var description: String {
        switch self {
        case .zeros(let amount): return "\(amount)"
        case .valid: return "valid"
        case .same: return "same"
        }
    }

    /// Zero cells before and after along one axis.
    public func amounts(inputSize: Int, kernelSize: Int, stride: Int, dilation: Int)
        -> (before: Int, after: Int)
    {
        switch self {
        case .zeros(let amount):
            return (amount, amount)
        case .valid:
            return (0, 0)
        case .same:
            let span = dilation * (kernelSize - 1) + 1
            let outputSize = (inputSize + stride - 1) / stride
            let total = max(0, (outputSize - 1) * stride + span - inputSize)
            return (total / 2, total - total / 2)
        }
    }
}
