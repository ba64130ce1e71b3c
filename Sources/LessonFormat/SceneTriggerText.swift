/// Reads the `when:` line of a scene.
enum SceneTriggerText {
    static let forms = "start, end, step N, layer L, activation [L], cell ROW COL [filter F] [layer L]"

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
        guard words.count >= 2, let row = Int(words[0]), let column = Int(words[1]) else {
            return nil
        }
        var filter = 1
        var layer = 1
        var rest = words.dropFirst(2)
        while let key = rest.first {
            guard rest.count >= 2, let value = Int(rest[rest.startIndex + 1]) else { return nil }
            switch key {
            case "filter": filter = value
            case "layer": layer = value
            default: return nil
            }
            rest = rest.dropFirst(2)
        }
        return .cell(row: row, column: column, filter: filter, layer: layer)
    }
}
