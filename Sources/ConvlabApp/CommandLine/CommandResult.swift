import ScreenModel

/// Exit statuses, following BSD sysexits where one fits.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// The interactive UI was asked for without a terminal.
    public static let needsTerminal: Int32 = 2
    /// EX_USAGE: a flag or argument is wrong.
    public static let usage: Int32 = 64
    /// EX_DATAERR: an input file (lesson, grid, image) is malformed.
    public static let dataError: Int32 = 65
    /// EX_NOINPUT: a named file does not exist or cannot be read.
    public static let noInput: Int32 = 66
    /// A file convlab must write (progress, a saved lesson) cannot be created (EX_CANTCREAT).
    public static let cannotCreate: Int32 = 73
}

/// What a headless command produced. Commands return text rather than printing, so tests
/// can check every byte and the exit status without spawning a process.
public struct CommandResult: Sendable, Equatable {
    public var output: String
    public var errorOutput: String
    public var status: Int32

    public init(output: String = "", errorOutput: String = "", status: Int32 = ExitStatus.success) {
        self.output = output
        // Messages quote lesson text and file names; a control character in them is shown,
        // never sent to the terminal (see `ControlCharacters`).
        self.errorOutput = ControlCharacters.visible(errorOutput)
        self.status = status
    }

    public static func failure(_ message: String, status: Int32) -> CommandResult {
        CommandResult(errorOutput: "convlab: " + message + "\n", status: status)
    }
}

/// A wrong flag or value on the command line: says which flag and what it accepts.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// The exit status: usage (64), or no input (66) when a named path does not exist.
    public var status: Int32 = ExitStatus.usage

    public init(_ message: String) { self.message = message }

    /// The same error with another exit status.
    public func with(status: Int32) -> UsageError {
        var copy = self
        copy.status = status
        return copy
    }

    public static func badValue(_ flag: String, _ value: String, allowed: String) -> UsageError {
        UsageError("\(flag): '\(value)' is not valid; expected \(allowed)")
    }

    public var description: String { message }
}

/// Facts about the process a command may use; tests pass their own.
public struct CommandContext: Sendable {
    public var environment: [String: String]
    /// Whether standard output is a terminal (decides `--color auto`).
    public var outputIsTerminal: Bool
    /// The folder relative paths are read from.
    public var workingDirectory: String

    public init(environment: [String: String] = [:], outputIsTerminal: Bool = false,
                workingDirectory: String = ".") {
        self.environment = environment
        self.outputIsTerminal = outputIsTerminal
        self.workingDirectory = workingDirectory
    }
}
