import Foundation
import LessonFormat
import ScreenModel

/// How fast the lesson screen is drawn without a terminal: every fine step of every lesson,
/// through `view(state)` and `plainText()`, the path `convlab render` takes.
///
/// The terminal front end draws the same `Screen`, so this is the cost of one frame of
/// autoplay, less what curses does with it.
public enum FrameBenchmark {
    /// The screen size the performance target is set for.
    public static let defaultWidth = 120
    public static let defaultHeight = 40
    public static let defaultRepetitions = 5
    public static let allowedRepetitions = 1...1000

    /// One lesson, opened at step 1 as `convlab render` opens it.
    public struct Subject: Sendable {
        public var state: AppState
        /// Fine steps, each one frame.
        public var steps: Int
    }

    /// What a run measured.
    public struct Result: Sendable {
        /// Lessons drawn; files that could not be read or run are left out.
        public var lessons: Int
        /// Frames in one pass: the sum of the lessons' fine steps.
        public var framesPerPass: Int
        /// Characters of text the pass produced, so that its work cannot be optimised away.
        public var charactersPerPass: Int
        /// Seconds per pass over every frame, one per timed pass.
        public var timing: TimingSummary

        public var framesPerSecond: Double { Double(framesPerPass) / timing.median }
    }

    /// The lessons at `paths` that load and run, each opened at its first fine step.
    public static func subjects(paths: [String], width: Int, height: Int) -> [Subject] {
        InteractiveOptions.load(paths).compactMap { entry in
            guard case .success = entry.content else { return nil }
            let opened = opening(0, in: AppState(lessons: [entry], width: width, height: height))
            guard var session = opened.session else { return nil }
            session.granularity = .fine
            var state = opened
            state.session = session
            return Subject(state: state, steps: session.steps.count)
        }
    }

    /// Draws every step of every subject once.
    ///
    /// - Returns: the frames drawn and the characters of text they made.
    public static func drawEveryStep(of subjects: [Subject]) -> (frames: Int, characters: Int) {
        var frames = 0
        var characters = 0
        for subject in subjects {
            var state = subject.state
            guard var session = state.session else { continue }
            for index in 0..<subject.steps {
                session.go(to: index)
                state.session = session
                characters += view(state).plainText().utf8.count
                frames += 1
            }
        }
        return (frames, characters)
    }

    /// Loads the lessons, then times `repetitions` passes over every step after a warm-up.
    public static func run(paths: [String], width: Int = defaultWidth,
                           height: Int = defaultHeight,
                           repetitions: Int = defaultRepetitions) -> Result {
        let subjects = subjects(paths: paths, width: width, height: height)
        var counted = (frames: 0, characters: 0)
        let timing = Stopwatch.measure(
            [{ counted = drawEveryStep(of: subjects) }], repetitions: repetitions,
            minimumSampleSeconds: 0)[0]
        return Result(lessons: subjects.count, framesPerPass: counted.frames,
                      charactersPerPass: counted.characters, timing: timing)
    }

    /// The report `convlab bench --frames` prints, for people.
    public static func table(_ result: Result, width: Int, height: Int) -> String {
        let timing = result.timing
        let perFrame = timing.median / Double(max(1, result.framesPerPass))
        let milliseconds = { (seconds: Double) in String(format: "%.1f ms", seconds * 1e3) }
        return """
            convlab bench --frames: \(result.lessons) lessons, \(result.framesPerPass) frames \
            (every fine step) at \(width)x\(height), median of \(timing.secondsPerCall.count) \
            passes after a warm-up
            frames per second  \(String(format: "%.0f", result.framesPerSecond))
            per frame          \(String(format: "%.1f us", perFrame * 1e6))
            one pass           \(milliseconds(timing.median)) (fastest \
            \(milliseconds(timing.minimum)), slowest \(milliseconds(timing.maximum)))

            """
    }

    /// `{"lessons": L, "frames": F, "width": W, "height": H, "seconds_per_pass": S,
    /// "frames_per_second": R}`.
    public static func json(_ result: Result, width: Int, height: Int) -> String {
        "{\"lessons\": \(result.lessons), \"frames\": \(result.framesPerPass), "
            + "\"width\": \(width), \"height\": \(height), "
            + "\"seconds_per_pass\": \(result.timing.median), "
            + "\"frames_per_second\": \(result.framesPerSecond)}\n"
    }
}
