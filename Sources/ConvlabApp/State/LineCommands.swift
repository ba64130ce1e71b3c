import ScreenModel

/// Line mode, for terminals that cannot move their cursor (`TERM=dumb`): the student types a
/// short command and Enter, and the screen is printed again below. Each command becomes the
/// keys the full-screen player would have had, so `update` stays the only behaviour.
public enum LineCommands {
    /// The commands, shown under every printed screen.
    public static func prompt(for state: AppState) -> String {
        if state.session?.prompt?.isOpen == true && state.mode == .lesson {
            return "your answer, then Enter (skip: skip the question, q: quit) > "
        }
        switch state.mode {
        case .lesson:
            return "Enter next  b back  g/G first/last  N step N  f fine/coarse  L lessons  "
                + "q quit > "
        default:
            return "N: open lesson N  q: quit > "
        }
    }

    /// The keys for one typed line.
    public static func keys(for line: String, in state: AppState) -> [Key] {
        let command = line.trimmingCharacters(in: .whitespaces)
        if command == "q" || command == "quit" { return [.character("q")] }
        if state.mode == .lesson, state.session?.prompt?.isOpen == true {
            if command == "skip" { return [.escape] }
            guard !command.isEmpty else { return [] }
            // Each line is a whole answer: clear what an earlier, refused line left.
            return [.control("u")] + command.map { .character($0) } + [.enter]
        }
        switch state.mode {
        case .lesson:
            switch command {
            case "", "n": return [.right]
            case "b": return [.left]
            case "g", "G", "f", "L", "P", "t", "<", ">", "[", "]", "r":
                return [.character(command.first!)]
            default:
                guard let step = Int(command), step >= 1, let session = state.session else {
                    return []
                }
                // From the first step forwards, so a question on the way still stops it.
                let count = min(step, session.steps.count) - 1
                return [.character("g")] + Array(repeating: .right, count: count)
            }
        default:
            guard let number = Int(command), number >= 1, number <= state.lessons.count else {
                return command.isEmpty && state.mode == .lessonList ? [.enter] : []
            }
            return [.escape, .character("L"), .home]
                + Array(repeating: .down, count: number - 1) + [.enter]
        }
    }
}
