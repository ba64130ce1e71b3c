import Foundation

/// What the student has done in each lesson, kept between runs.
///
/// Lessons are keyed by the absolute path of their file, so two folders holding a lesson of
/// the same name keep separate records.
public struct StudentProgress: Codable, Sendable, Equatable {
    /// Bumped when the file's shape changes in a way an older convlab cannot read.
    public var version = 1
    public var lessons: [String: LessonProgress] = [:]

    public init(lessons: [String: LessonProgress] = [:]) {
        self.lessons = lessons
    }

    public static func key(forLessonAt path: String) -> String {
        let absolute = path.hasPrefix("/")
            ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }
}

/// One lesson's record.
public struct LessonProgress: Codable, Sendable, Equatable {
    /// The fine step (from 0) the student was last on, where the lesson resumes.
    public var lastStep: Int
    /// The furthest fine step reached.
    public var furthestStep: Int
    /// True once the last step has been reached.
    public var completed: Bool
    /// Each question's outcome, keyed by the index of the scene that asks it.
    public var answers: [String: Verdict]

    public init(lastStep: Int = 0, furthestStep: Int = 0, completed: Bool = false,
                answers: [String: Verdict] = [:]) {
        self.lastStep = lastStep
        self.furthestStep = furthestStep
        self.completed = completed
        self.answers = answers
    }

    public var right: Int { answers.values.filter { $0 == .right }.count }
    public var asked: Int { answers.count }
}

/// How a prediction turned out.
public enum Verdict: String, Codable, Sendable, Equatable {
    case right
    case wrong
    /// Passed over with Esc: it counts as asked but not right.
    case skipped
}
