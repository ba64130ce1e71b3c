/// A place in a text file, counted from 1 as editors count.
public struct SourceLocation: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem found in a lesson or data file, with where it is.
public struct LessonProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `file:line:col: message`, the form editors and compilers use.
    public var description: String { "\(location): \(message)" }
}

/// Every problem found in one file; parsing goes on after the first so an author sees them all.
public struct LessonProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [LessonProblem]

    public init(_ problems: [LessonProblem]) { self.problems = problems }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
