import ConvlabApp
import Foundation
import ScreenModel

/// The lesson player for terminals that cannot move their cursor (`TERM=dumb`, an editor's
/// shell buffer, some serial consoles): each screen is printed as plain ASCII text, followed
/// by a prompt for a one-line command. Nothing but printable text is written.
struct LineModeSession {
    let options: InteractiveOptions

    func run() -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let store = ProgressStore(environment: environment)
        let loaded = store.load()
        // Such terminals say little about their size; the layout needs at least 80x24.
        let width = max(AppState.minimumWidth, Int(environment["COLUMNS"] ?? "") ?? 0)
        let height = max(AppState.minimumHeight, Int(environment["LINES"] ?? "") ?? 0)
        var state = AppState.starting(options, progress: loaded.progress, width: width,
                                      height: height)
        state.glyphs = .ascii
        state.playing = false
        state.status = loaded.warning ?? state.status
        var saver = ProgressSaver(store: store, saved: loaded.progress)
        write("convlab: this terminal cannot move its cursor, so each screen is printed in "
              + "turn. Type a command and press Enter.\n")
        while !state.quitRequested {
            if state.needsLiveBench { state.liveBench = LiveBench.measure() }
            // The key bar names keys this mode does not read; the prompt line replaces it.
            var lines = view(state).plainText().split(separator: "\n",
                                                      omittingEmptySubsequences: false)
            if state.status == nil, lines.count >= 2 { lines.removeLast(2) }
            write(String(repeating: "=", count: width) + "\n" + lines.joined(separator: "\n")
                  + "\n" + LineCommands.prompt(for: state))
            guard let line = readLine() else { break }  // end of input: leave quietly
            let keys = LineCommands.keys(for: line, in: state)
            for key in keys where !state.quitRequested {
                state = update(state, .key(key))
            }
            let typed = line.trimmingCharacters(in: .whitespaces)
            if keys.isEmpty && !typed.isEmpty {
                state.status = "'\(typed)' is not a command here; the commands are on the "
                    + "last line."
            }
            if let problem = saver.save(state.progress, soon: true) { state.status = problem }
        }
        saver.save(state.progress, soon: true)
        return ExitStatus.success
    }

    /// Unbuffered, so the prompt is on screen before the read waits.
    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
