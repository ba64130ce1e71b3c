import ConvModel
import LessonFormat
import ScreenModel

/// The one way the app's state changes: a pure function of the state and an event.
///
/// Keys, autoplay ticks, resizes and clicks are all events, so every behaviour can be tested
/// by feeding events to this function and looking at the state or the rendered screen.
public func update(_ state: AppState, _ event: TerminalEvent) -> AppState {
    var next = respond(to: event, in: state)
    next.recordProgress()
    return next
}

private func respond(to event: TerminalEvent, in state: AppState) -> AppState {
    if state.mode == .sandbox { return updateSandboxMode(state, event) }
    var next = state
    switch event {
    case .resize(let width, let height):
        next.width = width
        next.height = height
    case .tick:
        guard next.playing, next.mode == .lesson, !next.isTooSmall, let session = next.session
        else { break }
        if session.isAtEnd && next.autoplayAll && !next.lessons.isEmpty {
            // Hands-free: on to the next lesson, from its start, round and round.
            next = open((next.selection + 1) % next.lessons.count, in: next, resume: false)
            next.playing = next.mode == .lesson
        } else if session.isAtEnd {
            next.playing = false
        } else {
            next.go(to: session.stepIndex + 1)
        }
    case .mouseClick(let x, let y):
        guard next.mode == .lesson, !next.showingHelp, !next.isTooSmall,
              let session = next.session
        else { break }
        let layout = LessonLayout(state: next, session: session)
        if let cell = layout.mapCell(atX: x, y: y) {
            let step = session.step
            next.playing = false
            next.go(to: session.steps.writeStep(
                layer: step.layer, filter: step.filter, outRow: cell.row, outColumn: cell.column))
        }
    case .key(let key):
        next = handle(key, in: next)
    }
    return next
}

private func handle(_ key: Key, in state: AppState) -> AppState {
    var next = state
    next.status = nil
    // Quitting works from every screen, without a question.
    if key == .character("q") || key == .control("c") {
        next.quitRequested = true
        next.playing = false
        return next
    }
    if next.showingHelp {
        // Any other key closes the help; it is a page to glance at, not a mode to escape.
        next.showingHelp = false
        return next
    }
    if next.mode == .lesson, let answered = handleAnswerKey(key, in: next) { return answered }
    if key == .character("?") {
        next.showingHelp = true
        return next
    }
    if key == .character("P") {
        next.presentation.toggle()
        return next
    }
    switch next.mode {
    case .lessonList: return handleList(key, in: next)
    case .lesson: return handleLesson(key, in: next)
    case .lessonProblems:
        if key == .escape || key == .character("L") || key == .enter { next.mode = .lessonList }
        if key == .character("n") || key == .character("N") {
            return open(next.selection + (key == .character("n") ? 1 : -1), in: next)
        }
        return next
    case .sandbox: return next
    }
}

private func handleList(_ key: Key, in state: AppState) -> AppState {
    var next = state
    let count = next.lessons.count
    guard count > 0 else { return next }
    switch key {
    case .up, .character("k"): next.selection = max(0, next.selection - 1)
    case .down, .character("j"): next.selection = min(count - 1, next.selection + 1)
    case .home, .character("g"): next.selection = 0
    case .end, .character("G"): next.selection = count - 1
    case .pageUp: next.selection = max(0, next.selection - 10)
    case .pageDown: next.selection = min(count - 1, next.selection + 10)
    case .enter, .right, .character("l"): return open(next.selection, in: next)
    case .escape:
        // Back to the lesson that was open, if there is one, with the list's highlight (which
        // n, N and the header count from) back on it.
        if let session = next.session {
            next.mode = .lesson
            if let index = next.lessons.firstIndex(where: { $0.path == session.lesson.path }) {
                next.selection = index
            }
        }
    default: break
    }
    return next
}

