import ConvModel
import Foundation
import LessonFormat
import ScreenModel

extension Command {
    /// `convlab record LESSON -o FILE.cast`: the lesson playing, as an asciicast v2 file.
    public static let record = Command(
        name: "record",
        summary: "record a lesson playing as an asciicast file for asciinema",
        help: """
            Usage: convlab record LESSON -o FILE.cast [--size WxH] [--speed S]
                                  [--granularity fine|coarse]

            Plays LESSON from the first step to the last, S steps per second (default 8,
            up to 1000; decimals such as 0.5 work), on a WxH screen (default 80x24), and
            writes every frame to FILE.cast in asciicast v2 format: a JSON header line,
            then one [time, "o", text] line per frame holding only the cells that changed.
            `asciinema play FILE.cast` plays it back; the last frame is the screen of
            `convlab render LESSON --step last --size WxH`. The file is written through a
            temporary file and a rename, so a failed run never leaves half a recording.

            """
    ) { arguments, context in
        Command.guarded {
            let scanner = try ArgumentScanner(
                arguments, valueFlags: ["-o", "--output", "--size", "--speed", "--granularity"],
                switchFlags: [])
            guard scanner.positional.count == 1 else {
                throw UsageError("record needs exactly one lesson file")
            }
            guard let output = scanner.value("-o") ?? scanner.value("--output") else {
                throw UsageError("-o FILE.cast is required: where to write the recording")
            }
            let size = try scanner.size("--size") ?? (80, 24)
            // Smaller, every frame would be the "needs a larger terminal" notice.
            guard size.width >= AppState.minimumWidth, size.height >= AppState.minimumHeight
            else {
                throw UsageError("--size: '\(size.width)x\(size.height)' is smaller than the "
                                 + "\(AppState.minimumWidth)x\(AppState.minimumHeight) the "
                                 + "lesson screen needs")
            }
            let granularity = try scanner.choice("--granularity", from: ["fine", "coarse"])
                .flatMap { Granularity(rawValue: $0) } ?? .fine
            var speed = 8.0
            if let text = scanner.value("--speed") {
                guard let value = Double(text), value > 0, value <= 1000 else {
                    throw UsageError.badValue("--speed", text,
                                              allowed: "steps per second, above 0 and up to 1000")
                }
                speed = value
            }
            let path = scanner.positional[0]
            guard FileManager.default.fileExists(atPath: path) else {
                return .failure("\(path): no such lesson file", status: ExitStatus.noInput)
            }
            let lesson: Lesson
            do {
                lesson = try LessonLoader.load(path: path)
            } catch {
                return CommandResult(errorOutput: "\(error)\n", status: ExitStatus.dataError)
            }
            let cast = try LessonRecording.cast(
                of: lesson, path: path, width: size.width, height: size.height, speed: speed,
                granularity: granularity, timestamp: Int(Date().timeIntervalSince1970))
            let target = output.hasPrefix("/") ? output
                : (context.workingDirectory as NSString).appendingPathComponent(output)
            do {
                try AtomicFile.write(Data(cast.text.utf8), to: target)
            } catch {
                return .failure("cannot write \(output): \(error)", status: ExitStatus.cannotCreate)
            }
            return CommandResult(output: "\(output): \(cast.lines.count - 1) events, "
                                 + "\(size.width)x\(size.height), "
                                 + String(format: "%.1f", cast.duration) + " s\n")
        }
    }
}

/// Plays a lesson through `view(state)` step by step, as `render` draws each step.
enum LessonRecording {
    static func cast(of lesson: Lesson, path: String, width: Int, height: Int, speed: Double,
                     granularity: Granularity, timestamp: Int) throws -> Asciicast {
        var state = AppState(lessons: [LessonEntry(path: path, content: .success(lesson))],
                             width: width, height: height)
        state = opening(0, in: state)
        guard var session = state.session else {
            throw DataError("\(path): the lesson cannot be run")
        }
        session.granularity = granularity
        // A player may show the title raw: keep the lesson's control characters out of it.
        let title = "convlab: " + ControlCharacters.visibleLine(lesson.title)
        var cast = Asciicast(width: width, height: height, title: title, timestamp: timestamp)
        for index in 0..<session.steps.count {
            session.go(to: index)
            state.session = session
            cast.add(view(state), at: Double(index) / speed, palette: .color256)
        }
        // Hold the last frame a moment before the player's cursor comes back.
        cast.finish(at: Double(session.steps.count) / speed + 1)
        return cast
    }
}

extension Asciicast {
    /// Seconds from the first event to the last.
    var duration: Double {
        guard let last = lines.last, let comma = last.firstIndex(of: ",") else { return 0 }
        return Double(last.dropFirst()[..<comma]) ?? 0
    }
}
