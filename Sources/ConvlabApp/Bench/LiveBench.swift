import Foundation

/// The figures lesson 12 shows: ReLU and sigmoid timed on the student's own machine when the
/// lesson reaches its `{bench}` line.
public enum LiveBench {
    /// 64 Ki floats: a quarter of a second even in a debug build, where the SIMD kernels are
    /// left unspecialised and run far slower than in release.
    static let size = 1 << 16

    /// Times the kernels and says what the numbers mean, in one paragraph.
    public static func measure() -> String {
        let results = KernelBenchmark.run(size: size, repetitions: 3)
        let text = describe(Dictionary(uniqueKeysWithValues: results.map {
            ($0.name, $0.elementsPerSecond)
        }))
        #if DEBUG
        return text + " (This is a debug build, as `swift run` makes, and unoptimised code "
            + "exaggerates the gap; `swift run -c release convlab bench` gives the true figures.)"
        #else
        return text
        #endif
    }

    /// The paragraph for elements per second by kernel name.
    static func describe(_ rates: [String: Double]) -> String {
        guard let relu = rates["relu-forward"], let sigmoid = rates["sigmoid-forward"],
              let memcpy = rates["memcpy"]
        else { return "(the measurement did not run)" }
        let millions = { (value: Double) in String(format: "%.0f", value / 1e6) }
        return "Measured just now on \(size) values: ReLU \(millions(relu)) million per second, "
            + "sigmoid \(millions(sigmoid)) million per second, so ReLU is "
            + String(format: "%.1f", relu / sigmoid) + "x as fast here. Copying the same bytes "
            + "runs at \(millions(memcpy)) million per second, the ceiling for any pass that reads "
            + "and writes every value."
    }

    /// What `{bench}` shows before (or without) a measurement, as in `convlab render`.
    public static let pending = "(The live timing appears here when the lesson runs in the "
        + "terminal; `convlab bench` prints the full table.)"
}
