import Foundation

/// The text `convlab bench` prints: a table for people, or JSON for scripts.
enum BenchReport {
    /// One section of the table: the size, then one row per kernel.
    ///
    /// ```
    /// 16777216 floats (64 MiB per array), median of 9 runs after a warm-up
    /// kernel                median   fastest - slowest        elements/s   vs memcpy
    /// memcpy              10.47 ms   10.31 ms - 11.02 ms    1.60 G/s       1.00x
    /// ```
    static func table(
        size: Int, repetitions: Int, results: [KernelBenchmark.Result], title: String
    ) -> String {
        var lines = [
            "\(title): \(size) floats (\(bytes(size * MemoryLayout<Float>.size)) per array), "
                + "median of \(repetitions) run\(repetitions == 1 ? "" : "s") after a warm-up",
            pad("kernel", 20) + padLeft("median", 10) + "   " + pad("fastest - slowest", 23)
                + padLeft("elements/s", 10) + padLeft("vs memcpy", 12),
        ]
        for result in results {
            let timing = result.timing
            lines.append(
                pad(result.name, 20) + padLeft(duration(timing.median), 10) + "   "
                    + pad(duration(timing.minimum) + " - " + duration(timing.maximum), 23)
                    + padLeft(rate(result.elementsPerSecond), 10)
                    + padLeft(String(format: "%.2fx", result.ratioToMemcpy), 12))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the `vs memcpy` column means, printed once under the tables.
    static let legend = """
        vs memcpy: the kernel's median time over memcpy's for the same floats in and out
        (1.00x = as fast as copying). Backward kernels also read the gradient, a third array.

        """ + buildNote

    /// A debug build (what `swift run` makes) leaves the generic SIMD kernels unspecialised,
    /// hundreds of times slower than they are; its figures must not be mistaken for the real
    /// ones.
    #if DEBUG
    static let buildNote = """
        This is a debug build: its kernels are unoptimised and these figures are far below the
        real ones. Measure with a release build: swift run -c release convlab bench

        """
    #else
    static let buildNote = ""
    #endif

    /// `{"size": N, "results": [{"name": ..., "elements_per_second": E,
    /// "ratio_to_memcpy": R}, ...]}`, one result per line.
    static func json(size: Int, results: [KernelBenchmark.Result]) -> String {
        let entries = results.map { result in
            // Swift prints a Double in its shortest exact form, which JSON reads as is.
            "  {\"name\": \"\(result.name)\", "
                + "\"elements_per_second\": \(result.elementsPerSecond), "
                + "\"ratio_to_memcpy\": \(result.ratioToMemcpy)}"
        }
        return "{\"size\": \(size), \"results\": [\n" + entries.joined(separator: ",\n")
            + "\n]}\n"
    }

    /// Seconds in the unit that keeps three or four significant figures.
    static func duration(_ seconds: Double) -> String {
        switch seconds {
        case 1...: return String(format: "%.2f s", seconds)
        case 1e-3...: return String(format: "%.2f ms", seconds * 1e3)
        case 1e-6...: return String(format: "%.2f us", seconds * 1e6)
        default: return String(format: "%.1f ns", seconds * 1e9)
        }
    }

    /// Elements per second with a G, M or k prefix.
    static func rate(_ perSecond: Double) -> String {
        switch perSecond {
        case 1e9...: return String(format: "%.2f G/s", perSecond / 1e9)
        case 1e6...: return String(format: "%.1f M/s", perSecond / 1e6)
        default: return String(format: "%.1f k/s", perSecond / 1e3)
        }
    }

    /// Bytes in the largest binary unit that leaves at least 1.
    static func bytes(_ count: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return value == value.rounded()
            ? "\(Int(value)) \(units[unit])"
            : String(format: "%.1f", value) + " " + units[unit]
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
