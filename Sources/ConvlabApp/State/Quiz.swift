import ConvModel
import Foundation
import LessonFormat

/// A question on screen: being answered, or answered with its verdict and working shown.
public struct QuizPrompt: Sendable, Equatable {
    /// The index of the scene that asks it, in `lesson.scenes`.
    public var sceneIndex: Int
    public var question: Question
    /// What the student has typed so far.
    public var typed = ""
    /// Nil while the student is still answering.
    public var verdict: Verdict?
    /// The step it was asked at; its answer stays on screen there even when a later scene
    /// begins on the same step.
    public var step: Int
    /// Why the last Enter was not taken as an answer (not a number, not a size).
    public var problem: String?

    public init(sceneIndex: Int, question: Question, step: Int) {
        self.sceneIndex = sceneIndex
        self.question = question
        self.step = step
    }

    /// Whether the prompt belongs on screen at `session`'s current step.
    func isShown(in session: LessonSession) -> Bool {
        isOpen || session.sceneIndex == sceneIndex || session.stepIndex == step
    }

    public var isOpen: Bool { verdict == nil }

    /// The characters an answer can hold: numbers in any form a lesson accepts, and sizes.
    static let answerCharacters = Set("0123456789.-+/eExX ,")
    static let maximumLength = 24
}

/// Marking a typed answer against the one the network gives.
public enum QuizMarking {
    /// The verdict on `typed`, or why it is not an answer at all (then the question stays
    /// open: a slip of the keyboard should not cost the student the question).
    ///
    /// A number is right within half a unit in the last place shown: a student who works with
    /// the two decimals the screen shows is not marked wrong for rounding.
    public static func mark(_ typed: String, answer: Question.Answer)
        -> Result<Verdict, Unreadable>
    {
        switch answer {
        case .number(let expected):
            switch NumberText.parse(Substring(trimmed(typed))) {
            case .success(let given):
                let tolerance = max(0.005, abs(expected) * 0.001)
                return .success(abs(given - expected) <= tolerance ? .right : .wrong)
            case .failure:
                return .failure(Unreadable(message: "'\(trimmed(typed))' is not a number; type "
                                               + "one such as 4, -2.5 or 1/3"))
            }
        case .size(let height, let width):
            guard let given = size(typed) else {
                return .failure(Unreadable(message: "type the size as height x width, "
                                               + "such as 6x6"))
            }
            return .success(given == (height, width) ? .right : .wrong)
        }
    }

    /// Why a typed text is not an answer.
    public struct Unreadable: Error, Equatable {
        public let message: String
    }

    /// Reads `6x4`, `6 x 4`, `6,4` or, for a square map, `6`; `6x` is a size half typed.
    static func size(_ typed: String) -> (Int, Int)? {
        let text = trimmed(typed).lowercased()
        let parts = text.split(separator: "x", omittingEmptySubsequences: false).count > 1
            ? text.split(separator: "x", omittingEmptySubsequences: false)
            : text.split(whereSeparator: { $0 == " " || $0 == "," })
        let numbers = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == parts.count else { return nil }
        switch numbers.count {
        case 1: return (numbers[0], numbers[0])
        case 2: return (numbers[0], numbers[1])
        default: return nil
        }
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces)
    }

    /// The working that leads to the answer, as the reveal shows it.
    public static func working(for question: Question, in network: Network,
                               glyphs: GlyphSet) -> String {
        guard let answer = question.answer(in: network) else { return "" }
        let trace = network.traces[question.layer - 1]
        switch (question, answer) {
        case (.size, .size(let height, let width)):
            let geometry = trace.geometry
            let settings = trace.layer.settings
            func formula(_ n: Int, _ padding: Int, _ kernel: Int, _ out: Int) -> String {
                "floor((\(n) + \(padding) - \(settings.dilation)x(\(kernel)-1) - 1) / "
                    + "\(settings.stride)) + 1 = \(out)"
            }
            return "height " + formula(geometry.inputHeight,
                                       geometry.paddingTop + geometry.paddingBottom,
                                       geometry.kernelHeight, height)
                + ", width " + formula(geometry.inputWidth,
                                       geometry.paddingLeft + geometry.paddingRight,
                                       geometry.kernelWidth, width)
                + ": \(height)x\(width)"
        case (.cell(let row, let column, let filter, let layer), .number(let value)):
            return sumText(row: row, column: column, filter: filter, layer: layer,
                           network: network, glyphs: glyphs) + " = " + NumberFormat.format(value)
        case (.activation(let row, let column, let filter, let layer), .number(let value)):
            let sum = trace.preactivation[row - 1, column - 1, filter - 1]
            return "\(trace.layer.activation)(" + NumberFormat.format(sum) + ") = "
                + NumberFormat.format(value) + " for cell (\(row),\(column)) of map \(filter), "
                + "layer \(layer)"
        default:
            return ""
        }
    }

    private static func sumText(row: Int, column: Int, filter: Int, layer: Int,
                                network: Network, glyphs: GlyphSet) -> String {
        let steps = StepSequence(network: network, granularity: .coarse)
        let products = steps.products(layer: layer - 1, filter: filter - 1, outRow: row - 1,
                                      outColumn: column - 1)
        let bias = network.traces[layer - 1].appliedFilters[filter - 1].bias
        let terms = products.map {
            "(" + NumberFormat.format($0.weight) + String(glyphs.times)
                + NumberFormat.format($0.value) + ")"
        }
        return terms.joined(separator: " + ") + " + b " + NumberFormat.format(bias)
    }
}

extension LessonSession {
    /// The map cell whose value an open question hides: (layer, filter, row, column), from 0.
    var hiddenCell: (layer: Int, filter: Int, row: Int, column: Int)? {
        guard let prompt, prompt.isOpen else { return nil }
        switch prompt.question {
        case .cell(let row, let column, let filter, let layer),
             .activation(let row, let column, let filter, let layer):
            return (layer - 1, filter - 1, row - 1, column - 1)
        case .size:
            return nil
        }
    }

    /// The layer whose output size an open question hides, from 0.
    var hiddenSizeLayer: Int? {
        guard let prompt, prompt.isOpen, case .size(let layer) = prompt.question else {
            return nil
        }
        return layer - 1
    }

    /// True when the current step's own cell is the one being asked about.
    var currentCellIsHidden: Bool {
        guard let hidden = hiddenCell else { return false }
        let step = self.step
        return hidden.layer == step.layer && hidden.filter == step.filter
            && hidden.row == step.outRow && hidden.column == step.outColumn
    }
}
