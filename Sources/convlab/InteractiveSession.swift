import ConvlabApp
import Foundation
import ScreenModel

/// The run loop of the lesson player: wait for an event, update the state, draw the view.
///
/// All behaviour lives in `update` and `view`; this loop only moves events in and screens
/// out, so it stays small enough to trust without a terminal test of its own.
struct InteractiveSession {
    let options: InteractiveOptions
    /// Set by `convlab sandbox`: the sandbox to open instead of a lesson.
    var sandbox: SandboxState? = nil

    func run() -> Int32 {
        let store = ProgressStore(environment: ProcessInfo.processInfo.environment)
        let loaded = store.load()
        if let warning = loaded.warning { Log.write(warning) }
        // A terminal that cannot place its cursor gets the line-by-line player instead.
        if sandbox == nil, !CursesTerminal.canAddressCursor() {
            return LineModeSession(options: options).run()
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(forceMonochrome: false)
        } catch {
            FileHandle.standardError.write(Data("convlab: \(error)\n".utf8))
            return ExitStatus.needsTerminal
        }
        defer { terminal.shutdown() }

        let size = terminal.size
        var state = AppState.starting(options, progress: loaded.progress, width: size.width,
                                      height: size.height)
        state.glyphs = terminal.glyphs == .ascii ? .ascii : .unicode
        if let sandbox { state = openingSandbox(sandbox, in: state) }
        state.status = loaded.warning ?? state.status
        var saver = ProgressSaver(store: store, saved: loaded.progress)
        Log.write("start: pid \(getpid()), \(size.width)x\(size.height), "
                  + "\(options.lessons.count) lessons")

        if state.needsLiveBench { state.liveBench = LiveBench.measure() }
        terminal.draw(view(state))
        while !state.quitRequested {
            // During autoplay the last second of progress may not be on disk yet; a signal to
            // quit then waits for this loop, which saves first. Otherwise it ends at once.
            TerminalRestore.deferExitSignals(state.playing)
            let next = terminal.nextEvent(timeoutMilliseconds: state.tickInterval)
            if let signal = TerminalRestore.takePendingExit() {
                saver.save(state.progress, soon: true)
                Log.write("signal \(signal): progress saved, quitting")
                return 128 + signal
            }
            guard let event = next else {
                if terminal.inputEnded {
                    saver.save(state.progress, soon: true)
                    Log.write("the terminal went away: progress saved, quitting")
                    return 128 + SIGHUP
                }
                continue
            }
            state = update(state, event)
            state = performSandboxEffects(
                state, workingDirectory: FileManager.default.currentDirectoryPath)
            if state.needsLiveBench { state.liveBench = LiveBench.measure() }
            if let problem = saver.save(state.progress, soon: !state.playing) {
                state.status = problem
            }
            terminal.draw(view(state))
        }
        saver.save(state.progress, soon: true)
        Log.write("quit")
        return ExitStatus.success
    }
}

/// Diagnostics for a file named by `CONVLAB_LOG`; nothing is written to the terminal while
/// curses owns it.
enum Log {
    static func write(_ message: String) {
        guard let path = ProcessInfo.processInfo.environment["CONVLAB_LOG"], !path.isEmpty
        else { return }
        let line = "\(Date().timeIntervalSince1970) \(message)\n"
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            try? handle.close()
        } else {
            FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
        }
    }
}

/// Writes progress when it changes: at once when the student is stepping by hand, at most once
/// a second during autoplay (which changes it on every step).
struct ProgressSaver {
    let store: ProgressStore
    var saved: StudentProgress
    var lastWrite = Date.distantPast
    private var failedBefore = false

    init(store: ProgressStore, saved: StudentProgress) {
        self.store = store
        self.saved = saved
    }

    /// Saves if due; returns a message for the student when the write failed (only the first
    /// time, so a read-only home does not nag on every step).
    @discardableResult
    mutating func save(_ progress: StudentProgress, soon: Bool) -> String? {
        guard progress != saved else { return nil }
        guard soon || Date().timeIntervalSince(lastWrite) >= 1 else { return nil }
        lastWrite = Date()
        do {
            // Merged with the file as it is now: another convlab may have saved other lessons.
            try store.saveMerging(progress, since: saved)
            saved = progress
            return nil
        } catch {
            // Not fatal: the lesson goes on without saving. Said once on screen and in the log,
            // not on every step.
            saved = progress
            guard !failedBefore else { return nil }
            failedBefore = true
            Log.write("cannot save progress: \(error)")
            return "Progress cannot be saved (\(error)); the lesson goes on without it."
        }
    }

}
