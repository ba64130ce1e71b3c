import ConvModel
import LessonFormat
import ScreenModel

/// One lesson file as the lesson list knows it: read fine, or with the problems found.
public struct LessonEntry: Sendable, Equatable {
    public var path: String
    public var content: Result<Lesson, LessonProblems>
    /// The lesson's length in fine steps, worked out once for the lesson list.
    public var fineSteps: Int?
    /// The questions it asks.
    public var questionCount = 0

    public init(path: String, content: Result<Lesson, LessonProblems>) {
        self.path = path
        self.content = content
        if case .success(let lesson) = content, let network = try? lesson.network() {
            fineSteps = StepSequence(network: network, granularity: .fine).count
            questionCount = lesson.scenes.filter { $0.question != nil }.count
        }
    }

    /// The key of this lesson in `Progress`.
    public var progressKey: String { StudentProgress.key(forLessonAt: path) }

    /// The lesson's title, or its file name when it could not be read.
    public var title: String {
        if case .success(let lesson) = content { return lesson.title }
        return path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// Which screen is in front.
public enum Mode: Sendable, Equatable {
    case lessonList
    case lesson
    /// A lesson file that could not be read, with its problems.
    case lessonProblems
    /// The sandbox editor (`convlab sandbox`, or `e` in a lesson); see `SandboxState`.
    case sandbox
}

/// Everything the interactive app shows, as one value. It changes only through `update`.
public struct AppState: Sendable, Equatable {
    public var lessons: [LessonEntry]
    public var mode: Mode
    /// The lesson list's highlighted row (and the lesson `n`/`N` count from).
    public var selection: Int
    public var session: LessonSession?
    public var showingHelp = false
    public var playing = false
    /// Index into `AppState.speeds`.
    public var speedIndex = 3
    public var width: Int
    public var height: Int
    public var quitRequested = false
    /// How the screen can draw: set once from the terminal.
    public var glyphs: GlyphSet = .unicode
    /// The gradient side panel (recomputed when a lesson opens or its settings change).
    public var gradients = GradientPanel()
    /// What the student has done, as saved between runs; `update` keeps it current and the
    /// run loop writes it out when it changes.
    public var progress = StudentProgress()
    /// False with `--no-quiz`: questions are not asked (for demos).
    public var quizzes = true
    /// Presentation mode (`P`): no key bar, the largest cells that fit.
    public var presentation = false
    /// With `--autoplay`: each lesson plays on its own and the next follows it.
    public var autoplayAll = false
    /// False for a hands-free demo (`--autoplay`), which must not move a student's place.
    public var recordsProgress = true
    /// A one-line notice shown over the key bar until the next key.
    public var status: String?
    /// The speed figures for a lesson's `{bench}` line, measured by the run loop (a side
    /// effect `update` cannot have) the first time such a line is on screen.
    public var liveBench: String?

    /// True when the scene on screen shows `{bench}` and nothing has been measured yet.
    public var needsLiveBench: Bool {
        liveBench == nil && mode == .lesson && session?.scene?.text.contains("{bench}") == true
    }
    /// The sandbox, while one is open.
    public var sandbox: SandboxState?

    /// How long `--autoplay` rests on a finished lesson before the next, in milliseconds.
    public static let pauseBetweenLessons = 3000

    /// Autoplay speeds, in steps per second.
    public static let speeds = [1, 2, 4, 8, 15, 30, 60]

    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public init(lessons: [LessonEntry], width: Int, height: Int) {
        self.lessons = lessons
        self.mode = .lessonList
        self.selection = 0
        self.width = width
        self.height = height
    }

    public var stepsPerSecond: Int { Self.speeds[speedIndex] }

    /// How long the app may wait for a key before the next autoplay step; nil means wait
    /// forever (paused, or no lesson in front), so a paused app uses no CPU at all.
    public var tickInterval: Int? {
        // A screen too small to show the lesson must not let it play on unseen.
        guard playing, mode == .lesson, session != nil, !showingHelp, !isTooSmall else {
            return nil
        }
        if autoplayAll, session?.isAtEnd == true { return Self.pauseBetweenLessons }
        return 1000 / stepsPerSecond
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
}

/// Box and mark characters for a UTF-8 terminal, and plain ASCII stand-ins for others.
public struct GlyphSet: Sendable, Equatable {
    public var window: Character
    public var current: Character
    public var zeroed: Character
    public var padding: Character
    public var skipped: Character
    public var unfilled: Character
    public var horizontal: Character
    public var vertical: Character
    public var times: Character
    public var ellipsis: String

    public static let unicode = GlyphSet(
        window: "[", current: ">", zeroed: "×", padding: "·", skipped: "~", unfilled: "·",
        horizontal: "─", vertical: "│", times: "x", ellipsis: "…")
    public static let ascii = GlyphSet(
        window: "[", current: ">", zeroed: "x", padding: ".", skipped: "~", unfilled: ".",
        horizontal: "-", vertical: "|", times: "x", ellipsis: "...")
}
