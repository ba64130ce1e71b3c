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
            screen.put("No lessons found. Start convlab with --lessons DIR, or open a lesson "
                       + "file: convlab LESSON.md", x: 2, y: 2, maxWidth: screen.width - 4)
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
            case .success(let lesson):
                if let session = try? LessonSession(lesson: lesson) {
                    detail = "\(session.fine.count) steps"
                }
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
        let hint = "Enter opens the highlighted lesson."
        screen.put(hint, x: 2, y: screen.height - 2, style: Style(.dim), maxWidth: screen.width - 4)
        KeyBar.draw(KeyBar.list, into: &screen, glyphs: state.glyphs)
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
