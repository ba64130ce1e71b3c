/// A small seeded random number generator (SplitMix64) whose numbers depend on nothing but
/// the seed.
///
/// The standard library's generators and its `random(in:using:)` helpers may change between
/// platforms and Swift releases, so a lesson that says "seed 7" would show other weights on
/// another machine. The generator itself is integer arithmetic, and the samplers below use
/// only IEEE addition, multiplication, division and square root, which round the same way
/// everywhere.
///
///     var generator = SplitMix64(seed: 7)
///     let weight = generator.nextGaussian()
///
/// - Complexity: O(1) per number.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// Advances by the golden-ratio increment; any seed, including 0, gives a full-period
    /// sequence.
    public private(set) var state: UInt64
    /// The second value of the last Gaussian pair, handed out by the next call.
    private var spareGaussian: Double?

    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in [0, 1) on the grid of multiples of 2^-53, so every such double is equally
    /// likely and the conversion is exact.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A number drawn evenly from `low..<high`.
    public mutating func nextUniform(from low: Double, to high: Double) -> Double {
        low + (high - low) * nextUnit()
    }

    /// A draw from the standard normal distribution (mean 0, standard deviation 1).
    ///
    /// Uses Marsaglia's polar method, which needs a logarithm and a square root but no sine
    /// or cosine. The logarithm is `portableLogarithm`, not the platform's, so the result is
    /// the same on every machine. Values come in pairs; the second is kept for the next call.
    public mutating func nextGaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        var u = 0.0
        var v = 0.0
        var radiusSquared = 0.0
        repeat {
            u = 2 * nextUnit() - 1
            v = 2 * nextUnit() - 1
            radiusSquared = u * u + v * v
        } while radiusSquared >= 1 || radiusSquared == 0
        let scale = (-2 * portableLogarithm(radiusSquared) / radiusSquared).squareRoot()
        spareGaussian = v * scale
        return u * scale
    }

    /// A draw from the normal distribution with the given mean and standard deviation.
    public mutating func nextGaussian(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextGaussian()
    }
}
