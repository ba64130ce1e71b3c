// A test probe, not part of convlab: saves two different progress records in turn, as fast as
// it can, until it is killed. AtomicWriteKillTests kills it at random moments and checks that
// the file on disk is always one record or the other, never a mixture or a fragment.
import ConvlabApp
import Foundation

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: progress-write-probe FOLDER\n".utf8))
    exit(64)
}
let store = ProgressStore(folder: CommandLine.arguments[1])

/// Record `mark`: 400 lessons, so each write is tens of kilobytes and takes a while.
func record(_ mark: Int) -> StudentProgress {
    var lessons: [String: LessonProgress] = [:]
    for index in 0..<400 {
        lessons["/lessons/\(index).md"] = LessonProgress(
            lastStep: mark, furthestStep: mark, completed: mark == 2,
            answers: ["\(index)": mark == 1 ? .right : .wrong])
    }
    return StudentProgress(lessons: lessons)
}

let records = [record(1), record(2)]
var turn = 0
while true {
    do {
        try store.save(records[turn % 2])
    } catch {
        FileHandle.standardError.write(Data("probe: \(error)\n".utf8))
        exit(1)
    }
    turn += 1
}
