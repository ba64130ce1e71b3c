import Foundation
import Testing
@testable import ConvlabApp

@Suite struct ProgressStoreTests {
    func freshFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("convlab-progress-\(UUID().uuidString)").path
        return folder + "/state/convlab"
    }

    let sample = StudentProgress(lessons: [
        "/lessons/01.md": LessonProgress(lastStep: 12, furthestStep: 40, completed: false,
                                         answers: ["2": .right, "5": .wrong]),
        "/lessons/02.md": LessonProgress(lastStep: 0, furthestStep: 99, completed: true),
    ])

    @Test func theFolderFollowsXDGStateHome() {
        #expect(ProgressStore(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"])
                    .file == "/x/state/convlab/progress.json")
        #expect(ProgressStore(environment: ["HOME": "/home/a"]).file
                == "/home/a/.local/state/convlab/progress.json")
        // The XDG spec says a relative path is invalid and must be ignored.
        #expect(ProgressStore(environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/a"]).file
                == "/home/a/.local/state/convlab/progress.json")
    }

    @Test func savedProgressLoadsBackAndLeavesNoTemporaryFile() throws {
        let store = ProgressStore(folder: try freshFolder())
        #expect(store.load().progress == StudentProgress())
        try store.save(sample)
        let loaded = store.load()
        #expect(loaded.warning == nil)
        #expect(loaded.progress == sample)
        #expect(loaded.progress.lessons["/lessons/01.md"]?.right == 1)
        #expect(loaded.progress.lessons["/lessons/01.md"]?.asked == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.folder)
                == ["progress.json"])
    }

    @Test(arguments: ["", "{", "{\"version\": 1, \"lessons\": 3}", "\u{0}\u{1}garbage"])
    func aCorruptFileIsSetAsideWithAWarning(contents: String) throws {
        let store = ProgressStore(folder: try freshFolder())
        try FileManager.default.createDirectory(atPath: store.folder,
                                                withIntermediateDirectories: true)
        try contents.write(toFile: store.file, atomically: false, encoding: .utf8)
        let loaded = store.load()
        #expect(loaded.progress == StudentProgress())
        let warning = try #require(loaded.warning)
        #expect(warning.hasPrefix("Saved progress could not be read, so it was kept aside as "
                                  + "progress.json.corrupt-"))
        #expect(warning.hasSuffix(" in \(store.folder) and a new record started."))
        let files = try FileManager.default.contentsOfDirectory(atPath: store.folder)
        #expect(files.count == 1)
        #expect(files[0].hasPrefix("progress.json.corrupt-"))
        // The student's old file is kept byte for byte, and saving works again.
        #expect(try String(contentsOfFile: store.folder + "/" + files[0], encoding: .utf8)
                == contents)
        try store.save(sample)
        #expect(store.load().progress == sample)
    }

    @Test func aFileFromANewerVersionIsSetAsideToo() throws {
        let store = ProgressStore(folder: try freshFolder())
        var newer = sample
        newer.version = 2
        try store.save(newer)
        let loaded = store.load()
        #expect(loaded.progress == StudentProgress())
        #expect(loaded.warning?.contains("newer convlab (version 2)") == true)
    }

    @Test func twoProcessesKeepEachOthersLessons() throws {
        let store = ProgressStore(folder: try freshFolder())
        let empty = StudentProgress()
        // Process A saves lesson a; process B, which loaded nothing, then saves lesson b.
        var a = empty
        a.lessons["/a.md"] = LessonProgress(lastStep: 5, furthestStep: 5)
        try store.saveMerging(a, since: empty)
        var b = empty
        b.lessons["/b.md"] = LessonProgress(lastStep: 9, furthestStep: 9)
        try store.saveMerging(b, since: empty)
        #expect(Set(store.load().progress.lessons.keys) == ["/a.md", "/b.md"])
        // A moves on in lesson a: its new record replaces its old one, b's stays.
        var a2 = a
        a2.lessons["/a.md"] = LessonProgress(lastStep: 7, furthestStep: 7)
        try store.saveMerging(a2, since: a)
        let loaded = store.load().progress
        #expect(loaded.lessons["/a.md"]?.lastStep == 7)
        #expect(loaded.lessons["/b.md"]?.lastStep == 9)
    }

    @Test func resetRemovesTheFile() throws {
        let store = ProgressStore(folder: try freshFolder())
        #expect(try store.reset() == false)
        try store.save(sample)
        #expect(try store.reset() == true)
        #expect(!FileManager.default.fileExists(atPath: store.file))
        #expect(store.load().progress == StudentProgress())
    }

    @Test func anUnwritableFolderIsAnErrorNotACrash() throws {
        let blocker = try freshFolder()
        try FileManager.default.createDirectory(
            atPath: (blocker as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        // A plain file where the folder should be.
        try "x".write(toFile: blocker, atomically: false, encoding: .utf8)
        let store = ProgressStore(folder: blocker + "/convlab")
        do {
            try store.save(sample)
            Issue.record("expected the save to fail")
        } catch {
            #expect("\(error)" == "\(blocker) is a file, not a folder")
        }
    }

    @Test func atomicWriteReplacesTheWholeFile() throws {
        let folder = try freshFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/f"
        try AtomicFile.write(Data(String(repeating: "a", count: 10_000).utf8), to: path)
        try AtomicFile.write(Data("short".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "short")
    }
}

@Suite struct StartFlagsTests {
    let context = CommandContext()

    func lessonFile() throws -> String { try writeLesson(quizLessonText) }

    @Test func flagsSetHowTheSessionStarts() throws {
        let path = try lessonFile()
        let options = try InteractiveOptions.parse(
            ["--no-quiz", "--autoplay", "--speed", "15", "--reset-progress", path],
            context: context)
        #expect(options.start.quizzes == false)
        #expect(options.start.autoplay)
        #expect(options.start.speed == 15)
        #expect(options.start.resetProgress)
        let state = AppState.starting(options, progress: StudentProgress(), width: 80, height: 24)
        #expect(state.mode == .lesson)
        #expect(state.playing)
        #expect(state.stepsPerSecond == 15)
        #expect(state.session?.prompt == nil)
    }

    @Test(arguments: ["7", "fast", "0", ""])
    func aSpeedNotInTheListIsAUsageError(speed: String) throws {
        do {
            _ = try InteractiveOptions.parse(["--speed", speed, try lessonFile()], context: context)
            Issue.record("expected a usage error")
        } catch let error as UsageError {
            #expect(error.message == "--speed: '\(speed)' is not one of the speeds, in steps per "
                    + "second: 1, 2, 4, 8, 15, 30, 60")
        }
    }

    @Test func aMissingPathExits66AndAnUnknownWord64() throws {
        func status(_ arguments: [String]) -> Int32? {
            do {
                _ = try InteractiveOptions.parse(arguments, context: context)
                return nil
            } catch let error as UsageError {
                return error.status
            } catch {
                return nil
            }
        }
        #expect(status(["missing-lesson.md"]) == ExitStatus.noInput)
        #expect(status(["/no/such/folder/lesson.md"]) == ExitStatus.noInput)
        #expect(status(["--lessons", "/no/such/folder"]) == ExitStatus.noInput)
        #expect(status(["chek"]) == ExitStatus.usage)
        #expect(status(["--lessons", try lessonFile()]) == ExitStatus.usage)
        #expect(Command.render.run(["/no/such.md"], context).status == ExitStatus.noInput)
    }

    @Test func autoplayGoesOnToTheNextLessonAndRoundAgain() throws {
        let first = try writeLesson(quizLessonText)
        let folder = (first as NSString).deletingLastPathComponent
        let second = folder + "/02-second.md"
        try quizLessonText.replacingOccurrences(of: "# Quiz fixture", with: "# Second")
            .write(toFile: second, atomically: true, encoding: .utf8)
        let options = try InteractiveOptions.parse(["--autoplay", "--lessons", folder],
                                                   context: context)
        var state = AppState.starting(options, progress: StudentProgress(), width: 80, height: 24)
        #expect(state.session?.lesson.title == "Quiz fixture")
        for _ in 0..<31 { state = update(state, .tick) }
        #expect(state.session?.isAtEnd == true)
        // It rests on the finished lesson for a moment before moving on.
        #expect(state.tickInterval == AppState.pauseBetweenLessons)
        state = update(state, .tick)
        #expect(state.session?.lesson.title == "Second")
        #expect(state.session?.stepIndex == 0)
        #expect(state.playing)
        for _ in 0..<32 { state = update(state, .tick) }
        #expect(state.session?.lesson.title == "Quiz fixture")
        // A demo neither asks nor writes anything into the student's record.
        #expect(state.progress == StudentProgress())
    }

    @Test func presentationModeHidesTheKeyBar() throws {
        let options = try InteractiveOptions.parse([try lessonFile(), "--no-quiz"],
                                                   context: context)
        var state = AppState.starting(options, progress: StudentProgress(), width: 80, height: 24)
        #expect(view(state).plainText().contains("q quit"))
        state = update(state, .key(.character("P")))
        #expect(state.presentation)
        let shown = view(state).plainText()
        #expect(!shown.contains("q quit"))
        #expect(shown.contains("map 2x2"))
        // Cells grow: the input's row "1 2 0" is spread wider than the normal layout's.
        let normal = view(update(state, .key(.character("P")))).plainText()
        func inputRowWidth(_ screen: String) -> Int {
            let row = screen.split(separator: "\n")[3]
            return row.distance(from: row.startIndex, to: row.firstIndex(of: "0")!)
        }
        #expect(inputRowWidth(shown) > inputRowWidth(normal))
    }
}
