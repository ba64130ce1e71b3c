/// Reads the `when:` line of a scene.
enum SceneTriggerText {
    static let forms = "start, end, step N, layer L, activation [L], "
        + "cell ROW COL [filter F] [layer L]"

    static func parse(_ text: Substring) -> SceneTrigger? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            .map { $0.lowercased() }
        guard let head = words.first else { return nil }
        let numbers = words.dropFirst().compactMap { Int($0) }
        switch (head, words.count) {
        case ("start", 1): return .start
        case ("end", 1): return .end
        case ("step", 2) where numbers.count == 1: return .step(numbers[0])
        case ("layer", 2) where numbers.count == 1: return .layer(numbers[0])
        case ("activation", 1): return .activation(layer: 1)
        case ("activation", 2) where numbers.count == 1: return .activation(layer: numbers[0])
        case ("cell", _): return parseCell(Array(words.dropFirst()))
        default: return nil
        }
    }

    private static func parseCell(_ words: [String]) -> SceneTrigger? {
        guard words.count >= 2, let row = Int(words[0]), let column = Int(words[1]),
              let options = options(words.dropFirst(2), allowed: ["filter", "layer"])
        else { return nil }
        return .cell(row: row, column: column, filter: options["filter"] ?? 1,
                     layer: options["layer"] ?? 1)
    }

    /// Reads `key N` pairs such as `filter 2 layer 1`; nil on an unknown key or a missing or
    /// non-numeric value.
    static func options(_ words: ArraySlice<String>, allowed: Set<String>) -> [String: Int]? {
        var result: [String: Int] = [:]
        var rest = words
        while let key = rest.first {
            guard allowed.contains(key), rest.count >= 2,
                  let value = Int(rest[rest.startIndex + 1])
            else { return nil }
            result[key] = value
            rest = rest.dropFirst(2)
        }
        return result
    }
}
