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
        stepIndex = min(max(0, index), steps.count - 1)
    }

    /// Switches between fine and coarse stepping, staying on the same moment.
    public mutating func toggleGranularity() {
        let current = step
        granularity = granularity == .fine ? .coarse : .fine
        let equivalent = steps.equivalent(of: current)
        go(to: equivalent)
    }

    /// The scene whose narrative belongs to the current step: the last one that has begun.
    public var scene: Scene? {
        var chosen: Scene?
        var chosenStart = -1
        for scene in lesson.scenes {
            guard let start = scene.trigger.stepIndex(in: steps) else { continue }
            if start <= stepIndex && start >= chosenStart {
                chosen = scene
                chosenStart = start
            }
        }
        return chosen
    }
}