private func handleLesson(_ key: Key, in state: AppState) -> AppState {
    var next = state
    guard let current = next.session else { return next }
    switch key {
    case .right, .character("l"), .character(" "):
        next.go(to: current.stepIndex + 1)
        return next
    case .left, .character("h"), .backspace:
        next.go(to: current.stepIndex - 1)
        return next
    case .home, .character("g"):
        next.go(to: 0)
        return next
    case .end, .character("G"):
        next.go(to: current.steps.count - 1)
        return next
    case .character("p"):
        // Playing from the last step starts again from the first, as media players do.
        if !next.playing && current.isAtEnd { next.go(to: 0) }
        next.playing.toggle()
        return next
    default:
        break
    }
    guard var session = next.session else { return next }
    switch key {
    case .character("+"), .character("="):
        next.speedIndex = min(AppState.speeds.count - 1, next.speedIndex + 1)
    case .character("-"), .character("_"):
        next.speedIndex = max(0, next.speedIndex - 1)
    case .pageDown, .control("d"):
        // A page is the rows in view less one, so a line is never skipped; it stops at the
        // scene's last page, so PgUp comes straight back.
        let layout = LessonLayout(state: next, session: session)
        if let story = NarrativeLayout(state: next, session: session, rect: layout.narrative) {
            session.narrativeOffset = min(story.first + max(1, story.textRows - 1),
                                          story.lastOffset)
        }
    case .pageUp, .control("u"):
        let layout = LessonLayout(state: next, session: session)
        if let story = NarrativeLayout(state: next, session: session, rect: layout.narrative) {
            session.narrativeOffset = max(0, story.first - max(1, story.textRows - 1))
        }
    case .character("f"):
        session.toggleGranularity()
        session.prompt = session.prompt?.isOpen == true ? nil : session.prompt
    case .character("n"):
        return open(next.selection + 1, in: next)
    case .character("N"):
        return open(next.selection - 1, in: next)
    case .character("e"):
        return openSandbox(fromLessonIn: next)
    case .escape where next.gradients.fullScreen:
        next.gradients.fullScreen = false
    case .character("L"), .escape:
        next.mode = .lessonList
        next.playing = false
    default:
        if let panel = handleGradientKey(key, next.gradients, input: session.lesson.input) {
            next.gradients = panel
        }
    }
    next.session = session
    return next
}

/// The gradient panel's keys; nil when `key` is not one of them.
private func handleGradientKey(_ key: Key, _ panel: GradientPanel, input: Grid) -> GradientPanel? {
    var next = panel
    var recompute = false
    switch key {
    case .character("t"): next.fullScreen.toggle()
    case .character("<"), .character(","): next.cursor = max(0, next.cursor - 1)
    case .character(">"), .character("."): next.cursor = min(next.layers - 1, next.cursor + 1)
    case .character("["):
        next.layers = max(DeepStack.allowedDepths.lowerBound, next.layers - 1)
        recompute = true
    case .character("]"):
        next.layers = min(DeepStack.allowedDepths.upperBound, next.layers + 1)
        recompute = true
    case .character("r"):
        next.seed += 1
        recompute = true
    case .character(let digit) where ("1"..."4").contains(digit):
        let index = Int(String(digit))! - 1
        next.shown[index].toggle()
        // Keep at least one curve: hiding the last would leave an empty plot.
        if !next.shown.contains(true) { next.shown[index] = true }
    default:
        return nil
    }
    if recompute { next.recompute(for: input) }
    return next
}

/// Opens lesson `index` of the list (clamped), keeping the fine/coarse choice; `resume` puts
/// the student back where the saved progress says they left it.
func open(_ index: Int, in state: AppState, resume: Bool = true) -> AppState {
    var next = state
    guard !next.lessons.isEmpty else { return next }
    let clamped = min(max(0, index), next.lessons.count - 1)
    next.selection = clamped
    next.playing = false
    switch next.lessons[clamped].content {
    case .success(let lesson):
        let granularity = next.session?.granularity ?? .fine
        if let session = try? LessonSession(lesson: lesson, granularity: granularity) {
            next.session = session
            next.mode = .lesson
            next.gradients.recompute(for: lesson.input)
            if resume { next.restoreProgress() }
            next.askQuestionHere()
        } else {
            next.mode = .lessonProblems
        }
    case .failure:
        next.mode = .lessonProblems
    }
    return next
}

/// Opens the lesson at `index` directly, as `convlab LESSON` does at start-up.
public func opening(_ index: Int, in state: AppState) -> AppState {
    open(index, in: state)
}
