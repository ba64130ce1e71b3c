import Foundation
import Testing

/// The real binary on awkward terminals: tiny and shrinking windows, terminal types without
/// colour or cursor movement, a non-UTF-8 locale, and every way a process can be stopped.
/// Each ends with the terminal as it was found.
@Suite(.serialized, .enabled(if: tmuxAvailable)) struct RoughTerminalTests {
    let sliding = lessonsFolder + "/01-the-sliding-filter.md"

    /// What a pane shows about the terminal state: alternate screen on, cursor shown.
    func paneFlags(_ tmux: TmuxSession) throws -> (alternate: Bool, cursor: Bool) {
        let text = try tmuxOutput(tmux, ["display", "-p", "-t", "e2e",
                                         "#{alternate_on} #{cursor_flag}"])
        let flags = text.split(separator: " ").map { $0.hasPrefix("1") }
        return (flags.first ?? true, flags.last ?? false)
    }

    /// Runs a tmux command on the session's own server and returns what it printed.
    func tmuxOutput(_ tmux: TmuxSession, _ arguments: [String]) throws -> String {
        let file = tmux.path("out-" + UUID().uuidString)
        _ = try TmuxSession.spawnAndWait(["tmux", "-L", tmux.socket, "-f", "/dev/null"] + arguments,
                                         output: file)
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    /// convlab ended and left the terminal as it found it: same modes, main screen, cursor.
    func expectRestored(_ tmux: TmuxSession, status expected: Int32) throws {
        #expect(try tmux.waitForExit() == expected)
        #expect(try tmux.sttyAfter() == tmux.sttyBefore())
        let flags = try paneFlags(tmux)
        #expect(!flags.alternate, "still on the alternate screen")
        #expect(flags.cursor, "cursor left hidden")
    }

    // MARK: - Sizes

    @Test func tinyWindowsNeverCrashAndTheFullScreenComesBack() throws {
        let tmux = try TmuxSession(arguments: [sliding, "--no-quiz"], width: 80, height: 24)
        _ = try tmux.waitFor("step 1/")
        let pid = try tmux.convlabPID()

        // Each size gets what fits of the same message, from its first words.
        for (width, height, shown) in [(1, 1, ""), (2, 2, "co"), (10, 5, "needs a"),
                                       (79, 23, "this one is 79x23.")] {
            try tmux.resize(width: width, height: height)
            _ = try tmux.waitForScreen("the message at \(width)x\(height)") { screen in
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return (shown.isEmpty || screen.contains(shown)) && lines.count <= height + 1
                    && !screen.contains("step 1/")
            }
            #expect(kill(pid, 0) == 0, "convlab ended at \(width)x\(height)")
        }
        try tmux.resize(width: 80, height: 24)
        let back = try tmux.waitFor("filter vertical-edge")
        #expect(back.contains("step 1/"))
        #expect(!back.contains("needs a"))
        try tmux.send("q")
        try expectRestored(tmux, status: 0)
    }

    @Test func aStormOfResizesDuringAutoplay() throws {
        let tmux = try TmuxSession(arguments: [sliding, "--no-quiz", "--speed", "2"],
                                   width: 80, height: 24)
        _ = try tmux.waitFor("step 1/")
        try tmux.send("p")
        // Forty resizes as fast as tmux takes them, through sizes too small to draw in.
        let sizes = [(80, 24), (1, 1), (120, 40), (3, 7), (79, 23), (200, 60), (40, 2), (81, 25)]
        for round in 0..<40 {
            let (width, height) = sizes[round % sizes.count]
            try tmux.resize(width: width, height: height)
        }
        try tmux.resize(width: 100, height: 30)
        // Still playing, at the new size: the step counter goes on rising.
        let first = try step(in: tmux.waitFor("filter vertical-edge"))
        _ = try tmux.waitForScreen("autoplay to go on") { (try? self.step(in: $0)) ?? 0 > first }
        // Back to the size the terminal started with, whose rows and columns stty records.
        try tmux.resize(width: 80, height: 24)
        _ = try tmux.waitForScreen("80 columns again") { screen in
            screen.split(separator: "\n").allSatisfy { $0.count <= 80 }
                && screen.contains("filter vertical-edge")
        }
        try tmux.send("q")
        try expectRestored(tmux, status: 0)
    }

    /// The number N of the header's "step N/TOTAL".
    func step(in screen: String) throws -> Int {
        let found = try #require(screen.range(of: "step [0-9]+/", options: .regularExpression))
        return try #require(Int(screen[found].dropFirst(5).dropLast()))
    }

    // MARK: - Terminal types and locales

    @Test(arguments: [
        ["TERM": "xterm"], ["TERM": "screen"], ["TERM": "vt100"], ["NO_COLOR": "1"],
        ["TERM": "tmux-256color"],
    ])
    func everyCommonTerminalGetsTheLab(environment: [String: String]) throws {
        // `swift test` sets NO_COLOR=1 for its children; set but empty means colour is fine.
        let tmux = try TmuxSession(arguments: [sliding, "--no-quiz"], width: 80, height: 24,
                                   environment: environment.merging(["NO_COLOR": ""]) { mine, _ in mine })
        let screen = try tmux.waitFor("step 1/")
        #expect(screen.contains("│"))
        #expect(screen.contains("filter vertical-edge"))

        // The colours sent match the terminal: 256-colour codes only where the terminal has
        // them, none at all with NO_COLOR or on a VT100.
        let styled = try tmuxOutput(tmux, ["capture-pane", "-e", "-p", "-t", "e2e"])
        let has256 = styled.contains("[38;5;") || styled.contains(";38;5;")
        let hasAnyColour = has256 || styled.range(of: "\u{1B}\\[([0-9;]*;)?[34][0-7](;|m)",
                                                    options: .regularExpression) != nil
        switch environment["TERM"] {
        case "tmux-256color": #expect(has256)
        case "xterm", "screen": #expect(hasAnyColour && !has256)
        default: #expect(!hasAnyColour)
        }
        try tmux.send("q")
        try expectRestored(tmux, status: 0)
    }

    @Test func aNonUTF8LocaleGetsPlainASCII() throws {
        let tmux = try TmuxSession(arguments: [sliding, "--no-quiz"], width: 80, height: 24,
                                   environment: ["LANG": "C", "LC_ALL": "C"])
        let screen = try tmux.waitFor("step 1/")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(screen.contains(" | "))
        #expect(screen.contains("-----"))
        // The gradient panel's Braille plot falls back to marks.
        #expect(screen.contains("*"))
        try tmux.send("q")
        try expectRestored(tmux, status: 0)
    }

    /// A terminal that cannot move its cursor gets each screen printed in turn, as ASCII
    /// text, and one-line commands.
    @Test func aDumbTerminalGetsLineMode() throws {
        // Tall enough that one printed screen and its prompt fit in the pane at once.
        let tmux = try TmuxSession(arguments: ["--no-quiz", sliding], width: 80, height: 40,
                                   environment: ["TERM": "dumb"])
        var screen = try tmux.waitFor("step 1/432")
        #expect(screen.contains("each screen is printed in turn"))
        #expect(screen.contains("q quit >"))
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
        try tmux.send("Enter")
        screen = try tmux.waitFor("step 2/432")
        #expect(screen.contains("sum so far 0"))
        try tmux.send("2", "4", "Enter")
        screen = try tmux.waitFor("step 24/432")
        #expect(screen.contains("= 24  written"))
        try tmux.send("q", "Enter")
        try expectRestored(tmux, status: 0)
    }

    @Test(arguments: [("", "TERM is not set"),
                      ("no-such-terminal", "TERM=no-such-terminal is unknown")])
    func terminalsWithoutTheLabGetAMessage(term: String, message: String) throws {
        let tmux = try TmuxSession(arguments: [sliding], width: 80, height: 24,
                                   environment: ["TERM": term])
        // The pane wraps long lines without adding spaces: join them to read the message.
        let screen = try tmux.waitFor("convlab: ").replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains(message))
        #expect(screen.contains("TERM=xterm-256color"))
        try expectRestored(tmux, status: 2)
    }

    /// A lesson whose title and text try to clear the screen, rename the window (OSC 2),
    /// ring the bell and move the cursor: the terminal shows placeholders and obeys none.
    @Test func aHostileLessonCannotDriveTheTerminal() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("convlab-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let attack = "\u{1B}]2;owned\u{07}\u{1B}[2J\u{1B}[10;10H\u{9B}7m\u{07}"
        let path = folder + "/hostile.md"
        try "# Title \(attack)end\n\nText \(attack)end.\n\n```input\n1 2\n3 4\n```\n\n```filter\n1\n```\n"
            .write(toFile: path, atomically: true, encoding: .utf8)

        let tmux = try TmuxSession(arguments: [path, "--no-quiz"], width: 80, height: 24)
        let screen = try tmux.waitFor("step 1/")
        #expect(screen.contains("Title \u{FFFD}]2;owned\u{FFFD}\u{FFFD}[2J\u{FFFD}[10;10H"))
        #expect(screen.contains("Text \u{FFFD}]2;owned"))
        let title = try tmuxOutput(tmux, ["display", "-p", "-t", "e2e", "#{pane_title}"])
        #expect(!title.contains("owned"))
        let bell = try tmuxOutput(tmux, ["display", "-p", "-t", "e2e", "#{window_bell_flag}"])
        #expect(bell.hasPrefix("0"))
        try tmux.send("q")
        try expectRestored(tmux, status: 0)
    }

    // MARK: - Signals

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func endingSignalsRestoreTheTerminalAndExitWithTheirNumber(signal: Int32) throws {
        let tmux = try TmuxSession(arguments: [sliding, "--no-quiz"], width: 80, height: 24)
        _ = try tmux.waitFor("step 1/")
        try tmux.send("p")
        kill(try tmux.convlabPID(), signal)
        try expectRestored(tmux, status: 128 + signal)
    }

    /// A crash, as the kernel would deliver one: the handler restores the terminal first and
    /// the process still dies of the signal, so the shell sees 128 + its number.
    @Test(arguments: [SIGSEGV, SIGABRT, SIGBUS, SIGILL])
    func crashesRestoreTheTerminal(signal: Int32) throws {
        let tmux = try TmuxSession(arguments: [sliding, "--no-quiz"], width: 80, height: 24)
        _ = try tmux.waitFor("step 1/")
        kill(try tmux.convlabPID(), signal)
        try expectRestored(tmux, status: 128 + signal)
    }

    /// Ctrl-Z in a shell with job control, then `fg`: the shell gets its screen back while
    /// convlab is stopped, and convlab redraws all of its own when it resumes.
    @Test func suspendAndResumeRedraws() throws {
        let tmux = try TmuxSession(arguments: [sliding, "--no-quiz"], width: 80, height: 24)
        _ = try tmux.waitFor("step 1/")
        try tmux.send("q")
        _ = try tmux.waitForExit()
        // A second window with an interactive shell becomes the session's current one, so
        // send and capture now talk to it.
        _ = try tmuxOutput(tmux, ["new-window", "-t", "e2e", "bash --norc --noprofile -i"])
        let command = "export PS1='$ ' LANG=C.UTF-8 TERM=tmux-256color SWIFT_BACKTRACE=enable=no "
            + "XDG_STATE_HOME=\(TmuxSession.quote(tmux.path("state"))); clear; "
            + "\(TmuxSession.quote(tmux.binary)) \(TmuxSession.quote(sliding)) --no-quiz"
        try tmux.send("-l", command)
        try tmux.send("Enter")
        _ = try tmux.waitFor("step 1/")
        try tmux.send("Right")
        _ = try tmux.waitFor("step 2/")

        try tmux.send("C-z")
        let stopped = try tmux.waitFor("Stopped")
        #expect(!stopped.contains("step 2/"))
        var flags = try paneFlags(tmux)
        #expect(!flags.alternate && flags.cursor)

        try tmux.send("-l", "fg")
        try tmux.send("Enter")
        let resumed = try tmux.waitFor("step 2/")
        #expect(resumed.contains("filter vertical-edge") && !resumed.contains("Stopped"))
        flags = try paneFlags(tmux)
        #expect(flags.alternate)
        // The first key after `fg` is an arrow, which only reads right if the keypad's
        // application mode is back on.
        try tmux.send("Right")
        _ = try tmux.waitFor("step 3/")
        try tmux.send("q")
        try tmux.send("-l", "echo status $?")
        try tmux.send("Enter")
        _ = try tmux.waitFor("status 0")
    }

    /// `convlab render ... | head -1`: the reader leaves early and convlab ends quietly.
    @Test func aClosedPipeEndsRenderQuietly() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("convlab-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out").path
        let errors = folder.appendingPathComponent("err").path
        // --all writes every step, far more than a pipe holds, so the write after head has
        // gone fails.
        let script = "\(TmuxSession.quote(try TmuxSession.findBinary())) render "
            + "\(TmuxSession.quote(sliding)) --all 2> \(TmuxSession.quote(errors)) | head -1; "
            + "echo \"${PIPESTATUS[0]}\""
        _ = try TmuxSession.spawnAndWait(["bash", "-c", script], output: output)
        let lines = try String(contentsOfFile: output, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(lines == ["--- step 1/432", "\(128 + SIGPIPE)"])
        #expect(try String(contentsOfFile: errors, encoding: .utf8) == "")
    }
}
