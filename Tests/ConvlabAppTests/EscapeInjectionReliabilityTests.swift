import Foundation
import LessonFormat
import ScreenModel
import Testing

@testable import ConvlabApp

/// A lesson written to take over the terminal: escape sequences in its title, narrative,
/// scene titles, filter name and file name. Whatever reaches the terminal (screen cells,
/// `render` and `check` output, error messages) shows them as U+FFFD and never writes them.
@Suite struct EscapeInjectionReliabilityTests {
    /// Clear screen (CSI), a window title (OSC ended by BEL), 8-bit CSI, bell, backspace,
    /// carriage return, DEL, a NUL, a bidi override and a vertical tab.
    static let hostile = "\u{1B}[2J\u{1B}]0;owned\u{07}\u{9B}31m\u{08}\u{0D}\u{7F}\u{00}"
        + "\u{202E}\u{0B}"

    static let lesson = """
        # Title \(hostile) end

        Opening \(hostile) text.

        ```input
        1 2 3
        4 5 6
        7 8 9
        ```

        ```filter edge\(hostile)
        1 0
        0 -1
        ```

        ## Scene \(hostile)
        when: step 2

        Second \(hostile) scene.

        """

    /// A folder holding the lesson under a name that is itself hostile.
    func hostileFolder() throws -> (folder: String, lesson: String) {
        let folder = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("convlab-escape-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("evil\u{1B}[31m\u{07}.md")
        try Self.lesson.write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path)
    }

    /// Every scalar that would act on a terminal: C0 but line feed, DEL, C1, bidi controls.
    func controls(_ text: String) -> [UInt32] {
        text.unicodeScalars.filter { $0 != "\n" && ControlCharacters.isControl($0) }
            .map(\.value)
    }

    @Test func renderWritesNoControlCharacterAtAnyStep() throws {
        let (folder, path) = try hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let result = Command.render.run([path, "--all", "--size", "80x24"], CommandContext())
        #expect(result.status == ExitStatus.success, "\(result.errorOutput)")
        #expect(controls(result.output) == [])
        // Nothing was dropped either: each control shows as one placeholder.
        let shown = "Title \u{FFFD}[2J\u{FFFD}]0;owned\u{FFFD}\u{FFFD}31m"
            + String(repeating: "\u{FFFD}", count: 6) + " end"
        #expect(result.output.contains(shown))
        #expect(result.output.contains("Opening \u{FFFD}"))
        #expect(result.output.contains("filter edge\u{FFFD}"))
        #expect(result.output.contains("Second \u{FFFD}"))
    }

    @Test func colourRenderWritesOnlyItsOwnColourEscapes() throws {
        let (folder, path) = try hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let result = Command.render.run(
            [path, "--step", "2", "--size", "80x24", "--color", "always"], CommandContext())
        #expect(result.status == ExitStatus.success)
        // Every ESC starts an SGR sequence, ESC [ digits and semicolons m, and nothing else
        // that acts on a terminal is there.
        let sgr = try Regex("\u{1B}\\[[0-9;]*m")
        let stripped = result.output.replacing(sgr, with: "")
        #expect(controls(stripped) == [])
        #expect(result.output.contains("\u{1B}[0m"))
    }

    @Test func screenCellsHoldNoControlCharacter() throws {
        let (folder, path) = try hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        let entries = [
            LessonEntry(path: path, content: .success(try LessonLoader.load(path: path))),
            // A lesson that failed to read is listed by its (hostile) file name.
            LessonEntry(path: path, content: .failure(LessonProblems([]))),
        ]
        var state = AppState(lessons: entries, width: 80, height: 24)
        var screens = [view(state)]
        state = opening(0, in: state)
        screens.append(view(state))
        state = update(state, .key(.right))
        screens.append(view(state))
        state = opening(1, in: state)
        screens.append(view(state))
        for screen in screens {
            let scalars = screen.cells.flatMap { $0.character.unicodeScalars }
            #expect(scalars.allSatisfy { !ControlCharacters.isControl($0) })
        }
        #expect(screens[0].plainText().contains("\u{FFFD}"))
    }

    @Test func checkQuotesTitlesNamesAndBadTokensVisibly() throws {
        let (folder, path) = try hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let broken = (folder as NSString).appendingPathComponent("broken\u{0D}\u{0A}fake.md")
        try "# Broken\n\n```input\n1 \u{1B}[2J 3\n```\n\n```filter\n1\n```\n"
            .write(toFile: broken, atomically: true, encoding: .utf8)

        let result = Command.check.run([folder], CommandContext())
        #expect(result.status == ExitStatus.dataError)
        #expect(controls(result.output) == [])
        #expect(controls(result.errorOutput) == [])
        // Both file names hold a line break or escape; each message stays on its own line.
        #expect(result.errorOutput == folder + "/broken\u{FFFD}\u{FFFD}fake.md:4:3: "
                + "'\u{FFFD}[2J' is not a number\n")
        #expect(result.output.hasPrefix(folder + "/evil\u{FFFD}[31m\u{FFFD}.md: ok: \"Title "))
        #expect(result.output.hasSuffix("end\", 28 steps\n"))
    }

    @Test func recordingsHoldNoControlCharacterOfTheLesson() throws {
        let (folder, path) = try hostileFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cast = folder + "/lesson.cast"

        let result = Command.record.run([path, "-o", cast, "--speed", "1000"], CommandContext())
        #expect(result.status == ExitStatus.success, "\(result.errorOutput)")
        // The frames carry convlab's own escapes, JSON-encoded; decoded, the only ESCs left
        // are the ones that start its cursor and colour sequences, and no lesson control
        // survives in the header's title.
        let lines = try String(contentsOfFile: cast, encoding: .utf8).split(separator: "\n")
        let header = try #require(
            JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let title = try #require(header["title"] as? String)
        #expect(title.hasPrefix("convlab: Title \u{FFFD}[2J"))
        #expect(controls(title) == [])
        for line in lines.dropFirst() {
            let event = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            let text = try #require(event[2] as? String)
            let sequence = try Regex("\u{1B}(\\[[0-9;?]*[A-Za-z]|\\(B)")
            #expect(controls(text.replacing(sequence, with: "")) == [], "\(line.prefix(80))")
        }
    }

    @Test func errorOutputOfEveryCommandIsVisible() {
        let result = Command.render.run(["/no/such/\u{1B}]52;c;aGk=\u{07}.md"], CommandContext())
        #expect(result.status != ExitStatus.success)
        #expect(controls(result.errorOutput) == [])
        #expect(result.errorOutput.contains("\u{FFFD}]52;c;aGk=\u{FFFD}.md"))
    }
}
