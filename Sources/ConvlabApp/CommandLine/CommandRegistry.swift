/// Every headless subcommand, in the order `convlab --help` lists them. A new command adds
/// one line here.
public enum CommandRegistry {
    public static let all: [Command] = [
        .check,
        .render,
        .compute,
        .sandbox,
        .record,
        .gradients,
        .bench,
    ]

    public static func command(named name: String) -> Command? {
        all.first { $0.name == name }
    }

    public static let version = "0.1.0"

    /// The text of `convlab --help`.
    public static var usage: String {
        let width = all.map(\.name.count).max() ?? 0
        let lines = all.map { command in
            "  " + command.name + String(repeating: " ", count: width - command.name.count + 2)
                + command.summary
        }
        return """
            convlab \(version): a terminal lab for convolution layers and activation functions

            Usage:
              convlab [--lessons DIR]       open the lesson list (needs a terminal)
              convlab LESSON.md             open one lesson (needs a terminal)
              convlab COMMAND [OPTIONS]     run a command without the terminal UI

            Commands:
            \(lines.joined(separator: "\n"))

            Options:
              --lessons DIR     read lessons from DIR instead of the bundled Lessons/
              --no-quiz         ask no predictions (for demos)
              --autoplay        play every lesson in turn, hands-free; asks and records nothing
              --speed N         autoplay steps per second: 1, 2, 4, 8, 15, 30 or 60
              --reset-progress  forget saved progress (kept in $XDG_STATE_HOME/convlab)
              --help, -h        show this help; `convlab COMMAND --help` for one command
              --version         print the version

            Exit status: 0 done, 2 a terminal is needed, 64 wrong command line, 65 bad lesson
            or data, 66 a file or folder that does not exist, 73 a file that cannot be written.

            Keys in the terminal UI: press ? for the full list; q quits.

            """
    }
}
