/// A headless subcommand: `convlab NAME ...`.
public struct Command: Sendable {
    public let name: String
    /// One line for the list in `convlab --help`.
    public let summary: String
    /// The whole text of `convlab NAME --help`.
    public let help: String
    public let run: @Sendable (_ arguments: [String], _ context: CommandContext) -> CommandResult

    public init(name: String, summary: String, help: String,
                run: @escaping @Sendable ([String], CommandContext) -> CommandResult) {
        self.name = name
        self.summary = summary
        self.help = help
        self.run = run
    }

    /// Runs the command, answering `--help` itself and turning a `UsageError` thrown by
    /// `body` into exit 64.
    public static func guarded(_ body: () throws -> CommandResult) -> CommandResult {
        do {
            return try body()
        } catch let error as UsageError {
            return .failure(error.message + "\n(see --help)", status: ExitStatus.usage)
        } catch {
            return .failure("\(error)", status: ExitStatus.dataError)
        }
    }
}
