import ConvModel
import LessonFormat
import ScreenModel

/// The question block at the foot of the narrative: the question and the answer being typed,
/// or the verdict with the working.
struct QuizView {
    let prompt: QuizPrompt
    let network: Network
    let glyphs: GlyphSet

    /// The lines to draw, each with its style, wrapped to `width`.
    func lines(width: Int) -> [(String, Style)] {
        guard let verdict = prompt.verdict else {
            var result = wrapWords("Predict: " + questionText, width: width)
                .map { ($0, Style(.accent, bold: true)) }
            result.append(("> " + prompt.typed + "_", Style(.current, bold: true)))
            if let problem = prompt.problem {
                result += wrapWords(problem, width: width).map { ($0, Style(.error, bold: true)) }
            } else {
                result.append(("Enter checks your answer; Esc skips the question.", Style(.dim)))
            }
            return result
        }
        let heading: String
        let style: Style
        switch verdict {
        case .right:
            heading = "Right."
            style = Style(.positive, bold: true)
        case .wrong:
            heading = "Not quite: you said " + prompt.typed.trimmingCharacters(in: .whitespaces)
                + "."
            style = Style(.negative, bold: true)
        case .skipped:
            heading = "Skipped."
            style = Style(.dim, bold: true)
        }
        let working = QuizMarking.working(for: prompt.question, in: network, glyphs: glyphs)
        return [(heading, style)] + wrapWords(working, width: width).map { ($0, Style(.normal)) }
    }

    var questionText: String {
        switch prompt.question {
        case .cell(let row, let column, let filter, let layer):
            return "what value does the filter write into cell (\(row),\(column))"
                + where_(filter: filter, layer: layer) + "? (products plus bias)"
        case .activation(let row, let column, let filter, let layer):
            let activation = network.traces[layer - 1].layer.activation
            return "what is cell (\(row),\(column))" + where_(filter: filter, layer: layer)
                + " after \(activation)?"
        case .size(let layer):
            return "what size is the output map"
                + (network.traces.count > 1 ? " of layer \(layer)" : "")
                + "? Type it as HxW."
        }
    }

    private func where_(filter: Int, layer: Int) -> String {
        var text = ""
        if network.traces[layer - 1].appliedFilters.count > 1 { text += " of map \(filter)" }
        if network.traces.count > 1 { text += " in layer \(layer)" }
        return text
    }
}
