import ConvlabApp
import Foundation
import ScreenModel

/// The run loop of the lesson player: wait for an event, update the state, draw the view.
///
/// All behaviour lives in `update` and `view`; this loop only moves events in and screens
/// out, so it stays small enough to trust without a terminal test of its own.
struct InteractiveSession {
    let options: InteractiveOptions

    func run() -> Int32 {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(forceMonochrome: false)
        } catch {
            FileHandle.standardError.write(Data("convlab: \(error)\n".utf8))
            return ExitStatus.needsTerminal
        }
        defer { terminal.shutdown() }

        let size = terminal.size
        var state = AppState(lessons: options.lessons, width: size.width, height: size.height)
        state.glyphs = terminal.glyphs == .ascii ? .ascii : .unicode
        if let index = options.openIndex { state = opening(index, in: state) }
        Log.write("start: pid \(getpid()), \(size.width)x\(size.height), "
                  + "\(options.lessons.count) lessons")

        terminal.draw(view(state))
        while !state.quitRequested {
            guard let event = terminal.nextEvent(timeoutMilliseconds: state.tickInterval) else {
                continue
            }
            state = update(state, event)
            terminal.draw(view(state))
        }
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
