import Foundation
import Testing
@testable import ConvlabApp

/// A terminal small enough to trust: cursor moves, clears and text, as the recording uses
/// them; colours are read past. Replaying a cast into it gives the screen a player shows.
struct ReplayTerminal {
    var rows: [[Character]]
    var x = 0
    var y = 0

    init(width: Int, height: Int) {
        rows = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    mutating func feed(_ text: String) {
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            guard character == "\u{1B}" else {
                if y < rows.count && x < rows[y].count { rows[y][x] = character }
                x += 1
                continue
            }
            // CSI: ESC [ parameters final-letter.
            guard characters.popFirst() == "[" else { continue }
            var parameters = ""
            while let next = characters.popFirst() {
                if next.isLetter {
                    apply(next, parameters)
                    break
                }
                parameters.append(next)
            }
        }
    }

    private mutating func apply(_ command: Character, _ parameters: String) {
        switch command {
        case "H":
            let numbers = parameters.split(separator: ";").compactMap { Int($0) }
            y = (numbers.first ?? 1) - 1
            x = (numbers.count > 1 ? numbers[1] : 1) - 1
        case "J" where parameters == "2":
            rows = rows.map { Array(repeating: " ", count: $0.count) }
        default:
            break
        }
    }

    /// The screen as `plainText()` writes it: trailing spaces removed.
    var plainText: String {
        rows.map { row in
            var line = String(row)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}

@Suite struct RecordCommandTests {
    let lesson = lessonsFolder + "/01-the-sliding-filter.md"
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("convlab-record-\(UUID().uuidString)").path

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func record(_ arguments: [String]) -> CommandResult {
        Command.record.run(arguments, CommandContext(workingDirectory: folder))
    }

    /// Every line of the cast, each parsed on its own as JSON.
    func lines(_ name: String) throws -> [Any] {
        let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8))
        }
    }

    @Test(arguments: [("80x24", "20"), ("100x30", "0.5")])
    func theCastParsesAndEndsOnTheLastStep(size: String, speed: String) throws {
        let result = record([lesson, "-o", "play.cast", "--size", size, "--speed", speed])
        #expect(result.status == 0, "\(result.errorOutput)")
        let parsed = try lines("play.cast")
        let header = try #require(parsed.first as? [String: Any])
        let dimensions = size.split(separator: "x").map { Int($0)! }
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == dimensions[0])
        #expect(header["height"] as? Int == dimensions[1])
        #expect(header["title"] as? String == "convlab: The sliding filter")
        #expect((header["timestamp"] as? Int ?? 0) > 1_600_000_000)

        var terminal = ReplayTerminal(width: dimensions[0], height: dimensions[1])
        var previous = -1.0
        let events = parsed.dropFirst().map { $0 as? [Any] ?? [] }
        for event in events {
            let time = try #require(event.first as? Double)
            #expect(event.count == 3 && event[1] as? String == "o")
            #expect(time >= previous, "times go forwards")
            previous = time
            terminal.feed(try #require(event[2] as? String))
        }
        // 432 fine steps, one event each (every step changes the step counter), plus the
        // closing event; step N is shown at (N - 1) / speed seconds.
        #expect(events.count == 433)
        #expect(events[431][0] as? Double == 431 / Double(speed)!)
        let render = Command.render.run(
            [lesson, "--step", "last", "--size", size, "--color", "never"], CommandContext())
        #expect(terminal.plainText == render.output)
    }

    @Test func laterFramesCarryOnlyTheCellsThatChanged() throws {
        #expect(record([lesson, "-o", "small.cast"]).status == 0)
        let events = try lines("small.cast").dropFirst().map { ($0 as! [Any])[2] as! String }
        // Step 2 changes the step counter, the marks and one product: far less than a screen.
        #expect(events[0].count > 1500)
        #expect(events[1].count < events[0].count / 4)
        #expect(events[1].hasPrefix("\u{1B}[1;"))
    }

    @Test func mistakesAreReportedWithTheirExitStatus() {
        #expect(record([lesson]).status == ExitStatus.usage)
        let small = record([lesson, "-o", "x.cast", "--size", "10x5"])
        #expect(small.status == ExitStatus.usage)
        #expect(small.errorOutput.contains("--size: '10x5' is smaller than the 80x24"))
        #expect(record([lesson, "-o", "x.cast", "--speed", "0"]).errorOutput
                    .contains("--speed: '0' is not valid; expected steps per second"))
        let missing = record([folder + "/none.md", "-o", "x.cast"])
        #expect(missing.status == ExitStatus.noInput)
        let bad = folder + "/bad.md"
        try? "no title here\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(record([bad, "-o", "x.cast"]).status == ExitStatus.dataError)
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.cast"))
        let unwritable = record([lesson, "-o", "no/such/folder/x.cast"])
        #expect(unwritable.status == ExitStatus.cannotCreate)
    }

    @Test func jsonStringsEscapeControlCharacters() {
        #expect(Asciicast.jsonString("a\"b\\c\u{1B}[0m\n│") == "\"a\\\"b\\\\c\\u001b[0m\\n│\"")
    }
}
