import CNcurses
import Glibc

/// Puts the terminal back as it was found when the process ends by a signal, including a
/// crash, where no Swift cleanup code runs.
///
/// A signal handler may only call async-signal-safe functions, so everything the handlers need
/// is prepared in advance: the terminal modes are saved with `tcgetattr` before curses changes
/// them, and the bytes that undo curses' screen changes are computed while curses is running.
/// A handler then only calls `write`, `tcsetattr`, `sigaction`, `raise` and `_exit`.
enum TerminalRestore {
    /// The signals that end the process; the handler restores the terminal and exits with
    /// 128 + the signal number, as a shell reports a process killed by a signal.
    static let exitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Crashes and traps, plus Ctrl-\; after the restore, the signal goes on to whatever
    /// handled it before (Swift's backtracer, or the default action).
    static let fatalSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGQUIT]

    /// Saves the terminal modes and installs the handlers. Call before `newterm`: ncurses only
    /// installs its own SIGINT and SIGTERM handlers where it finds the default one, and ours
    /// must win because they exit with the status the app promises.
    ///
    /// - Parameters:
    ///   - inputFD: the terminal whose modes are saved and put back (curses' input).
    ///   - outputFD: where the reset bytes are written (curses' output).
    static func install(inputFD: Int32, outputFD: Int32) {
        // Touching every global here runs its lazy initialiser now, on the main thread,
        // rather than for the first time inside a handler.
        let state = handlerState
        _ = resetBuffer
        _ = resumeBuffer
        _ = previousActions

        state.pointee = HandlerState()
        state.pointee.inputFD = inputFD
        state.pointee.outputFD = outputFD
        state.pointee.hasSavedModes = tcgetattr(inputFD, &state.pointee.savedModes) == 0

        for signal in exitSignals {
            setHandler(signal, flags: 0) { signal in
                let state = handlerState
                // A second signal, or one when nothing is waiting to be saved, ends at once.
                if state.pointee.deferExit != 0 && state.pointee.pendingExit == 0 {
                    state.pointee.pendingExit = signal
                    return
                }
                exitAfterRestoring(signal)
            }
        }
        for signal in fatalSignals {
            // SA_ONSTACK lets the handler run after a stack overflow, on the alternate stack
            // the Swift runtime sets up, when there is one.
            convlab_set_signal_info_handler(
                signal,
                { signal, info, _ in
                    passOnAfterRestoring(signal, fromKernel: (info?.pointee.si_code ?? 0) > 0)
                }, SA_ONSTACK, previousActions + Int(signal))
        }
        // No SA_RESTART: when the process was stopped by SIGSTOP rather than Ctrl-Z, the
        // interrupted read returns, so `nextEvent` can report the resume at once.
        setHandler(SIGCONT, flags: 0) { _ in
            handlerState.pointee.resumed = 1
            writeFromHandler(resumeBuffer, length: handlerState.pointee.resumeLength)
        }

        // A blocked signal mask is inherited across exec: started by a parent that blocks
        // signals (a supervisor, a test runner's thread), Ctrl-C, Ctrl-Z, resizes and the
        // handlers above would all be held back forever. Unblock the ones the lab relies on.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in exitSignals + fatalSignals + [SIGCONT, SIGTSTP, SIGWINCH] {
            sigaddset(&wanted, signal)
        }
        sigprocmask(SIG_UNBLOCK, &wanted, nil)
        state.pointee.installed = true
    }

    /// Sets the bytes written to the terminal on a fatal signal: leave the alternate screen,
    /// show the cursor, reset attributes, stop mouse reporting. Longer input is cut.
    static func setResetSequence(_ bytes: [UInt8]) {
        // A handler running between these steps sees either no sequence or the whole one.
        handlerState.pointee.resetLength = 0
        let count = min(bytes.count, resetCapacity)
        for index in 0..<count { resetBuffer[index] = bytes[index] }
        handlerState.pointee.resetLength = count
    }

    /// Sets the bytes written when the process continues after a stop, before curses redraws.
    ///
    /// Curses' own Ctrl-Z handling turns the keypad's application mode off on the way out and
    /// does not turn it on again, and the read it was waiting in resumes without returning,
    /// so only a handler can send it before the next key: without it, the first arrow key
    /// after `fg` arrives as ESC [ C, which reads as Escape.
    static func setResumeSequence(_ bytes: [UInt8]) {
        handlerState.pointee.resumeLength = 0
        let count = min(bytes.count, resumeCapacity)
        for index in 0..<count { resumeBuffer[index] = bytes[index] }
        handlerState.pointee.resumeLength = count
    }

    /// Puts back the signal dispositions found by `install`, after a normal shutdown.
    static func uninstall() {
        guard handlerState.pointee.installed else { return }
        handlerState.pointee.installed = false
        handlerState.pointee.resetLength = 0
        handlerState.pointee.resumeLength = 0
        for signal in exitSignals + fatalSignals + [SIGCONT] {
            sigaction(signal, previousActions + Int(signal), nil)
        }
    }

    /// Whether the process was continued (after Ctrl-Z and `fg`) since the last call; clears
    /// the mark, so each resume is reported once.
    /// Whether SIGINT, SIGTERM and SIGHUP wait for the run loop (see `HandlerState`).
    static func deferExitSignals(_ waiting: Bool) {
        handlerState.pointee.deferExit = waiting ? 1 : 0
    }

    /// The exit signal that arrived while deferred, if any.
    static func takePendingExit() -> Int32? {
        let signal = handlerState.pointee.pendingExit
        return signal == 0 ? nil : signal
    }

    static func takeResume() -> Bool {
        guard handlerState.pointee.resumed != 0 else { return false }
        handlerState.pointee.resumed = 0
        return true
    }

    /// The bytes that undo curses' changes to the screen, from this terminal's terminfo entry,
    /// for the crash handler, which cannot ask curses. Call while curses is running.
    static func resetSequence(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        // Reset attributes, show the cursor, keypad back to normal; leave the alternate screen
        // last, so the shell's screen comes back clean.
        for capability in ["sgr0", "cnorm", "rmkx"] {
            bytes += terminfoBytes(capability)
        }
        if mouse {
            // The xterm mouse modes curses may have turned on: clicks, drags, motion, SGR.
            bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)
        }
        bytes += terminfoBytes("rmcup")
        return bytes
    }

    /// A terminfo string capability as bytes to write, without its padding: terminfo's
    /// `$<5>` delays are for curses to carry out, and written as they are they would show.
    static func terminfoBytes(_ capability: String) -> [UInt8] {
        guard let value = tigetstr(capability),
            Int(bitPattern: value) != -1  // (char *)-1: not a string capability
        else { return [] }

        let raw = Array(String(cString: value).utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < raw.count {
            let opensPadding =
                raw[index] == UInt8(ascii: "$") && index + 1 < raw.count
                && raw[index + 1] == UInt8(ascii: "<")
            if opensPadding, let close = raw[index...].firstIndex(of: UInt8(ascii: ">")) {
                index = close + 1
            } else {
                bytes.append(raw[index])
                index += 1
            }
        }
        return bytes
    }

    private static func setHandler(
        _ signal: Int32, flags: Int32,
        _ handler: @convention(c) (Int32) -> Void
    ) {
        let previous = previousActions + Int(signal)
        convlab_set_signal_handler(signal, handler, flags, previous)

        // Someone chose to ignore this signal (nohup ignores SIGHUP): keep it ignored.
        if convlab_handler_is_ignore(previous) != 0 {
            sigaction(signal, previous, nil)
        }
    }
}

