import Foundation

/// Reads and writes `progress.json` under `$XDG_STATE_HOME/convlab` (default
/// `~/.local/state/convlab`).
///
/// Writes go to a temporary file in the same folder that is then renamed over the old one;
/// rename is atomic on POSIX file systems, so a crash or kill at any moment leaves either the
/// old file or the new one, never a mixture.
public struct ProgressStore: Sendable {
    public let folder: String
    public var file: String { folder + "/progress.json" }

    public init(folder: String) {
        self.folder = folder
    }

    /// The store the environment points at.
    public init(environment: [String: String]) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            self.init(folder: state + "/convlab")
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? NSHomeDirectory()
            self.init(folder: home + "/.local/state/convlab")
        }
    }

    /// What loading found: the progress (empty when there was none) and, when the file could
    /// not be read, a warning for the student.
    public struct Loaded: Sendable {
        public var progress: StudentProgress
        public var warning: String?
    }

    /// Loads the progress. A file that cannot be decoded is renamed aside (never deleted) and
    /// reported, and the student starts afresh: a bad file must not block start-up.
    public func load() -> Loaded {
        removeAbandonedTemporaryFiles()
        guard FileManager.default.fileExists(atPath: file) else {
            return Loaded(progress: StudentProgress(), warning: nil)
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let progress = try JSONDecoder().decode(StudentProgress.self, from: data)
            guard progress.version == 1 else {
                return Loaded(progress: StudentProgress(), warning: setAside(
                    because: "was written by a newer convlab (version \(progress.version))"))
            }
            return Loaded(progress: progress, warning: nil)
        } catch {
            return Loaded(progress: StudentProgress(),
                          warning: setAside(because: "could not be read"))
        }
    }

    /// A process killed between writing its temporary file and renaming it leaves the
    /// temporary behind (the real file is untouched). Those of processes no longer running go.
    private func removeAbandonedTemporaryFiles() {
        let prefix = "progress.json.tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return
        }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }

    private func setAside(because reason: String) -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        let aside = file + ".corrupt-\(stamp)"
        do {
            try FileManager.default.moveItem(atPath: file, toPath: aside)
            return "Saved progress \(reason), so it was kept aside as "
                + "\((aside as NSString).lastPathComponent) in \(folder) and a new record started."
        } catch {
            return "Saved progress in \(file) \(reason) and could not be moved aside, so it is "
                + "ignored; progress will not be saved."
        }
    }

    /// Saves `progress` atomically.
    public func save(_ progress: StudentProgress) throws {
        try createFolder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(progress)
        try AtomicFile.write(data, to: file)
    }

    /// Makes the folder, with a reason a person can act on when that is impossible (Foundation's
    /// own error text names neither the path nor the cause).
    private func createFolder() throws {
        var isFolder: ObjCBool = false
        var path = folder
        // The nearest part of the path that exists must be a folder.
        while !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && path != "/" {
            path = (path as NSString).deletingLastPathComponent
        }
        guard isFolder.boolValue else {
            throw AtomicFile.Failure(description: "\(path) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder,
                                                    withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.Failure(description: "cannot create the folder \(folder)")
        }
    }

    /// Saves the lessons this process changed since `previous` (what it last saved or
    /// loaded), on top of what is on disk now, so a second convlab running at the same time
    /// keeps its own lessons' records. Returns what was written.
    @discardableResult
    public func saveMerging(_ progress: StudentProgress, since previous: StudentProgress) throws
        -> StudentProgress
    {
        let onDisk = FileManager.default.fileExists(atPath: file)
            ? (try? JSONDecoder().decode(StudentProgress.self,
                                         from: Data(contentsOf: URL(fileURLWithPath: file))))
            : nil
        let merged = Self.merge(progress, since: previous, over: onDisk ?? previous)
        try save(merged)
        return merged
    }

    /// `base` with every lesson record that differs between `previous` and `progress` taken
    /// from `progress`.
    public static func merge(_ progress: StudentProgress, since previous: StudentProgress,
                             over base: StudentProgress) -> StudentProgress {
        var merged = base
        for (key, record) in progress.lessons where previous.lessons[key] != record {
            merged.lessons[key] = record
        }
        return merged
    }

    /// Removes the progress file (for `--reset-progress`); true when there was one.
    @discardableResult
    public func reset() throws -> Bool {
        guard FileManager.default.fileExists(atPath: file) else { return false }
        try FileManager.default.removeItem(atPath: file)
        return true
    }
}
