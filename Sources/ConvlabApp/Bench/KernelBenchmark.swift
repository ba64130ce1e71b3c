import ConvModel
import Foundation

/// Times the model's activation kernels on Float arrays against a memcpy of the same bytes.
///
/// memcpy moves n floats from one array to another and does nothing else, so its time is the
/// floor for any kernel that reads n floats and writes n: `ratioToMemcpy` near 1 means the
/// kernel runs as fast as memory allows. Backward kernels also read the gradient, a third
/// array, so their floor is about 1.5 on arrays larger than the caches.
///
/// ```swift
/// let results = KernelBenchmark.run(size: 1 << 20, repetitions: 5)
/// print(results[1].name, results[1].ratioToMemcpy)  // relu-forward 1.02
/// ```
public enum KernelBenchmark {
    /// 16 Mi floats: 64 MiB per array, far larger than this machine's 16 MiB L3 cache.
    public static let defaultSize = 16 * 1024 * 1024
    /// 16 Ki floats: 64 KiB per array, so the three arrays stay in the 512 KiB L2 cache and
    /// the figures show the arithmetic rather than the memory.
    public static let inCacheSize = 16 * 1024
    /// From one float to 256 Mi (1 GiB per array, 3 GiB in all).
    public static let allowedSizes = 1...(256 * 1024 * 1024)
    public static let defaultRepetitions = 9
    public static let allowedRepetitions = 1...1000

    /// The names in the order they run and are reported; memcpy, the baseline, comes first.
    public static let names = [
        "memcpy", "relu-forward", "relu-backward", "sigmoid-forward", "sigmoid-backward",
        "tanh-forward", "leaky-relu-forward",
    ]

    /// One timed kernel.
    public struct Result: Sendable, Equatable {
        public let name: String
        public let timing: TimingSummary
        /// Array elements processed per second at the median time.
        public let elementsPerSecond: Double
        /// The kernel's median time over memcpy's for the same number of floats (1 for
        /// memcpy itself; 2 means half as fast).
        public let ratioToMemcpy: Double
    }

    /// Times memcpy and every kernel on arrays of `size` floats.
    ///
    /// - Parameters:
    ///   - size: the number of floats per array, in `allowedSizes`.
    ///   - repetitions: timed samples per kernel after the warm-up.
    ///   - minimumSampleSeconds: passed to `Stopwatch.measure`.
    /// - Returns: one result per entry of `names`, in that order.
    /// - Complexity: O(size x repetitions); about two seconds at the defaults here.
    public static func run(
        size: Int, repetitions: Int = defaultRepetitions,
        minimumSampleSeconds: Double = Stopwatch.defaultMinimumSampleSeconds
    ) -> [Result] {
        precondition(allowedSizes.contains(size), "size out of range")
        let arrays = BenchArrays(size: size)
        defer { arrays.deallocate() }

        let timings = Stopwatch.measure(
            kernels(arrays), repetitions: repetitions, minimumSampleSeconds: minimumSampleSeconds)
        let baseline = timings[0].median
        return zip(names, timings).map { name, timing in
            Result(
                name: name, timing: timing, elementsPerSecond: Double(size) / timing.median,
                ratioToMemcpy: timing.median / baseline)
        }
    }

    /// The work behind each name of `names`, in the same order.
    private static func kernels(_ arrays: BenchArrays) -> [() -> Void] {
        let x = UnsafeBufferPointer(arrays.input)
        let gradient = UnsafeBufferPointer(arrays.gradient)
        let output = arrays.output
        return [
            { _ = memcpy(output.baseAddress!, x.baseAddress!, x.count * MemoryLayout<Float>.size) },
            { reluForward(x, into: output) },
            { reluBackward(input: x, gradient: gradient, into: output) },
            { sigmoidForward(x, into: output) },
            { sigmoidBackward(input: x, gradient: gradient, into: output) },
            { tanhForward(x, into: output) },
            { leakyReLUForward(x, slope: Float(Activation.defaultLeakySlope), into: output) },
        ]
    }
}

/// The input, gradient and output arrays one benchmark run shares across kernels.
private struct BenchArrays {
    let input: UnsafeMutableBufferPointer<Float>
    let gradient: UnsafeMutableBufferPointer<Float>
    let output: UnsafeMutableBufferPointer<Float>

    /// Fills the inputs with values spread over [-8, 8) for x and [-1, 1) for the gradient,
    /// where sigmoid and tanh are neither flat nor linear, and zeroes the output so that every
    /// page is mapped before anything is timed. The same values on every run: a
    /// multiplicative hash of the index, no random generator.
    init(size: Int) {
        input = .allocate(capacity: size)
        gradient = .allocate(capacity: size)
        output = .allocate(capacity: size)
        for index in 0..<size {
            let hash = UInt32(truncatingIfNeeded: index &* 2_654_435_761) >> 16
            input[index] = Float(hash) / 4096 - 8
            gradient[index] = Float(hash ^ 0x5A5A) / 32768 - 1
        }
        output.initialize(repeating: 0)
    }

    func deallocate() {
        input.deallocate()
        gradient.deallocate()
        output.deallocate()
    }
}