/// Everything a handler reads besides the reset bytes, kept at one fixed address.
private struct HandlerState {
    var inputFD: Int32 = -1
    var outputFD: Int32 = -1
    var hasSavedModes = false
    var savedModes = termios()
    var resetLength = 0
    var resumeLength = 0
    var resumed: sig_atomic_t = 0
    var installed = false
    /// Set while autoplay has progress not yet on disk: SIGINT, SIGTERM and SIGHUP are then
    /// noted here rather than acted on, and the run loop saves and quits within one tick.
    var deferExit: sig_atomic_t = 0
    var pendingExit: sig_atomic_t = 0
}

private let resetCapacity = 512
private let resumeCapacity = 64

// Allocated once and never freed: a handler may run at any moment until the process ends.
// Raw pointers rather than Swift variables, because a handler interrupting the main thread
// mid-access to a Swift variable would trip the runtime's exclusivity check.
nonisolated(unsafe) private let handlerState: UnsafeMutablePointer<HandlerState> = {
    let pointer = UnsafeMutablePointer<HandlerState>.allocate(capacity: 1)
    pointer.initialize(to: HandlerState())
    return pointer
}()
nonisolated(unsafe) private let resetBuffer: UnsafeMutablePointer<UInt8> = {
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: resetCapacity)
    pointer.initialize(repeating: 0, count: resetCapacity)
    return pointer
}()
nonisolated(unsafe) private let resumeBuffer: UnsafeMutablePointer<UInt8> = {
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: resumeCapacity)
    pointer.initialize(repeating: 0, count: resumeCapacity)
    return pointer
}()
/// Indexed by signal number; Linux numbers signals below 65.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    pointer.initialize(repeating: sigaction(), count: 65)
    return pointer
}()

/// Writes `length` bytes from `bytes` to the terminal; async-signal-safe.
private func writeFromHandler(_ bytes: UnsafeMutablePointer<UInt8>, length: Int) {
    // errno belongs to the code the handler interrupted; leave it as it was.
    let savedErrno = errno
    defer { errno = savedErrno }
    var written = 0
    while written < length {
        let result = write(handlerState.pointee.outputFD, bytes + written, length - written)
        if result > 0 {
            written += result
        } else if result < 0 && errno == EINTR {
            continue
        } else {
            break
        }
    }
}

/// Writes the reset bytes and puts back the saved modes; async-signal-safe.
private func restoreTerminalFromHandler() {
    let state = handlerState
    writeFromHandler(resetBuffer, length: state.pointee.resetLength)
    if state.pointee.hasSavedModes {
        // TCSANOW, not TCSADRAIN: waiting for output to drain could hang a dying process.
        tcsetattr(state.pointee.inputFD, TCSANOW, &state.pointee.savedModes)
    }
}

private func exitAfterRestoring(_ signal: Int32) {
    restoreTerminalFromHandler()
    _exit(128 + signal)
}

/// Restores the terminal, then hands the signal to whoever had it before us.
///
/// - Parameter fromKernel: the signal came from a faulting instruction, not from `kill` or
///   `abort`.
private func passOnAfterRestoring(_ signal: Int32, fromKernel: Bool) {
    restoreTerminalFromHandler()

    let previous = previousActions + Int(signal)
    if convlab_handler_is_ignore(previous) != 0 {
        // An ignored crash signal would fault again forever: use the default action.
        convlab_set_signal_handler(signal, nil, 0, nil)
    } else {
        sigaction(signal, previous, nil)
    }

    // A faulting instruction runs again when this handler returns and faults once more, so
    // the previous handler (Swift's backtracer) sees the real fault address. Anything else,
    // and x86's int3 (which does not run again), is raised anew: the signal is blocked while
    // this handler runs, so it stays pending and arrives as the handler returns.
    if !fromKernel || signal == SIGTRAP {
        raise(signal)
    }
}
