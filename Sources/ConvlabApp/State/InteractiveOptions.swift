import Foundation
import LessonFormat

/// What `convlab [--lessons DIR] [LESSON]` asked for, with the lessons it found.
public struct InteractiveOptions: Sendable {
    public var lessons: [LessonEntry]
    /// The lesson to open at once, or nil for the lesson list.
    public var openIndex: Int?

    /// - Throws: `UsageError` for unknown flags, a missing folder or file, or no lessons.
    public static func parse(_ arguments: [String], context: CommandContext) throws
        -> InteractiveOptions
    {
        let scanner = try ArgumentScanner(arguments, valueFlags: ["--lessons"], switchFlags: [])
        guard scanner.positional.count <= 1 else {
            throw UsageError("unexpected '\(scanner.positional[1])': give at most one lesson file "
                             + "(or a command: " + CommandRegistry.all.map(\.name)
                                .joined(separator: ", ") + ")")
        }
        if let file = scanner.positional.first {
            guard FileManager.default.fileExists(atPath: file) else {
                throw UsageError("'\(file)' is neither a command nor an existing lesson file; "
                                 + "commands: " + CommandRegistry.all.map(\.name)
                                    .joined(separator: ", "))
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
