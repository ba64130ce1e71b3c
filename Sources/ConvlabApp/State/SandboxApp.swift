import ConvModel
import Foundation
import LessonFormat
import ScreenModel

// The sandbox inside the app: opening it, routing events to it while it is in front, and
// carrying out the saves it asks for.

/// Opens a sandbox on a copy of the lesson in front (`e`), or says why it cannot.
func openSandbox(fromLessonIn state: AppState) -> AppState {
    var next = state
    guard let lesson = next.session?.lesson, let sandbox = try? SandboxState(lesson: lesson)
    else { return next }
    next.sandbox = sandbox
    next.mode = .sandbox
    next.playing = false
    return next
}

/// Puts `sandbox` in front, as `convlab sandbox` does at start-up.
public func openingSandbox(_ sandbox: SandboxState, in state: AppState) -> AppState {
    var next = state
    next.sandbox = sandbox
    next.mode = .sandbox
    return next
}

/// `update` for the sandbox mode: resizes and quitting are the app's, everything else goes
/// to `updateSandbox`.
func updateSandboxMode(_ state: AppState, _ event: TerminalEvent) -> AppState {
    var next = state
    guard let sandbox = next.sandbox else {
        next.mode = next.session == nil ? .lessonList : .lesson
        return next
    }
    if case .resize(let width, let height) = event {
        next.width = width
        next.height = height
        return next
    }
    var changed = updateSandbox(sandbox, event)
    if changed.quitRequested {
        next.quitRequested = true
        changed.quitRequested = false
    }
    if changed.leaveRequested {
        changed.leaveRequested = false
        if changed.returnsToLesson, next.session != nil {
            next.mode = .lesson
        } else {
            changed.message = "Esc leaves a sandbox opened from a lesson; q quits"
        }
    }
    next.sandbox = changed
    return next
}

/// Carries out a save the sandbox asked for: asks before overwriting, writes through a
/// temporary file in the same folder and a rename, so a crash never leaves half a lesson.
/// Paths are relative to `workingDirectory`.
public func performSandboxEffects(_ state: AppState, workingDirectory: String = ".") -> AppState {
    guard var sandbox = state.sandbox, let request = sandbox.pendingSave else { return state }
    var next = state
    sandbox.pendingSave = nil
    let path = request.path.hasPrefix("/") ? request.path
        : (workingDirectory as NSString).appendingPathComponent(request.path)
    if FileManager.default.fileExists(atPath: path) && !request.overwrite {
        sandbox.prompt = SandboxState.SavePrompt(text: request.path, confirmingOverwrite: true)
        sandbox.message = nil
    } else {
        sandbox.prompt = nil
        do {
            try AtomicFile.write(Data(request.text.utf8), to: path)
            sandbox.message = "saved \(request.path); convlab check and convlab open it"
        } catch {
            // The prompt stays open with the path, so it can be corrected.
            sandbox.prompt = SandboxState.SavePrompt(text: request.path)
            sandbox.message = saveFailure(path: request.path, error)
        }
    }
    next.sandbox = sandbox
    return next
}

/// "could not save PATH: REASON", with a long path shortened in the middle so the reason
/// (the system's words, such as "No such file or directory") fits on screen.
func saveFailure(path: String, _ error: Error) -> String {
    // AtomicFile says "cannot create TEMPORARY: REASON"; the temporary name means nothing to
    // the student, so only the reason is kept.
    let description = "\(error)"
    let reason = description.range(of: ": ", options: .backwards)
        .map { String(description[$0.upperBound...]) } ?? description
    let limit = 32
    let shown = path.count <= limit ? path
        : String(path.prefix(limit / 2 - 1)) + "..." + String(path.suffix(limit / 2 - 2))
    return "could not save \(shown): \(reason)"
}
