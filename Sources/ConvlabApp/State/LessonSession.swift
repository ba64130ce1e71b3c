import ConvModel
import LessonFormat

/// A lesson opened for playing: its computed network and where the student is in it.
public struct LessonSession: Sendable, Equatable {
    public let lesson: Lesson
    public let fine: StepSequence
    public let coarse: StepSequence
    public var granularity: Granularity
    /// Index (from 0) into the sequence of the current granularity.
    public var stepIndex: Int
    /// The question on screen, open or just answered.
    public var prompt: QuizPrompt?
    /// Outcomes of the questions met so far, by scene index; these are not asked again.
    public var answers: [Int: Verdict] = [:]
    /// How many lines of a long scene's text are scrolled off the top (PgDn / PgUp); back to
    /// 0 whenever another scene begins.
    public var narrativeOffset = 0

    public init(lesson: Lesson, granularity: Granularity = .fine) throws {
        let network = try lesson.network()
        self.lesson = lesson
        self.fine = StepSequence(network: network, granularity: .fine)
        self.coarse = StepSequence(network: network, granularity: .coarse)
        self.granularity = granularity
        self.stepIndex = 0
    }

    public var steps: StepSequence { granularity == .fine ? fine : coarse }
    public var step: Step { steps.step(at: stepIndex) }
    public var isAtEnd: Bool { stepIndex >= steps.count - 1 }

    /// Moves to `index`, clamped to the lesson.
    public mutating func go(to index: Int) {
        let scene = sceneIndex
        stepIndex = min(max(0, index), steps.count - 1)
        if sceneIndex != scene { narrativeOffset = 0 }
    }

    /// Switches between fine and coarse stepping, staying on the same moment.
    public mutating func toggleGranularity() {
        let current = step
        granularity = granularity == .fine ? .coarse : .fine
        let equivalent = steps.equivalent(of: current)
        go(to: equivalent)
    }

    /// The scene whose narrative belongs to the current step: the last one that has begun.
    public var scene: Scene? { sceneIndex.map { lesson.scenes[$0] } }

    /// The index of `scene` in `lesson.scenes`.
    public var sceneIndex: Int? {
        var chosen: Int?
        var chosenStart = -1
        for (index, scene) in lesson.scenes.enumerated() {
            guard let start = scene.trigger.stepIndex(in: steps) else { continue }
            if start <= stepIndex && start >= chosenStart {
                chosen = index
                chosenStart = start
            }
        }
        return chosen
    }

    /// The first question not yet answered whose scene begins in `steps` (a range of step
    /// indices of the current granularity), with the step it begins at.
    public func unansweredQuestion(startingIn steps: ClosedRange<Int>)
        -> (sceneIndex: Int, step: Int)?
    {
        var found: (sceneIndex: Int, step: Int)?
        for (index, scene) in lesson.scenes.enumerated()
        where scene.question != nil && answers[index] == nil {
            guard let start = scene.trigger.stepIndex(in: self.steps), steps.contains(start)
            else { continue }
            if found == nil || start < found!.step { found = (index, start) }
        }
        return found
    }

    /// The current step as an index into the fine sequence, which is what progress records.
    public var fineStepIndex: Int {
        granularity == .fine ? stepIndex : fine.equivalent(of: step)
    }

    /// The student's right answers and the questions met so far.
    public var score: (right: Int, asked: Int) {
        (answers.values.filter { $0 == .right }.count, answers.count)
    }

    /// How many questions the lesson asks in all.
    public var questionCount: Int { lesson.scenes.filter { $0.question != nil }.count }
}
