import ConvModel
import Foundation

@testable import LessonFormat

/// Lines joined with LF, so a test can count line numbers by eye: the first argument is
/// line 1.
func source(_ lines: String...) -> String {
    lines.joined(separator: "\n") + "\n"
}

/// A parser for `lesson.md` whose data files come from `files` (name to text) rather than
/// from disk; a name not in `files` is a missing file.
func parser(files: [String: String] = [:]) -> LessonParser {
    LessonParser(path: "lesson.md") { name in
        guard let text = files[name] else { return nil }
        var problems: [LessonProblem] = []
        let grid = GridBlock.parseFile(text, file: name, problems: &problems)
        if let grid, problems.isEmpty {
            return LessonParser.DataFile(path: name, contents: .success(grid))
        }
        return LessonParser.DataFile(path: name, contents: .failure(LessonProblems(problems)))
    }
}

/// Every problem reported for `text`, as `file:line:col: message`; empty when it parses.
func problems(_ text: String, files: [String: String] = [:]) -> [String] {
    do {
        _ = try parser(files: files).parse(text)
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

/// A temporary folder of its own, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("convlab-lesson-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` (which may contain folders) and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let full = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The project's Lessons folder, found from this file's place in the tree.
let bundledLessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
    .path

/// The grid's rows of one channel, for comparing with literals.
func rows(_ grid: Grid, channel: Int = 0) -> [[Double]] { grid.rows(channel: channel) }
