import Foundation
import ConvModel
import LessonFormat
import ScreenModel

extension Command {
    /// `convlab render LESSON`: prints the screen the terminal UI shows at a step.
    public static let render = Command(
        name: "render",
        summary: "print a lesson step as the terminal UI shows it",
        help: """
            Usage: convlab render LESSON [--step N|last | --all] [--size WxH]
                                  [--granularity fine|coarse] [--color auto|always|never]
                                  [--gradients]

            Prints the screen the terminal UI shows at step N of LESSON, counted from 1 as
            the on-screen step counter counts (default 1), as plain text laid out for a
            terminal of WxH (default 100x30). --all prints every step, each preceded by a
            line '--- step N/TOTAL'. --color always adds ANSI colours; auto adds them only
            when standard output is a terminal and NO_COLOR is not set. --gradients shows
            the gradient panel over the whole screen, as the key t does.

            """
    ) { arguments, context in
        Command.guarded {
            let scanner = try ArgumentScanner(
                arguments, valueFlags: ["--step", "--size", "--color", "--granularity"],
                switchFlags: ["--all", "--gradients"])
            guard scanner.positional.count == 1 else {
                throw UsageError("render needs exactly one lesson file")
            }
            let size = try scanner.size("--size") ?? (100, 30)
            let color = try scanner.choice("--color", from: ["auto", "always", "never"]) ?? "auto"
            let granularity = try scanner.choice("--granularity", from: ["fine", "coarse"])
                .flatMap { Granularity(rawValue: $0) } ?? .fine
            if scanner.has("--all") && scanner.value("--step") != nil {
                throw UsageError("--all and --step cannot be used together")
            }
            let path = scanner.positional[0]
            guard FileManager.default.fileExists(atPath: path) else {
                return .failure("\(path): no such file", status: ExitStatus.noInput)
            }
            let lesson: Lesson
            do {
                lesson = try LessonLoader.load(path: path)
            } catch {
                return CommandResult(errorOutput: "\(error)\n",
                                     status: ExitStatus.dataError)
            }
            var state = AppState(
                lessons: [LessonEntry(path: path, content: .success(lesson))],
                width: size.width, height: size.height)
            state = opening(0, in: state)
            guard var session = state.session else {
                return .failure("\(path): the lesson cannot be run", status: ExitStatus.dataError)
            }
            session.granularity = granularity
            state.gradients.fullScreen = scanner.has("--gradients")
            let total = session.steps.count
            var indices: [Int]
            if scanner.has("--all") {
                indices = Array(0..<total)
            } else {
                let text = scanner.value("--step") ?? "1"
                if text == "last" {
                    indices = [total - 1]
                } else {
                    guard let number = Int(text), number >= 1, number <= total else {
                        throw UsageError.badValue(
                            "--step", text, allowed: "a step from 1 to \(total), or last")
                    }
                    indices = [number - 1]
                }
            }
            let useColor = color == "always"
                || (color == "auto" && context.outputIsTerminal
                    && context.environment["NO_COLOR"].map(\.isEmpty) ?? true)
            var output = ""
            for index in indices {
                session.go(to: index)
                state.session = session
                let screen = view(state)
                if indices.count > 1 { output += "--- step \(index + 1)/\(total)\n" }
                output += useColor ? screen.ansiText(palette: .color256) : screen.plainText()
            }
            return CommandResult(output: output)
        }
    }
}
