import Foundation

/// The real `convlab` binary running in a private tmux server, driven like a person would:
/// keys in with send-keys, the screen out with capture-pane.
///
/// Each session has its own server socket (`tmux -L`), so tests never touch a user's tmux,
/// and the server is killed when the session ends.
final class TmuxSession {
    let socket: String
    /// A scratch folder for the log, the stty dumps and the exit status.
    let folder: URL
    let binary: String

    /// - Parameter ignoringHangUp: start convlab with SIGHUP ignored, as `nohup` does.
    init(arguments: [String], width: Int, height: Int, environment: [String: String] = [:],
         ignoringHangUp: Bool = false) throws
    {
        socket = "convlab-e2e-\(UUID().uuidString.prefix(8))"
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("convlab-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        binary = try Self.findBinary()

        var env = [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "tmux-256color",
            "SWIFT_BACKTRACE": "enable=no", "CONVLAB_LOG": folder.appendingPathComponent("log").path,
            // Progress goes to the scratch folder, never to the real user's state.
            "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
        ]
        env.merge(environment) { $1 }
        let assignments = env.map { "\($0.key)=\(Self.quote($0.value))" }.sorted()
            .joined(separator: " ")
        let command = ([binary] + arguments).map(Self.quote).joined(separator: " ")
        // Record the terminal modes before and after, and the exit status, so tests can check
        // that convlab left the terminal as it found it. The sleep keeps the pane readable.
        let script = (ignoringHangUp ? "trap '' HUP; " : "")
            + "stty -a > \(path("stty-before")); env \(assignments) \(command); "
            + "echo $? > \(path("status")); stty -a > \(path("stty-after")); sleep 600"
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e",
                  "sh -c " + Self.quote(script)])
    }

    deinit {
        // kill-server alone has been seen to leave the server running here (tmux 3.3a);
        // closing the one session ends a server started with the default exit-empty.
        _ = try? tmux(["kill-session", "-t", "e2e"])
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Sends tmux key names (`Right`, `q`, `Space`, `C-c`) or literal text.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "e2e"] + keys)
    }

    /// Sends `bytes` to the program as they are, not as key names: for mouse reports.
    func sendBytes(_ bytes: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", bytes])
    }

    /// Closes the terminal under the program, as closing a terminal window does.
    func closeTerminal() throws {
        try tmux(["kill-session", "-t", "e2e"])
    }

    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "e2e"])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the pane until `condition` holds for its text, or fails after `timeout` seconds.
    @discardableResult
    func waitForScreen(timeout: Double = 15, _ what: String,
                       _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) {
                // tmux may be caught between two lines of one redraw: accept the screen only
                // once a second look a moment later shows the same text.
                Thread.sleep(forTimeInterval: 0.08)
                let again = try capture()
                if again == screen { return screen }
                continue
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw E2EError.timedOut(what, screen)
    }

    func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        try waitForScreen(timeout: timeout, "'\(text)'") { $0.contains(text) }
    }

    /// convlab's exit status once it has exited.
    func waitForExit(timeout: Double = 15) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path("status"), encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
               FileManager.default.fileExists(atPath: path("stty-after"))
            {
                Thread.sleep(forTimeInterval: 0.1)
                return status
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw E2EError.timedOut("exit", (try? capture()) ?? "")
    }

    /// The process id convlab logged at start.
    func convlabPID() throws -> Int32 {
        _ = try waitForScreen("the log's pid line") { _ in
            (try? String(contentsOfFile: self.path("log"), encoding: .utf8))?.contains("pid ")
                ?? false
        }
        let log = try String(contentsOfFile: path("log"), encoding: .utf8)
        let word = log.components(separatedBy: "pid ")[1].prefix { $0.isNumber }
        return Int32(word) ?? -1
    }

    func sttyBefore() throws -> String { try String(contentsOfFile: path("stty-before"), encoding: .utf8) }
    func sttyAfter() throws -> String { try String(contentsOfFile: path("stty-after"), encoding: .utf8) }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // Output goes through a file, not a pipe: `new-session` starts the tmux server, which
        // would inherit a pipe's write end and keep it open, so reading to EOF would hang.
        let output = folder.appendingPathComponent("tmux-output-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let status = try Self.spawnAndWait(
            ["tmux", "-L", socket, "-f", "/dev/null"] + arguments, output: output.path)
        guard status == 0 else {
            throw E2EError.tmuxFailed(arguments.joined(separator: " "))
        }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    /// Runs a program found on PATH with stdout sent to a file, and waits for it with
    /// waitpid. (Foundation's Process.waitUntilExit was seen to hang on Linux after tmux's
    /// client forks its server, so the tests spawn directly.)
    static func spawnAndWait(_ arguments: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw E2EError.tmuxFailed("spawn failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS by hand: the C macros do not import into Swift.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The convlab built alongside this test bundle.
    static func findBinary() throws -> String {
        var candidates: [URL] = []
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(testBinary.deletingLastPathComponent().appendingPathComponent("convlab"))
        var bundle = Bundle.main.bundleURL
        for _ in 0..<4 {
            candidates.append(bundle.appendingPathComponent("convlab"))
            bundle = bundle.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/convlab"))
        for candidate in candidates
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        throw E2EError.noBinary(candidates.map(\.path))
    }
}

enum E2EError: Error, CustomStringConvertible {
    case timedOut(String, String)
    case tmuxFailed(String)
    case noBinary([String])

    var description: String {
        switch self {
        case .timedOut(let what, let screen): return "timed out waiting for \(what); screen:\n\(screen)"
        case .tmuxFailed(let command): return "tmux \(command) failed"
        case .noBinary(let paths): return "convlab binary not found in \(paths)"
        }
    }
}

/// The project's Lessons folder.
let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons").path

/// Whether tmux is installed (the README lists it as a prerequisite for these tests).
let tmuxAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
