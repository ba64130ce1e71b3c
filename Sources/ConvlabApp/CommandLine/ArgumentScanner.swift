/// Reads `--flag value`, `--flag=value`, bare `--switch`es and positional arguments.
///
/// Commands declare which flags take values and which are switches; anything else is a usage
/// error that names the flag, so a typo never silently does nothing.
public struct ArgumentScanner: Sendable {
    public private(set) var positional: [String] = []
    private var values: [String: [String]] = [:]
    private var switches: Set<String> = []

    /// - Throws: `UsageError` for an unknown flag or a flag missing its value.
    public init(_ arguments: [String], valueFlags: Set<String>, switchFlags: Set<String>) throws {
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                positional.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if switchFlags.contains(name) {
                guard inlineValue == nil else {
                    throw UsageError("\(name) takes no value")
                }
                switches.insert(name)
            } else if valueFlags.contains(name) {
                if let inlineValue {
                    values[name, default: []].append(inlineValue)
                } else {
                    guard index < arguments.count else {
                        throw UsageError("\(name) needs a value")
                    }
                    values[name, default: []].append(arguments[index])
                    index += 1
                }
            } else {
                let known = (valueFlags.union(switchFlags)).sorted().joined(separator: ", ")
                throw UsageError("unknown option '\(name)'; " + (known.isEmpty
                    ? "this command takes no options" : "this command accepts: \(known)"))
            }
        }
    }

    public func has(_ flag: String) -> Bool { switches.contains(flag) }

    /// The last value given for `flag`, or nil.
    public func value(_ flag: String) -> String? { values[flag]?.last }

    /// Every value given for a repeatable flag, in order.
    public func allValues(_ flag: String) -> [String] { values[flag] ?? [] }

    /// Parses a whole number in `range`.
    public func integer(_ flag: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(flag) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError.badValue(
                flag, text,
                allowed: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// Parses one of a fixed set of words.
    public func choice(_ flag: String, from allowed: [String]) throws -> String? {
        guard let text = value(flag) else { return nil }
        guard allowed.contains(text) else {
            throw UsageError.badValue(flag, text, allowed: allowed.joined(separator: ", "))
        }
        return text
    }

    /// Parses `WxH`.
    public func size(_ flag: String) throws -> (width: Int, height: Int)? {
        guard let text = value(flag) else { return nil }
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (1...1000).contains(width), (1...1000).contains(height)
        else {
            throw UsageError.badValue(flag, text, allowed: "WIDTHxHEIGHT, such as 100x30")
        }
        return (width, height)
    }
}
