import Foundation
import LessonFormat

/// What `convlab [--lessons DIR] [LESSON]` asked for, with the lessons it found.
public struct InteractiveOptions: Sendable {
    public var lessons: [LessonEntry]
    /// The lesson to open at once, or nil for the lesson list.
    public var openIndex: Int?
    /// How a session starts, from the flags that are not about which lessons.
    public var start = StartSettings()

    /// `--no-quiz`, `--autoplay`, `--speed`, `--reset-progress`.
    public struct StartSettings: Sendable, Equatable {
        public var quizzes = true
        public var autoplay = false
        /// Steps per second, one of `AppState.speeds`.
        public var speed: Int?
        public var resetProgress = false
        public init() {}
    }

    static let switches: Set<String> = ["--no-quiz", "--autoplay", "--reset-progress"]

    /// The flags, for usage messages.
    public static let usage = "convlab [--lessons DIR] [--no-quiz] [--autoplay] [--speed N] "
        + "[--reset-progress] [LESSON]"

    /// - Throws: `UsageError` for unknown flags, a missing folder or file, or no lessons.
    public static func parse(_ arguments: [String], context: CommandContext) throws
        -> InteractiveOptions
    {
        let scanner = try ArgumentScanner(arguments, valueFlags: ["--lessons", "--speed"],
                                          switchFlags: switches)
        var options = try parseLessons(scanner, context: context)
        options.start.quizzes = !scanner.has("--no-quiz")
        options.start.autoplay = scanner.has("--autoplay")
        options.start.resetProgress = scanner.has("--reset-progress")
        if let text = scanner.value("--speed") {
            guard let speed = Int(text), AppState.speeds.contains(speed) else {
                throw UsageError("--speed: '\(text)' is not one of the speeds, in steps per "
                                 + "second: " + AppState.speeds.map(String.init)
                                    .joined(separator: ", "))
            }
            options.start.speed = speed
        }
        return options
    }

    private static func parseLessons(_ scanner: ArgumentScanner, context: CommandContext) throws
        -> InteractiveOptions
    {
        guard scanner.positional.count <= 1 else {
            throw UsageError("unexpected '\(scanner.positional[1])': give at most one lesson file "
                             + "(or a command: " + CommandRegistry.all.map(\.name)
                                .joined(separator: ", ") + ")")
        }
        if let file = scanner.positional.first {
            guard FileManager.default.fileExists(atPath: file) else {
                // A name that looks like a path is a missing file (66); a bare word may be a
                // mistyped command (64).
                let looksLikePath = file.contains("/") || file.hasSuffix(".md")
                throw UsageError("'\(file)' is neither a command nor an existing lesson file; "
                                 + "commands: " + CommandRegistry.all.map(\.name)
                                    .joined(separator: ", "))
                    .with(status: looksLikePath ? ExitStatus.noInput : ExitStatus.usage)
            }
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: file, isDirectory: &isFolder)
            if isFolder.boolValue {
                return InteractiveOptions(lessons: load(LessonLoader.lessonPaths(in: file)),
                                          openIndex: nil)
            }
            // Open the file among its neighbours, so n and N move through its folder.
            let folder = (file as NSString).deletingLastPathComponent
            var paths = LessonLoader.lessonPaths(in: folder.isEmpty ? "." : folder)
            let target = (file as NSString).standardizingPath
            var index = paths.firstIndex { ($0 as NSString).standardizingPath == target }
            if index == nil {
                paths = [file]
                index = 0
            }
            return InteractiveOptions(lessons: load(paths), openIndex: index)
        }
        let folder = try scanner.value("--lessons") ?? bundledLessons(context: context)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder),
              isFolder.boolValue
        else {
            throw UsageError("--lessons: '\(folder)' is not a folder")
                .with(status: FileManager.default.fileExists(atPath: folder)
                      ? ExitStatus.usage : ExitStatus.noInput)
        }
        return InteractiveOptions(lessons: load(LessonLoader.lessonPaths(in: folder)),
                                  openIndex: nil)
    }

    static func load(_ paths: [String]) -> [LessonEntry] {
        paths.map { path -> LessonEntry in
            do throws(LessonProblems) {
                return LessonEntry(path: path, content: .success(try LessonLoader.load(path: path)))
            } catch {
                return LessonEntry(path: path, content: .failure(error))
            }
        }
    }

    /// The `Lessons/` folder of the package this executable was built from (it lives in
    /// `.build/<config>/`), else `Lessons/` in the working directory.
    static func bundledLessons(context: CommandContext) throws -> String {
        var candidates: [String] = []
        if let executable = Bundle.main.executablePath {
            var folder = ((executable as NSString).resolvingSymlinksInPath as NSString)
                .deletingLastPathComponent
            for _ in 0..<5 {
                candidates.append((folder as NSString).appendingPathComponent("Lessons"))
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        candidates.append((context.workingDirectory as NSString).appendingPathComponent("Lessons"))
        for candidate in candidates where !LessonLoader.lessonPaths(in: candidate).isEmpty {
            return candidate
        }
        throw UsageError("no bundled Lessons/ folder found next to convlab or here; "
                         + "use --lessons DIR or give a lesson file")
    }
}

extension AppState {
    /// The state a session starts in: the lessons, the saved progress, the start flags, and
    /// the lesson to open at once if one was named (or, with `--autoplay`, the first).
    public static func starting(_ options: InteractiveOptions, progress: StudentProgress,
                                width: Int, height: Int) -> AppState {
        var state = AppState(lessons: options.lessons, width: width, height: height)
        state.progress = progress
        // A hands-free demo asks nothing and leaves the student's record alone.
        state.quizzes = options.start.quizzes && !options.start.autoplay
        state.recordsProgress = !options.start.autoplay
        state.autoplayAll = options.start.autoplay
        if let speed = options.start.speed, let index = speeds.firstIndex(of: speed) {
            state.speedIndex = index
        }
        let first = options.openIndex ?? (options.start.autoplay ? 0 : nil)
        if let first {
            // Autoplay is for a demo: it starts each lesson from the top.
            state = open(first, in: state, resume: !options.start.autoplay)
            state.playing = options.start.autoplay && state.mode == .lesson
        }
        return state
    }
}
