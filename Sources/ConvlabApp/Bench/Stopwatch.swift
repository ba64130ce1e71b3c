import Dispatch

/// How long one call of some work took, over several timed samples.
public struct TimingSummary: Sendable, Equatable {
    /// Seconds per call, one figure per timed sample, sorted from fastest.
    public let secondsPerCall: [Double]
    /// How many calls each sample timed back to back (more than one when a call is too
    /// short to time on its own).
    public let callsPerSample: Int

    public init(secondsPerCall: [Double], callsPerSample: Int) {
        precondition(!secondsPerCall.isEmpty, "a timing needs at least one sample")
        self.secondsPerCall = secondsPerCall.sorted()
        self.callsPerSample = callsPerSample
    }

    /// The middle sample (the mean of the two middle ones for an even count): unlike the
    /// mean, one run slowed by another process barely moves it.
    public var median: Double {
        let middle = secondsPerCall.count / 2
        if secondsPerCall.count % 2 == 1 { return secondsPerCall[middle] }
        return (secondsPerCall[middle - 1] + secondsPerCall[middle]) / 2
    }

    public var minimum: Double { secondsPerCall[0] }
    public var maximum: Double { secondsPerCall[secondsPerCall.count - 1] }
}

/// Times work with the monotonic clock: a warm-up first, then repeated samples.
public enum Stopwatch {
    /// The shortest a timed sample may be: well above the clock's resolution and the cost
    /// of reading it, yet short enough for a whole bench run to take seconds.
    public static let defaultMinimumSampleSeconds = 0.005

    /// Nanoseconds on a clock that never jumps (unlike the wall clock).
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Times each piece of work `repetitions` times after warming it up, taking turns.
    ///
    /// Each warm-up call faults in memory, fills caches and branch predictors, and tells how
    /// many calls one sample of that work needs to last at least `minimumSampleSeconds`; one
    /// untimed sample of that many calls follows. The timed samples then go round the works
    /// in turn (one sample of each, R times over), so that a burst of load from elsewhere on
    /// the machine falls on all of them alike and the ratios between them stay fair.
    ///
    /// - Parameters:
    ///   - works: the code to time; each must leave an effect visible outside (write to
    ///     memory the caller owns) or the optimiser may remove it.
    ///   - repetitions: the number of timed samples of each, at least 1.
    ///   - minimumSampleSeconds: the least time one sample should take.
    /// - Returns: one summary per work, in the same order.
    public static func measure(
        _ works: [() -> Void], repetitions: Int,
        minimumSampleSeconds: Double = defaultMinimumSampleSeconds
    ) -> [TimingSummary] {
        precondition(repetitions >= 1, "at least one repetition")
        let calls = works.map { work in
            let warmUp = seconds(calls: 1, work)
            let calls = max(1, min(1_000_000, Int((minimumSampleSeconds / warmUp).rounded(.up))))
            _ = seconds(calls: calls, work)
            return calls
        }

        var samples = Array(repeating: [Double](), count: works.count)
        for _ in 0..<repetitions {
            for (index, work) in works.enumerated() {
                samples[index].append(seconds(calls: calls[index], work) / Double(calls[index]))
            }
        }
        return zip(samples, calls).map { TimingSummary(secondsPerCall: $0, callsPerSample: $1) }
    }

    /// Seconds taken by `calls` calls of `work`, never less than one nanosecond so that
    /// rates stay finite.
    private static func seconds(calls: Int, _ work: () -> Void) -> Double {
        let start = now()
        for _ in 0..<calls { work() }
        return Double(max(1, now() - start)) / 1e9
    }
}
