import LessonFormat
import ScreenModel

/// Keys while a question waits for its answer; nil lets the key through to the lesson's own
/// handling (stepping back, the lesson list, help).
func handleAnswerKey(_ key: Key, in state: AppState) -> AppState? {
    guard var session = state.session, var prompt = session.prompt, prompt.isOpen else {
        return nil
    }
    var next = state
    switch key {
    case .character(let character) where QuizPrompt.answerCharacters.contains(character):
        if prompt.typed.count < QuizPrompt.maximumLength { prompt.typed.append(character) }
        prompt.problem = nil
    case .backspace:
        if !prompt.typed.isEmpty { prompt.typed.removeLast() }
        prompt.problem = nil
    case .control("u"):
        prompt.typed = ""
        prompt.problem = nil
    case .enter:
        guard !prompt.typed.trimmingCharacters(in: .whitespaces).isEmpty,
              let answer = prompt.question.answer(in: session.steps.network)
        else { return next }
        switch QuizMarking.mark(prompt.typed, answer: answer) {
        case .success(let verdict):
            prompt.verdict = verdict
            prompt.problem = nil
            session.answers[prompt.sceneIndex] = verdict
        case .failure(let unreadable):
            prompt.problem = unreadable.message
        }
    case .escape:
        prompt.verdict = .skipped
        session.answers[prompt.sceneIndex] = .skipped
    case .right, .end, .character("G"), .character("p"), .character("f"):
        next.status = "Type your answer and press Enter, or Esc to skip the question."
        return next
    default:
        return nil
    }
    session.prompt = prompt
    next.session = session
    return next
}
