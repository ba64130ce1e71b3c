/// Why an image file cannot be used as an input, naming the file and the problem.
///
/// `description` reads `camera.png: the file ends early (truncated)`; commands print it and
/// exit 65, lessons report `problem` at the line that names the file.
public struct ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Neither a PNG nor a PGM/PPM signature, or a netpbm kind convlab does not read.
        case badSignature
        /// The data stops before the header or the pixels are complete.
        case truncated
        /// Width or height is 0.
        case zeroSize
        /// More pixels than `ImageLimits` allows.
        case tooLarge
        /// Anything else wrong inside the file: a bad header field, a sample above maxval,
        /// a bad PNG chunk or checksum.
        case malformed
        /// The file could not be read at all.
        case unreadable
    }

    public var file: String
    public var kind: Kind
    /// In words for a student, without the file name.
    public var problem: String

    public init(file: String, kind: Kind, problem: String) {
        self.file = file
        self.kind = kind
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}

/// The largest image convlab reads. A teaching tool never needs more, and the limit keeps a
/// hostile or mistaken header from asking for gigabytes.
public enum ImageLimits {
    /// Pixels on either side.
    public static let maximumSide = 4096
    /// Samples in the decoded grid, height x width x channels (16 Mi; 128 MiB of Doubles).
    public static let maximumValues = 16 << 20
    /// Bytes in the file itself.
    public static let maximumFileBytes = 64 << 20

    /// The `tooLarge` error when `width` x `height` x `channels` goes past a limit.
    static func check(width: Int, height: Int, channels: Int, file: String) throws(ImageError) {
        guard width > 0, height > 0 else {
            throw ImageError(file: file, kind: .zeroSize,
                             problem: "the image is \(width)x\(height); it has no pixels")
        }
        // Sides first: once both are within 4096 the product cannot overflow.
        if width > maximumSide || height > maximumSide
            || width * height * channels > maximumValues
        {
            throw ImageError(
                file: file, kind: .tooLarge,
                problem: "the image is \(width)x\(height) with \(channels) channel(s); convlab "
                    + "reads at most \(maximumSide) pixels a side and "
                    + "\(maximumValues >> 20) Mi values (scale it down first)")
        }
    }
}
