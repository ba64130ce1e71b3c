import LessonFormat
import ScreenModel

/// The list of lessons, the first screen of `convlab`.
struct LessonListView {
    let state: AppState

    func draw(into screen: inout Screen) {
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1),
                    style: Style(.title, reverse: true))
        screen.put(" convlab " + String(state.glyphs.vertical) + " lessons", x: 0, y: 0,
                   style: Style(.title, bold: true, reverse: true))
        let count = "\(state.lessons.count) lesson" + (state.lessons.count == 1 ? "" : "s") + " "
        screen.put(count, x: max(0, screen.width - count.count), y: 0,
                   style: Style(.title, bold: true, reverse: true))
        if state.lessons.isEmpty {
            let message = "No lessons found. Start convlab with --lessons DIR, or open a lesson "
                + "file: convlab LESSON.md"
            for (offset, line) in wrapWords(message, width: screen.width - 4).enumerated() {
                screen.put(line, x: 2, y: 2 + offset)
            }
            KeyBar.draw(KeyBar.list, into: &screen, glyphs: state.glyphs)
            return
        }
        let rows = max(1, screen.height - 5)
        let visible = Viewport.range(lower: 0, upper: state.lessons.count, visible: rows,
                                     focus: state.selection...state.selection)
        for (offset, index) in visible.enumerated() {
            let entry = state.lessons[index]
            let y = 2 + offset
            let selected = index == state.selection
            var detail = ""
            switch entry.content {
            case .success:
                detail = Self.progressText(entry, state.progress.lessons[entry.progressKey])
            case .failure(let problems):
                detail = "\(problems.problems.count) problem"
                    + (problems.problems.count == 1 ? "" : "s")
            }
            let number = String(index + 1)
            let line = " " + String(repeating: " ", count: max(0, 3 - number.count)) + number
                + ". " + entry.title
            let style = selected ? Style(.selection, bold: true, reverse: true) : Style(.normal)
            screen.fill(Rect(x: 1, y: y, width: screen.width - 2, height: 1), style: style)
            screen.put(line, x: 1, y: y, style: style, maxWidth: screen.width - detail.count - 4)
            let detailStyle = entry.isReadable ? style : Style(.error, bold: true,
                                                               reverse: selected)
            screen.put(detail, x: screen.width - detail.count - 2, y: y, style: detailStyle)
        }
        let hint = state.lessons.contains { state.progress.lessons[$0.progressKey] != nil }
            ? "Enter opens the highlighted lesson where you left it."
            : "Enter opens the highlighted lesson."
        screen.put(hint, x: 2, y: screen.height - 2, style: Style(.dim), maxWidth: screen.width - 4)
        KeyBar.draw(KeyBar.list, into: &screen, glyphs: state.glyphs)
    }
}

extension LessonListView {
    /// `432 steps   28%   quiz 1/3`: the length, how far the student got, and the score.
    static func progressText(_ entry: LessonEntry, _ record: LessonProgress?) -> String {
        guard let steps = entry.fineSteps else { return "" }
        var reached = "     "
        if let record {
            reached = record.completed ? " done"
                : pad(String(record.furthestStep * 100 / max(1, steps - 1)) + "%", 5)
        }
        // The quiz column is blank, not missing, so the columns line up down the list.
        var quiz = String(repeating: " ", count: 13)
        if entry.questionCount > 0 {
            let right = record?.right ?? 0
            quiz = "   quiz " + pad("\(right)/\(entry.questionCount)", 5)
        }
        return pad("\(steps) steps", 10) + "  " + reached + quiz
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension LessonEntry {
    var isReadable: Bool {
        if case .success = content { return true }
        return false
    }
}

/// A lesson that could not be read: its problems, one per line, as `convlab check` prints them.
struct LessonProblemsView {
    let state: AppState

    func draw(into screen: inout Screen) {
        let entry = state.lessons[state.selection]
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1),
                    style: Style(.error, reverse: true))
        screen.put(" convlab " + String(state.glyphs.vertical) + " this lesson has problems",
                   x: 0, y: 0, style: Style(.error, bold: true, reverse: true))
        var lines: [String] = []
        switch entry.content {
        case .failure(let problems):
            for problem in problems.problems {
                lines += wrapWords(problem.description, width: screen.width - 4)
            }
        case .success:
            lines = ["The lesson could not be opened."]
        }
        for (offset, line) in lines.prefix(max(0, screen.height - 4)).enumerated() {
            screen.put(line, x: 2, y: 2 + offset, style: Style(.error))
        }
        KeyBar.draw(KeyBar.problems, into: &screen, glyphs: state.glyphs)
    }
}
