// The convlab executable: headless commands print and exit; otherwise the interactive lesson
// player takes the terminal.
import ConvlabApp
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let context = CommandContext(
    environment: ProcessInfo.processInfo.environment,
    outputIsTerminal: isatty(STDOUT_FILENO) == 1,
    workingDirectory: FileManager.default.currentDirectoryPath)

/// Writes a command's output and exits with its status.
func finish(_ result: CommandResult) -> Never {
    FileHandle.standardOutput.write(Data(result.output.utf8))
    FileHandle.standardError.write(Data(result.errorOutput.utf8))
    exit(result.status)
}

// A reader that closes the pipe early (`convlab render --all | head`) should end us quietly,
// not with a crash report.
signal(SIGPIPE, SIG_DFL)

if let first = arguments.first {
    switch first {
    case "--help", "-h", "help":
        finish(CommandResult(output: CommandRegistry.usage))
    case "--version", "-V":
        finish(CommandResult(output: "convlab \(CommandRegistry.version)\n"))
    default:
        if let command = CommandRegistry.command(named: first) {
            let rest = Array(arguments.dropFirst())
            if rest.contains("--help") || rest.contains("-h") {
                finish(CommandResult(output: command.help))
            }
            if first == "sandbox", isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 {
                switch SandboxOptions.state(from: rest, context: context) {
                case .ready(let sandbox):
                    exit(InteractiveSession(options: SandboxOptions.interactiveOptions(),
                                            sandbox: sandbox).run())
                case .refused(let result): finish(result)
                }
            }
            finish(command.run(rest, context))
        }
    }
}

let options: InteractiveOptions
do {
    options = try InteractiveOptions.parse(arguments, context: context)
} catch let error as UsageError {
    finish(.failure(error.message + "\n(see convlab --help)", status: error.status))
}

// Progress is cleared before anything else, so `convlab --reset-progress` works from a script
// too; without a terminal that is all it does.
let hasTerminal = isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1
if options.start.resetProgress {
    let store = ProgressStore(environment: context.environment)
    do {
        let existed = try store.reset()
        if !hasTerminal {
            finish(CommandResult(output: existed ? "progress cleared: \(store.file) removed\n"
                                 : "no saved progress at \(store.file)\n"))
        }
    } catch {
        finish(.failure("cannot clear progress at \(store.file): \(error.localizedDescription)",
                        status: ExitStatus.cannotCreate))
    }
}

guard hasTerminal else {
    finish(.failure(
        "the lesson player needs a terminal (standard input and output must be a tty).\n"
            + "To print a lesson step as text, use: convlab render LESSON --step N",
        status: ExitStatus.needsTerminal))
}

exit(InteractiveSession(options: options).run())
