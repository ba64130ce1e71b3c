import Foundation
import Testing

@testable import ConvlabApp

/// `convlab bench` on tiny arrays: the shape of its output and its checks of the flags.
/// Nothing here asserts how fast anything is; Benchmarks/run-kernels does that on a release
/// build.
@Suite struct BenchCommandTests {
    /// Runs `convlab bench ARGUMENTS --json` and returns the object and its results.
    private func json(_ arguments: [String]) throws -> (Int, [[String: Any]]) {
        let result = Command.bench.run(arguments + ["--json"], CommandContext())
        #expect(result.status == ExitStatus.success, "\(result.errorOutput)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["size", "results"])
        let size = try #require(object["size"] as? Int)
        let results = try #require(object["results"] as? [[String: Any]])
        return (size, results)
    }

    @Test func jsonHasTheDocumentedNamesAndKeys() throws {
        let (size, results) = try json(["--size", "1000", "--repetitions", "3"])
        #expect(size == 1000)
        #expect(results.map { $0["name"] as? String } == KernelBenchmark.names)
        #expect(
            KernelBenchmark.names == [
                "memcpy", "relu-forward", "relu-backward", "sigmoid-forward", "sigmoid-backward",
                "tanh-forward", "leaky-relu-forward",
            ])
        for result in results {
            #expect(Set(result.keys) == ["name", "elements_per_second", "ratio_to_memcpy"])
            let rate = try #require(result["elements_per_second"] as? Double)
            let ratio = try #require(result["ratio_to_memcpy"] as? Double)
            #expect(rate > 0 && rate.isFinite && ratio > 0 && ratio.isFinite, "\(result)")
        }
    }

    @Test func ratioIsTheKernelsTimeOverMemcpysTime() throws {
        // Same size, so time over time equals memcpy's rate over the kernel's rate.
        let (_, results) = try json(["--size=37", "--repetitions=2"])
        let rates = results.compactMap { $0["elements_per_second"] as? Double }
        let ratios = results.compactMap { $0["ratio_to_memcpy"] as? Double }
        #expect(rates.count == 7 && ratios.count == 7)
        #expect(ratios.first == 1)
        for (rate, ratio) in zip(rates, ratios) {
            // Allows for the last digit: Foundation's JSON reader on Linux may not round
            // the shortest form to the nearest double.
            #expect(abs(ratio * rate / rates[0] - 1) < 1e-12, "\(ratio) vs \(rates[0] / rate)")
        }
    }

    @Test func resultsComeFromTheHarnessDirectly() {
        let results = KernelBenchmark.run(size: 9, repetitions: 3, minimumSampleSeconds: 1e-4)
        #expect(results.map(\.name) == KernelBenchmark.names)
        for result in results {
            #expect(result.timing.secondsPerCall.count == 3)
            #expect(result.timing.minimum <= result.timing.median)
            #expect(result.timing.median <= result.timing.maximum)
            #expect(result.elementsPerSecond == 9 / result.timing.median)
            #expect(result.ratioToMemcpy == result.timing.median / results[0].timing.median)
        }
    }

    @Test func stopwatchWarmsUpThenTakesTurns() {
        final class Log { var calls: [Int] = [] }
        let log = Log()
        let summaries = Stopwatch.measure(
            [{ log.calls.append(0) }, { log.calls.append(1) }], repetitions: 3,
            minimumSampleSeconds: 0)
        // A warm-up call and an untimed sample for each, then the timed samples in turn.
        #expect(log.calls == [0, 0, 1, 1, 0, 1, 0, 1, 0, 1])
        #expect(summaries.map(\.callsPerSample) == [1, 1])
        #expect(summaries.allSatisfy { $0.secondsPerCall.count == 3 && $0.minimum > 0 })
    }

    @Test func medianOfEvenAndOddCounts() {
        #expect(TimingSummary(secondsPerCall: [3, 1, 2], callsPerSample: 1).median == 2)
        let even = TimingSummary(secondsPerCall: [4, 1, 3, 2], callsPerSample: 5)
        #expect(even.median == 2.5 && even.minimum == 1 && even.maximum == 4)
        #expect(even.secondsPerCall == [1, 2, 3, 4])
    }

    @Test func tableListsEveryKernelForBothSizes() {
        let result = Command.bench.run(["--size", "64", "--repetitions", "1"], CommandContext())
        #expect(result.status == ExitStatus.success)
        #expect(
            result.output.hasPrefix(
                "convlab bench: 64 floats (256 bytes per array), "
                    + "median of 1 run after a warm-up\n"))
        #expect(result.output.contains("\nin cache: 16384 floats (64 KiB per array)"))
        for name in KernelBenchmark.names {
            #expect(result.output.components(separatedBy: "\n" + name + " ").count == 3, "\(name)")
        }
        #expect(result.output.contains("vs memcpy: the kernel's median time over memcpy's"))
    }

    @Test func badFlagsExitWithUsageNamingTheFlagAndRange() {
        let cases: [([String], String)] = [
            (
                ["--size", "0"],
                "--size: '0' is not valid; expected a whole number from 1 to 268435456"
            ),
            (["--size", "many"], "--size: 'many' is not valid"),
            (["--size=268435457"], "from 1 to 268435456"),
            (
                ["--repetitions", "0"],
                "--repetitions: '0' is not valid; expected a whole number "
                    + "from 1 to 1000"
            ),
            (["--fast"], "unknown option '--fast'"),
            (["extra"], "bench takes no arguments; unexpected 'extra'"),
            (["--size"], "--size needs a value"),
        ]
        for (arguments, message) in cases {
            let result = Command.bench.run(arguments, CommandContext())
            #expect(result.status == ExitStatus.usage, "\(arguments)")
            #expect(result.output.isEmpty)
            #expect(result.errorOutput.contains(message), "\(result.errorOutput)")
        }
    }

    @Test func sizesPrintInReadableUnits() {
        #expect(BenchReport.bytes(256) == "256 bytes")
        #expect(BenchReport.bytes(64 * 1024 * 1024) == "64 MiB")
        #expect(BenchReport.bytes(1536) == "1.5 KiB")
        #expect(BenchReport.duration(0.01047) == "10.47 ms")
        #expect(BenchReport.duration(2.5e-6) == "2.50 us")
        #expect(BenchReport.rate(1.6e9) == "1.60 G/s")
        #expect(CommandRegistry.command(named: "bench")?.name == "bench")
    }
}
