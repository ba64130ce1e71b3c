import ConvModel
import LessonFormat

extension Command {
    /// `convlab bench`: times the activation kernels against memcpy of the same bytes.
    public static let bench = Command(
        name: "bench",
        summary: "time the activation kernels against memcpy of the same bytes",
        help: """
            Usage: convlab bench [--size N] [--repetitions R] [--json]
                   convlab bench --frames [--lessons DIR] [--size WxH] [--repetitions R]
                                 [--json]

            Times, on arrays of N floats, the kernels the model uses: ReLU forward and
            backward, sigmoid forward and backward, tanh, leaky ReLU; and memcpy of the same
            N floats, the most a kernel that reads and writes them can hope for. Each runs
            once to warm up, then R times, taking turns with the others so that load from
            elsewhere on the machine falls on all alike (calls too short to time alone are
            repeated within each run). The table gives the median time, the fastest and
            slowest run, elements per second, and the median time over memcpy's (1.00x = as
            fast as copying); a second table repeats this on 16384 floats, small enough to
            stay in cache.

              --size N          floats per array, from 1 to 268435456 (default 16777216,
                                that is 64 MiB per array)
              --repetitions R   timed runs per kernel, from 1 to 1000 (default 9)
              --json            one object for scripts, for size N only:
                {"size": N, "results": [{"name": "relu-forward",
                  "elements_per_second": E, "ratio_to_memcpy": R}, ...]}
                with the names memcpy, relu-forward, relu-backward, sigmoid-forward,
                sigmoid-backward, tanh-forward, leaky-relu-forward.

            Benchmarks/run-kernels builds a release binary, runs this, and checks the
            figures against their targets (and against NumPy when it is installed).

            --frames times the lesson screen instead: every fine step of every lesson in
            DIR (default the bundled Lessons/) drawn at WxH (default 120x40) through
            view(state) to plain text, as convlab render draws it; R passes (default 5)
            after a warm-up, the median kept. --json prints {"lessons": L, "frames": F,
            "width": W, "height": H, "seconds_per_pass": S, "frames_per_second": R}.
            Benchmarks/run checks it, with the program's other figures.

            """
    ) { arguments, context in
        Command.guarded {
            let scanner = try ArgumentScanner(
                arguments, valueFlags: ["--size", "--repetitions", "--lessons"],
                switchFlags: ["--json", "--frames"])
            guard scanner.positional.isEmpty else {
                throw UsageError("bench takes no arguments; unexpected '\(scanner.positional[0])'")
            }
            if scanner.has("--frames") { return try benchFrames(scanner, context: context) }
            if scanner.value("--lessons") != nil {
                throw UsageError("--lessons goes with --frames")
            }
            let sizeFlag = try scanner.integer("--size", in: KernelBenchmark.allowedSizes)
            let size = sizeFlag ?? KernelBenchmark.defaultSize
            let repetitionsFlag = try scanner.integer(
                "--repetitions", in: KernelBenchmark.allowedRepetitions)
            let repetitions = repetitionsFlag ?? KernelBenchmark.defaultRepetitions

            let results = KernelBenchmark.run(size: size, repetitions: repetitions)
            if scanner.has("--json") {
                return CommandResult(output: BenchReport.json(size: size, results: results))
            }

            var output = BenchReport.table(
                size: size, repetitions: repetitions, results: results, title: "convlab bench")
            let small = KernelBenchmark.inCacheSize
            if size != small {
                let inCache = KernelBenchmark.run(size: small, repetitions: repetitions)
                output += "\n"
                output += BenchReport.table(
                    size: small, repetitions: repetitions, results: inCache, title: "in cache")
            }
            return CommandResult(output: output + "\n" + BenchReport.legend)
        }
    }
}

/// `convlab bench --frames`: the lesson screen drawn for every step, in frames per second.
private func benchFrames(_ scanner: ArgumentScanner, context: CommandContext) throws
    -> CommandResult
{
    let size = try scanner.size("--size")
        ?? (FrameBenchmark.defaultWidth, FrameBenchmark.defaultHeight)
    let repetitions = try scanner.integer(
        "--repetitions", in: FrameBenchmark.allowedRepetitions) ?? FrameBenchmark.defaultRepetitions
    let folder = try scanner.value("--lessons")
        ?? InteractiveOptions.bundledLessons(context: context)
    let paths = LessonLoader.lessonPaths(in: folder)
    guard !paths.isEmpty else { throw UsageError("--lessons: no lessons in '\(folder)'") }

    let result = FrameBenchmark.run(paths: paths, width: size.width, height: size.height,
                                    repetitions: repetitions)
    guard result.framesPerPass > 0 else {
        return .failure("bench --frames: none of the lessons in '\(folder)' could be run",
                        status: ExitStatus.dataError)
    }
    if scanner.has("--json") {
        return CommandResult(output: FrameBenchmark.json(result, width: size.width,
                                                         height: size.height))
    }
    return CommandResult(output: FrameBenchmark.table(result, width: size.width,
                                                      height: size.height))
}
