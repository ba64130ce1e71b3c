import Foundation
import LessonFormat
import ScreenModel

extension Command {
    /// `convlab check PATH...`: reads every lesson and reports every problem found.
    public static let check = Command(
        name: "check",
        summary: "validate lesson files or folders of lessons",
        help: """
            Usage: convlab check PATH...

            Reads each lesson file (or every .md lesson in each folder) and reports every
            problem as FILE:LINE:COLUMN: message. Exits 0 when all are fine, 65 when any lesson
            has a problem, 66 when a path does not exist.

            """
    ) { arguments, context in
        Command.guarded {
            let scanner = try ArgumentScanner(arguments, valueFlags: [], switchFlags: [])
            guard !scanner.positional.isEmpty else {
                throw UsageError("check needs at least one lesson file or folder")
            }
            var output = ""
            var errors = ""
            var status = ExitStatus.success
            for path in scanner.positional {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                    errors += "convlab: \(path): no such file or folder\n"
                    status = max(status, ExitStatus.noInput)
                    continue
                }
                let files = isFolder.boolValue ? LessonLoader.lessonPaths(in: path) : [path]
                if files.isEmpty { errors += "convlab: \(path): no lesson files (*.md) here\n" }
                for file in files {
                    do {
                        let lesson = try LessonLoader.load(path: file)
                        let session = try LessonSession(lesson: lesson)
                        // Names and titles come from outside: shown, never obeyed.
                        output += ControlCharacters.visibleLine(
                            "\(file): ok: \"\(lesson.title)\", \(session.fine.count) steps") + "\n"
                    } catch let problems as LessonProblems {
                        // One line per problem, even when a quoted name holds a line feed.
                        errors += problems.problems
                            .map { ControlCharacters.visibleLine($0.description) + "\n" }.joined()
                        status = status == ExitStatus.success ? ExitStatus.dataError : status
                    } catch {
                        errors += "\(file):1:1: \(error)\n"
                        status = status == ExitStatus.success ? ExitStatus.dataError : status
                    }
                }
            }
            return CommandResult(output: output, errorOutput: errors, status: status)
        }
    }
}
