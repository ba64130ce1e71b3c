/// The classic 3x3 image filters, by name, so a student can try an edge detector or a blur
/// without typing nine weights.
///
/// Weights are written as they are applied by cross-correlation (the deep-learning
/// convention), row by row from the top: `sobel-x` is
///
///     -1 0 1
///     -2 0 2
///     -1 0 1
///
/// so it answers positively where values grow from left to right.
///
/// For an input of C channels every channel gets the same 3x3 pattern divided by C: the
/// filter then sees the mean of the channels, so `identity` turns RGB into gray and a blur
/// stays in the input's range instead of growing C times larger.
public enum FilterPreset: String, Sendable, CaseIterable {
    case identity
    case edgeVertical = "edge-vertical"
    case edgeHorizontal = "edge-horizontal"
    case sobelX = "sobel-x"
    case sobelY = "sobel-y"
    case laplacian
    case boxBlur = "box-blur"
    case gaussianBlur = "gaussian-blur"
    case sharpen
    case emboss

    /// Every name, in the order of the sandbox's preset menu (keys 1 to 9, then 0).
    public static let names = allCases.map(\.rawValue)

    /// Reads a name in any case; nil for an unknown one.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// The 3x3 pattern for one channel, before dividing by the channel count.
    public var rows: [[Double]] {
        switch self {
        case .identity:
            return [[0, 0, 0], [0, 1, 0], [0, 0, 0]]
        case .edgeVertical:
            // Prewitt's vertical edge: right column minus left column.
            return [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]]
        case .edgeHorizontal:
            return [[-1, -1, -1], [0, 0, 0], [1, 1, 1]]
        case .sobelX:
            return [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]
        case .sobelY:
            return [[-1, -2, -1], [0, 0, 0], [1, 2, 1]]
        case .laplacian:
            return [[0, 1, 0], [1, -4, 1], [0, 1, 0]]
        case .boxBlur:
            return Array(repeating: Array(repeating: 1.0 / 9, count: 3), count: 3)
        case .gaussianBlur:
            return [[1, 2, 1], [2, 4, 2], [1, 2, 1]].map { $0.map { $0 / 16 } }
        case .sharpen:
            return [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]
        case .emboss:
            return [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]]
        }
    }

    /// The preset as weights for an input of `channels` channels (the pattern divided by
    /// `channels` on each).
    public func weights(channels: Int = 1) -> Grid {
        let count = max(1, channels)
        let pattern = rows
        var grid = Grid(height: 3, width: 3, channels: count)
        for channel in 0..<count {
            for row in 0..<3 {
                for column in 0..<3 {
                    let value = pattern[row][column]
                    grid[row, column, channel] = count == 1 ? value : value / Double(count)
                }
            }
        }
        return grid
    }

    /// A filter named after the preset, with bias 0.
    public func filter(channels: Int = 1) -> Filter {
        Filter(name: rawValue, weights: weights(channels: channels))
    }

    /// The preset whose weights `grid` holds exactly, if any.
    public static func matching(_ grid: Grid) -> FilterPreset? {
        allCases.first { $0.weights(channels: grid.channels) == grid }
    }
}
