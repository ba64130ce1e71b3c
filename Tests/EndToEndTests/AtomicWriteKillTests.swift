import ConvlabApp
import Foundation
import Testing

/// Kills a process at random moments while it saves progress, and checks that the file on
/// disk is always a whole record, the old or the new, never a fragment.
@Suite struct AtomicWriteKillTests {
    func probePath() throws -> String {
        let convlab = try TmuxSession.findBinary()
        let probe = (convlab as NSString).deletingLastPathComponent + "/progress-write-probe"
        try #require(FileManager.default.isExecutableFile(atPath: probe), "no probe at \(probe)")
        return probe
    }

    func spawn(_ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        try #require(result == 0, "spawn failed: \(result)")
        return pid
    }

    @Test func everyKillLeavesTheOldOrTheNewFile() throws {
        let probe = try probePath()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("convlab-kill-\(UUID().uuidString)").path
        let store = ProgressStore(folder: folder)
        var generator = SystemRandomNumberGenerator()
        var marksSeen: Set<Int> = []
        /// The file's inode: each completed save renames a new file into place.
        func inode() -> Int? {
            (try? FileManager.default.attributesOfItem(atPath: store.file))?[.systemFileNumber]
                as? Int
        }
        for _ in 0..<40 {
            let before = inode()
            let pid = try spawn([probe, folder])
            // Wait until it has finished one save (however slowly a loaded machine starts it),
            // then let it go on for 0 to 100 ms (several saves) and kill it without warning.
            let deadline = Date().addingTimeInterval(10)
            while inode() == before && Date() < deadline { usleep(200) }
            usleep(UInt32.random(in: 0...100_000, using: &generator))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            #expect(status & 0x7f == SIGKILL, "the probe ended before it was killed")

            guard FileManager.default.fileExists(atPath: store.file) else { continue }
            let loaded = store.load()
            #expect(loaded.warning == nil, "a kill left a file that does not decode")
            let lessons = loaded.progress.lessons
            #expect(lessons.count == 400)
            // Every entry carries the same mark: one whole record, not parts of two.
            let marks = Set(lessons.values.map(\.lastStep))
            #expect(marks.count == 1 && (marks.first == 1 || marks.first == 2), "\(marks)")
            marksSeen.formUnion(marks)
        }
        // Some runs stopped on each record, so both were really being written.
        #expect(marksSeen == [1, 2])
        // Loading cleared the temporaries the killed writers left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
