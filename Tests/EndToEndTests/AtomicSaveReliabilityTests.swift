import Foundation
import Testing

/// Files convlab writes (progress, sandbox lessons, recordings) go through `AtomicFile`: a
/// process killed at any moment leaves the old file or the new one, never a mixture.
/// `convlab record` is the driver here, because it writes one large file through
/// `AtomicFile` and then ends, so the kill can be aimed at the write itself.
@Suite(.serialized) struct AtomicSaveReliabilityTests {
    let lesson = lessonsFolder + "/01-the-sliding-filter.md"

    /// Starts `arguments` with no input or output and returns its process id.
    func start(_ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0)
        }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard status == 0 else { throw E2EError.tmuxFailed("spawn failed: \(status)") }
        return pid
    }

    @Test func aRecordingKilledWhileWritingLeavesTheOldFileOrTheNew() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("convlab-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let binary = try TmuxSession.findBinary()
        let record = [binary, "record", lesson, "--speed", "1000", "-o"]

        // The new version, written without interruption; only its header's timestamp may
        // differ from run to run.
        let reference = folder + "/reference.cast"
        var status: Int32 = 0
        waitpid(try start(record + [reference]), &status, 0)
        let body = try String(contentsOfFile: reference, encoding: .utf8)
            .split(separator: "\n", maxSplits: 1)[1]
        let old = String(repeating: "the recording from before\n", count: 1000)

        let target = folder + "/lesson.cast"
        var outcomes = (old: 0, new: 0)
        // Kills from the moment the temporary file appears to a few milliseconds later.
        for delay in [0, 100, 200, 400, 800, 1600, 3200, 6400] as [UInt32] {
            try old.write(toFile: target, atomically: false, encoding: .utf8)
            let pid = try start(record + [target])
            let temporary = target + ".tmp-\(pid)"
            while !FileManager.default.fileExists(atPath: temporary)
                && waitpid(pid, &status, WNOHANG) == 0
            {
                usleep(100)
            }
            usleep(delay)
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)

            let found = try String(contentsOfFile: target, encoding: .utf8)
            if found == old {
                outcomes.old += 1
            } else {
                let parts = found.split(separator: "\n", maxSplits: 1)
                let header = (try? JSONSerialization.jsonObject(with: Data(parts[0].utf8)))
                    as? [String: Any]
                #expect(header?["version"] as? Int == 2,
                        "killed \(delay) µs into the write: the header is broken")
                #expect(parts.count == 2 && parts[1] == body,
                        "killed \(delay) µs into the write: neither the old file nor the new")
                outcomes.new += 1
            }
            try? FileManager.default.removeItem(atPath: temporary)
        }
        #expect(outcomes.old + outcomes.new == 8)
    }
}
