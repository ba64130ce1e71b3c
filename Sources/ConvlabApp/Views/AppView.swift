import ScreenModel

/// Draws the whole screen for a state: `view(state) -> screen`. Pure, so `render` and the
/// snapshot tests see exactly what the terminal shows.
public func view(_ state: AppState) -> Screen {
    var screen = Screen(width: state.width, height: state.height)
    if state.isTooSmall {
        TooSmallView(state: state).draw(into: &screen)
        return screen
    }
    if state.showingHelp {
        HelpView(state: state).draw(into: &screen)
        return screen
    }
    switch state.mode {
    case .lessonList:
        LessonListView(state: state).draw(into: &screen)
    case .lesson:
        if let session = state.session {
            LessonView(state: state, session: session).draw(into: &screen)
        } else {
            LessonListView(state: state).draw(into: &screen)
        }
    case .lessonProblems:
        LessonProblemsView(state: state).draw(into: &screen)
    case .sandbox:
        if let sandbox = state.sandbox {
            SandboxView(state: state, sandbox: sandbox).draw(into: &screen)
        }
    }
    drawFootnotes(state, into: &screen)
    return screen
}

/// The last row: presentation mode clears the key bar, and a status notice covers it.
private func drawFootnotes(_ state: AppState, into screen: inout Screen) {
    let y = screen.height - 1
    if state.presentation {
        screen.fill(Rect(x: 0, y: y, width: screen.width, height: 1), style: Style(.normal))
    }
    if let status = state.status {
        // A notice wraps upwards over at most three rows, so its point is never cut off.
        let lines = Array(wrapWords(status, width: max(1, screen.width - 2)).prefix(3))
        for (offset, line) in lines.enumerated() {
            let row = y - lines.count + 1 + offset
            screen.fill(Rect(x: 0, y: row, width: screen.width, height: 1),
                        style: Style(.accent, reverse: true))
            screen.put(" " + line, x: 0, y: row,
                       style: Style(.accent, bold: true, reverse: true), maxWidth: screen.width)
        }
    }
}

/// Shown when the terminal is smaller than the layout needs.
struct TooSmallView {
    let state: AppState

    func draw(into screen: inout Screen) {
        let lines = [
            "convlab needs a terminal of at least",
            "\(AppState.minimumWidth)x\(AppState.minimumHeight);",
            "this one is \(state.width)x\(state.height).",
            "Enlarge it, or press q to quit.",
        ]
        // On a very small terminal, show as much of the message as fits, from the top.
        let fitted = lines.flatMap { wrapWords($0, width: max(1, state.width)) }
        let top = max(0, (state.height - fitted.count) / 2)
        for (offset, line) in fitted.enumerated() {
            let x = max(0, (state.width - line.count) / 2)
            screen.put(line, x: x, y: top + offset, style: Style(.accent, bold: offset < 3))
        }
    }
}
