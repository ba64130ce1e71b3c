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
    }
    return screen
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
