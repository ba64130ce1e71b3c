import ConvModel
import Foundation
import ImageFormats

/// Reads lessons and their data files from disk.
public enum LessonLoader {
    /// Data files larger than this are refused rather than read whole into memory.
    public static let maximumFileBytes = 8 << 20

    /// Reads and parses one lesson file.
    public static func load(path: String) throws(LessonProblems) -> Lesson {
        let source: String
        switch readText(path) {
        case .success(let text): source = text
        case .failure(let failure):
            let message = failure.message
            throw LessonProblems([LessonProblem(
                SourceLocation(file: path, line: 1, column: 1), message)])
        }
        let folder = (path as NSString).deletingLastPathComponent
        let parser = LessonParser(path: path) { name in
            let full = name.hasPrefix("/")
                ? name : (folder as NSString).appendingPathComponent(name)
            return readDataFile(full)
        }
        return try parser.parse(source)
    }

    /// Reads a grid data file (rows of numbers, blank lines between channels, `#` comment
    /// lines), or nil when it is missing.
    public static func readDataFile(_ path: String) -> LessonParser.DataFile? {
        guard FileManager.default.isReadableFile(atPath: path) else { return nil }
        if ImageFile.isImage(path: path) { return readImage(path) }
        switch readText(path) {
        case .failure(let failure):
            let message = failure.message
            return LessonParser.DataFile(path: path, contents: .failure(LessonProblems([
                LessonProblem(SourceLocation(file: path, line: 1, column: 1), message)
            ])))
        case .success(let text):
            var problems: [LessonProblem] = []
            let grid = GridBlock.parseFile(text, file: path, problems: &problems)
            if let grid, problems.isEmpty {
                return LessonParser.DataFile(path: path, contents: .success(grid))
            }
            return LessonParser.DataFile(path: path, contents: .failure(LessonProblems(problems)))
        }
    }

    /// Reads a PNG, PGM or PPM file as a grid (values 0...255, one or three channels).
    static func readImage(_ path: String) -> LessonParser.DataFile {
        let contents: Result<Grid, LessonProblems>
        do {
            contents = .success(try ImageFile.read(path: path))
        } catch {
            contents = .failure(LessonProblems([
                LessonProblem(SourceLocation(file: path, line: 1, column: 1), error.problem)
            ]))
        }
        return LessonParser.DataFile(path: path, contents: contents, isImage: true)
    }

    /// The lesson files in a folder, in name order (numbered names sort as a course).
    public static func lessonPaths(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names
            .filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    private static func readText(_ path: String) -> Result<String, ReadFailure> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return .failure(ReadFailure("no such file"))
        }
        guard !isFolder.boolValue else {
            return .failure(ReadFailure("this is a folder, not a file"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(ReadFailure("cannot be read (permission denied?)"))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumFileBytes + 1)) ?? Data()
        guard data.count <= maximumFileBytes else {
            return .failure(ReadFailure(
                "larger than \(maximumFileBytes >> 20) MiB; refusing to read it"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ReadFailure("is not UTF-8 text"))
        }
        return .success(text)
    }

    struct ReadFailure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
