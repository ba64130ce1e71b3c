import ConvModel

/// What to do to an input image after decoding: `--gray` / `gray: yes` and
/// `--resize WxH` / `resize: WxH`. Gray comes first, so the resize averages one channel.
public struct ImageOptions: Sendable, Equatable {
    public var resize: ImageSize?
    public var gray: Bool

    public init(resize: ImageSize? = nil, gray: Bool = false) {
        self.resize = resize
        self.gray = gray
    }

    public var isEmpty: Bool { resize == nil && !gray }

    /// The grid after the conversions, or a message when gray is asked of a grid that has
    /// neither one nor three channels.
    public func apply(to grid: Grid) -> Result<Grid, OptionProblem> {
        var result = grid
        if gray {
            guard grid.channels == 1 || grid.channels == 3 else {
                return .failure(OptionProblem(
                    "gray needs an input with 1 or 3 channels (RGB); this one has "
                        + "\(grid.channels)"))
            }
            result = Luma.gray(result)
        }
        if let size = resize {
            result = AreaResize.resize(result, width: size.width, height: size.height)
        }
        return .success(result)
    }

    public struct OptionProblem: Error, Sendable, Equatable {
        public let message: String
        init(_ message: String) { self.message = message }
    }
}

/// A target size written `WxH`, width first as image tools write it.
public struct ImageSize: Sendable, Equatable {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// How the form is described in messages.
    public static let form = "WIDTHxHEIGHT with whole numbers from 1 to "
        + "\(ImageLimits.maximumSide), such as 32x24"

    /// Reads `32x24` (an `X` also works); nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let width = Int(parts[0]), let height = Int(parts[1]),
              (1...ImageLimits.maximumSide).contains(width),
              (1...ImageLimits.maximumSide).contains(height)
        else { return nil }
        self.width = width
        self.height = height
    }
}
