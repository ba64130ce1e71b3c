/// Why a convolution cannot be set up, in words a student understands.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyGrid
    case raggedRows(row: Int, expected: Int, found: Int)
    case channelShapeMismatch(channel: Int, expected: (Int, Int), found: (Int, Int))
    case zeroStride
    case zeroDilation
    case negativePadding(Int)
    case kernelLargerThanInput(axis: String, span: Int, paddedSize: Int)
    case channelCountMismatch(filter: String, filterChannels: Int, inputChannels: Int)
    case filterShapesDiffer(filter: String)
    case noFilters
    case nonFinite(String)

    public var description: String {
        switch self {
        case .emptyGrid:
            return "the grid is empty"
        case .raggedRows(let row, let expected, let found):
            return "row \(row + 1) has \(found) values but the first row has \(expected)"
        case .channelShapeMismatch(let channel, let expected, let found):
            return "channel \(channel + 1) is \(found.0)x\(found.1) but channel 1 is "
                + "\(expected.0)x\(expected.1)"
        case .zeroStride:
            return "stride must be at least 1"
        case .zeroDilation:
            return "dilation must be at least 1"
        case .negativePadding(let amount):
            return "padding must not be negative (got \(amount))"
        case .kernelLargerThanInput(let axis, let span, let paddedSize):
            return "the filter spans \(span) \(axis) (with dilation) but the padded input has "
                + "only \(paddedSize)"
        case .channelCountMismatch(let filter, let filterChannels, let inputChannels):
            return "filter '\(filter)' has \(filterChannels) channel(s) but its input has "
                + "\(inputChannels)"
        case .filterShapesDiffer(let filter):
            return "filter '\(filter)' is not the same size as the layer's first filter"
        case .noFilters:
            return "a layer needs at least one filter"
        case .nonFinite(let what):
            return "\(what) is not a finite number"
        }
    }

    public static func == (lhs: ModelError, rhs: ModelError) -> Bool {
        lhs.description == rhs.description
    }
}
