import Foundation
import Testing

/// Golden-text snapshots: a screen's plain text compared line by line with a stored `.txt`.
///
/// Set `CONVLAB_RECORD_SNAPSHOTS=1` to write the current output as the new golden file; a
/// normal run never writes, and a missing golden file is a failure, not a silent record.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var recording: Bool {
        ProcessInfo.processInfo.environment["CONVLAB_RECORD_SNAPSHOTS"] == "1"
    }

    static func assert(_ actual: String, named name: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name + ".txt")
        if recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing snapshot \(name).txt; run with CONVLAB_RECORD_SNAPSHOTS=1",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for index in 0..<max(want.count, got.count) {
            let w = index < want.count ? String(want[index]) : "<none>"
            let g = index < got.count ? String(got[index]) : "<none>"
            if w != g { diff.append("line \(index + 1):\n  want |\(w)|\n  got  |\(g)|") }
        }
        Issue.record(Comment(rawValue: "snapshot \(name) differs:\n" + diff.prefix(12).joined(separator: "\n")),
                     sourceLocation: sourceLocation)
    }
}

/// The project's own Lessons folder.
let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons").path
