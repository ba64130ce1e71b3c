import ConvModel
import LessonFormat

extension AppState {
    /// Moves the open lesson to step `target` (clamped). Moving forward stops at the first
    /// question not yet answered, so no answer is ever shown before the student predicts it.
    mutating func go(to target: Int) {
        guard var session else { return }
        let current = session.stepIndex
        let clamped = min(max(0, target), session.steps.count - 1)
        // The current step counts too: a second question that begins on the step of one
        // just answered is asked at the next move forward.
        if quizzes, clamped > current,
           let question = session.unansweredQuestion(startingIn: current...clamped)
        {
            session.go(to: question.step)
            ask(question.sceneIndex, in: &session)
        } else {
            session.go(to: clamped)
            dropStalePrompt(in: &session)
        }
        self.session = session
    }

    /// Asks the question of the scene at the current step, if there is one still unanswered
    /// (a lesson opening on a question's first step).
    mutating func askQuestionHere() {
        guard quizzes, var session,
              let question = session.unansweredQuestion(
                  startingIn: session.stepIndex...session.stepIndex)
        else { return }
        ask(question.sceneIndex, in: &session)
        self.session = session
    }

    private mutating func ask(_ sceneIndex: Int, in session: inout LessonSession) {
        guard let question = session.lesson.scenes[sceneIndex].question else { return }
        session.prompt = QuizPrompt(sceneIndex: sceneIndex, question: question,
                                    step: session.stepIndex)
        playing = false
    }

    /// An open question is dropped when the student steps back from it (it is asked again
    /// when reached); an answered one stays on screen while its scene does.
    private func dropStalePrompt(in session: inout LessonSession) {
        guard let prompt = session.prompt else { return }
        if prompt.isOpen || !prompt.isShown(in: session) { session.prompt = nil }
    }

    /// Copies the open lesson's place and answers into `progress`.
    mutating func recordProgress() {
        guard recordsProgress, mode == .lesson, let session else { return }
        let key = StudentProgress.key(forLessonAt: session.lesson.path)
        var record = progress.lessons[key] ?? LessonProgress()
        record.lastStep = session.fineStepIndex
        record.furthestStep = max(record.furthestStep, record.lastStep)
        if session.isAtEnd { record.completed = true }
        for (scene, verdict) in session.answers { record.answers[String(scene)] = verdict }
        if progress.lessons[key] != record { progress.lessons[key] = record }
    }

    /// Puts a reopened lesson back where the student left it, with its answers.
    mutating func restoreProgress() {
        guard var session else { return }
        let key = StudentProgress.key(forLessonAt: session.lesson.path)
        guard let record = progress.lessons[key] else { return }
        for (scene, verdict) in record.answers {
            if let index = Int(scene), index < session.lesson.scenes.count,
               session.lesson.scenes[index].question != nil
            {
                session.answers[index] = verdict
            }
        }
        // A finished lesson starts again from the top; an edited lesson may be shorter now.
        if !record.completed, record.lastStep > 0, record.lastStep < session.fine.count {
            let fineStep = session.fine.step(at: record.lastStep)
            session.go(to: session.granularity == .fine
                       ? record.lastStep : session.coarse.equivalent(of: fineStep))
            status = "Resumed at step \(session.stepIndex + 1) of \(session.steps.count); "
                + "g goes back to the start."
        }
        self.session = session
    }
}
