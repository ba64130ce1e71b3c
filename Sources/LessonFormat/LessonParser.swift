import ConvModel

/// Reads a lesson file (Markdown with fenced `input`, `layer` and `filter` blocks and `##`
/// scenes) into a `Lesson`, or reports every problem with its file, line and column.
///
/// The format is documented with a complete example in `Lessons/README.md`.
public struct LessonParser {
    /// Fence languages that are narrative (shown as written), not data.
    static let narrativeLanguages: Set<String> = [
        "", "text", "txt", "plain", "python", "py", "sh", "bash", "console", "shell",
    ]

    /// The most numbers a lesson's input and maps may hold in all (128 MiB of doubles), and
    /// the most multiplications its layers may take: enough for the largest data file (8 MiB,
    /// 2000x2000) under a 3x3 filter, small enough that a lesson opens in about a second.
    public static let maximumValues = 1 << 24
    public static let maximumProducts = 1 << 26

    public let path: String
    /// Reads a data file named in an `input` block, by a path relative to the lesson.
    let readDataFile: (String) -> DataFile?

    public init(path: String, readDataFile: @escaping (String) -> DataFile?) {
        self.path = path
        self.readDataFile = readDataFile
    }

    /// What a data file read gave: its display path and the grid or why there is none.
    public struct DataFile {
        public var path: String
        public var contents: Result<Grid, LessonProblems>
        /// Whether the file is a PNG/PGM/PPM image; its problems are then reported at the
        /// lesson's `file:` line, since an image has no lines and columns of its own.
        public var isImage: Bool

        public init(path: String, contents: Result<Grid, LessonProblems>, isImage: Bool = false) {
            self.path = path
            self.contents = contents
            self.isImage = isImage
        }
    }

    public func parse(_ source: String) throws(LessonProblems) -> Lesson {
        var state = ParseState(path: path)
        let lines = LessonLine.split(source)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.trimmed.hasPrefix("```") {
                let end = lines[index...].firstIndex { $0.trimmed.hasPrefix("```") }
                let body = Array(lines[index..<(end ?? lines.count)])
                guard let end else {
                    state.problem(line.number, line.indent,
                                  "this ``` block is never closed; add a line with ``` after it")
                    state.readToEnd = false
                    break
                }
                state.block(opening: line, body: body, readDataFile: readDataFile)
                index = end + 1
            } else {
                state.text(line)
            }
        }
        return try state.finish()
    }
}

/// The parser's working state, line by line.
private struct ParseState {
    let path: String
    var problems: [LessonProblem] = []
    var title: String?
    var titleLine = 1
    var sawContent = false
    var input: Grid?
    var inputSource: String?
    var sawInputBlock = false
    /// False when an unclosed fence hid the rest of the file, so nothing is missing for sure.
    var readToEnd = true
    var layers: [LayerDraft] = []
    var scenes: [SceneDraft] = []

    init(path: String) { self.path = path }

    mutating func problem(_ line: Int, _ column: Int, _ message: String) {
        problems.append(LessonProblem(
            SourceLocation(file: path, line: line, column: column), message))
    }

    mutating func text(_ line: LessonLine) {
        let trimmed = line.trimmed
        if trimmed.isEmpty {
            if !scenes.isEmpty { scenes[scenes.count - 1].lines.append("") }
            return
        }
        if title == nil {
            guard trimmed.hasPrefix("# ") else {
                problem(line.number, line.indent,
                        "a lesson starts with its title on a line like '# The sliding filter'")
                title = ""
                scenes.append(SceneDraft(title: "", line: line.number))
                return
            }
            title = String(trimmed.dropFirst(2).trimmingSpaces())
            titleLine = line.number
            scenes.append(SceneDraft(title: title!, line: line.number))
            return
        }
        if trimmed.hasPrefix("# ") {
            problem(line.number, line.indent,
                    "a lesson has one title; use '## Scene title' for each scene")
            return
        }
        if trimmed.hasPrefix("## ") {
            scenes.append(SceneDraft(title: String(trimmed.dropFirst(3).trimmingSpaces()),
                                     line: line.number))
            return
        }
        let isFirstLine = scenes[scenes.count - 1].lines.allSatisfy { $0.isEmpty }
        // Copied only where a `when:` line may stand: a copy alive during the append below
        // shares its lines, so the append would copy them all, and a long narrative would
        // take quadratic time (100,000 lines: over a minute).
        var scene = isFirstLine ? scenes[scenes.count - 1] : SceneDraft(title: "", line: 0)
        if isFirstLine, scene.trigger == nil, let pair = KeyValue(line), pair.key == "when" {
            if scenes.count == 1 {
                problem(line.number, pair.keyColumn,
                        "the text before the first '##' scene always starts the lesson; "
                            + "'when:' belongs under a '## Scene' heading")
            } else if let trigger = SceneTriggerText.parse(pair.value) {
                scene.trigger = trigger
                scene.whenLine = line.number
                scene.whenColumn = pair.valueColumn
            } else {
                problem(line.number, pair.valueColumn,
                        "'\(pair.value)' is not a moment; use one of: \(SceneTriggerText.forms)")
            }
            scenes[scenes.count - 1] = scene
            return
        }
        if isFirstLine, let pair = KeyValue(line), pair.key == "ask" {
            if scene.question != nil {
                problem(line.number, pair.keyColumn,
                        "a scene asks one question; put this one in a scene of its own")
                return
            }
            if let question = QuestionText.parse(pair.value) {
                scene.question = question
                scene.askLine = line.number
                scene.askColumn = pair.valueColumn
            } else {
                problem(line.number, pair.valueColumn,
                        "'\(pair.value)' is not a question; use one of: \(QuestionText.forms)")
            }
            scenes[scenes.count - 1] = scene
            return
        }
        scenes[scenes.count - 1].lines.append(String(trimmed))
    }

    mutating func block(opening: LessonLine, body: [LessonLine],
                        readDataFile: (String) -> LessonParser.DataFile?) {
        let afterFence = opening.trimmed.dropFirst(3)
        let info = afterFence.trimmingSpaces()
        let words = info.split(separator: " ", maxSplits: 1)
        let kind = words.first.map { $0.lowercased() } ?? ""
        switch kind {
        case "input":
            readInput(opening, body, readDataFile: readDataFile)
        case "layer":
            readLayer(opening, body)
        case "filter":
            let name = words.count > 1 ? String(words[1].trimmingSpaces())
                : "filter \((layers.last?.filters.count ?? 0) + 1)"
            readFilter(name: name, opening, body)
        default:
            if LessonParser.narrativeLanguages.contains(kind) {
                if scenes.isEmpty { return }
                scenes[scenes.count - 1].lines.append(contentsOf: body.map { "    " + $0.text })
                scenes[scenes.count - 1].lines.append("")
            } else {
                let kindColumn = opening.indent + 3 + afterFence.prefix { $0 == " " }.count
                problem(opening.number, kindColumn,
                        "unknown block '\(kind)'; expected input, layer or filter NAME "
                            + "(or text/python/sh for a code sample)")
            }
        }
    }

    mutating func readInput(_ opening: LessonLine, _ body: [LessonLine],
                            readDataFile: (String) -> LessonParser.DataFile?) {
        if sawInputBlock {
            problem(opening.number, opening.indent, "a lesson has one input block")
            return
        }
        sawInputBlock = true
        var grid = GridBlock()
        var fileLine: (line: LessonLine, pair: KeyValue)?
        var firstRow: LessonLine?
        var imageKeys = InputImageKeys()
        for line in body {
            if line.isBlank {
                grid.addBlank()
            } else if let pair = KeyValue(line), InputImageKeys.names.contains(pair.key) {
                imageKeys.read(pair, line: line, file: path, problems: &problems)
            } else if let pair = KeyValue(line) {
                if pair.key != "file" {
                    problem(line.number, pair.keyColumn,
                            "unknown key '\(pair.key)' in input; expected file, resize, gray")
                } else if fileLine != nil {
                    problem(line.number, pair.keyColumn, "an input block names one file")
                } else {
                    fileLine = (line, pair)
                }
            } else {
                firstRow = firstRow ?? line
                grid.addRow(line, file: path, problems: &problems)
            }
        }
        guard let (line, pair) = fileLine else {
            imageKeys.checkHasFile(problems: &problems)
            input = grid.grid(file: path, line: opening.number, problems: &problems)
            return
        }
        if let firstRow {
            problem(firstRow.number, firstRow.indent,
                    "an input block holds either 'file:' or rows of numbers, not both")
            return
        }
        guard let data = readDataFile(String(pair.value)) else {
            problem(line.number, pair.valueColumn,
                    "data file '\(pair.value)' does not exist or cannot be read")
            return
        }
        switch data.contents {
        case .success(let loaded):
            input = imageKeys.apply(to: loaded, problems: &problems)
            inputSource = String(pair.value)
        case .failure(let inner) where data.isImage:
            for found in inner.problems {
                problem(line.number, pair.valueColumn, "image '\(pair.value)': \(found.message)")
            }
        case .failure(let inner):
            problems.append(contentsOf: inner.problems)
        }
    }

    mutating func readLayer(_ opening: LessonLine, _ body: [LessonLine]) {
        var draft = LayerDraft(line: opening.number, explicit: true)
        for line in body where !line.isBlank {
            guard let pair = KeyValue(line) else {
                problem(line.number, line.indent,
                        "expected 'key: value' in a layer block (stride, padding, dilation, "
                            + "activation, kernel)")
                continue
            }
            switch pair.key {
            case "stride", "dilation":
                // The same bounds as `convlab compute`: beyond them the maps would not fit
                // in memory, let alone on a screen.
                guard let number = Int(pair.value), (1...1000).contains(number) else {
                    problem(line.number, pair.valueColumn,
                            "\(pair.key) must be a whole number from 1 to 1000, not "
                                + "'\(pair.value)'")
                    continue
                }
                if pair.key == "stride" { draft.settings.stride = number }
                else { draft.settings.dilation = number }
            case "padding":
                switch pair.value.lowercased() {
                case "same": draft.settings.padding = .same
                case "valid": draft.settings.padding = .valid
                default:
                    guard let number = Int(pair.value), (0...1000).contains(number) else {
                        problem(line.number, pair.valueColumn,
                                "padding must be a whole number from 0 to 1000, 'same' or "
                                    + "'valid', not '\(pair.value)'")
                        continue
                    }
                    draft.settings.padding = .zeros(number)
                }
            case "activation":
                guard let activation = Activation(name: String(pair.value)) else {
                    problem(line.number, pair.valueColumn,
                            "unknown activation '\(pair.value)'; expected "
                                + Activation.names.joined(separator: ", "))
                    continue
                }
                draft.activation = activation
            case "kernel":
                switch pair.value.lowercased() {
                case "cross-correlation": draft.settings.flipsKernel = false
                case "convolution", "flipped": draft.settings.flipsKernel = true
                default:
                    problem(line.number, pair.valueColumn,
                            "kernel must be 'cross-correlation' or 'convolution'")
                }
            default:
                problem(line.number, pair.keyColumn,
                        "unknown key '\(pair.key)' in layer; expected stride, padding, "
                            + "dilation, activation, kernel")
            }
        }
        layers.append(draft)
    }

    mutating func readFilter(name: String, _ opening: LessonLine, _ body: [LessonLine]) {
        if layers.isEmpty { layers.append(LayerDraft(line: opening.number, explicit: false)) }
        layers[layers.count - 1].filterBlocks += 1
        var bias = 0.0
        var grid = GridBlock()
        var preset: (FilterPreset?, line: Int, column: Int)?
        for line in body {
            if line.isBlank {
                grid.addBlank()
            } else if let pair = KeyValue(line), pair.key == "preset" {
                preset = (FilterPreset(name: String(pair.value)), line.number, pair.valueColumn)
                if preset?.0 == nil {
                    problem(line.number, pair.valueColumn,
                            "unknown preset '\(pair.value)'; expected one of "
                                + FilterPreset.names.joined(separator: ", "))
                }
            } else if let pair = KeyValue(line) {
                guard pair.key == "bias" else {
                    problem(line.number, pair.keyColumn,
                            "unknown key '\(pair.key)' in filter; expected bias or preset")
                    continue
                }
                switch NumberText.parse(pair.value) {
                case .success(let value): bias = value
                case .failure(let failure):
                    problem(line.number, pair.valueColumn,
                            NumberText.message(for: pair.value, failure))
                }
            } else {
                grid.addRow(line, file: path, problems: &problems)
            }
        }
        if let (named, line, column) = preset {
            guard grid.isEmpty, let named else {
                if named != nil {
                    problem(line, column, "a filter block holds either 'preset:' or rows of "
                                + "weights, not both")
                }
                return
            }
            // A preset covers every channel of its input: the lesson's input for the first
            // layer, the previous layer's maps after that.
            let channels = layers.count > 1 ? layers[layers.count - 2].filters.count
                : input?.channels ?? 1
            layers[layers.count - 1].filters.append((
                Filter(name: name, weights: named.weights(channels: channels), bias: bias),
                opening.number))
            return
        }
        guard let weights = grid.grid(file: path, line: opening.number, problems: &problems)
        else { return }
        layers[layers.count - 1].filters.append(
            (Filter(name: name, weights: weights, bias: bias), opening.number))
    }

    /// Checks what only the whole lesson can tell, then builds it.
    mutating func finish() throws(LessonProblems) -> Lesson {
        if title == nil {
            problem(1, 1, "the lesson has no title; start it with a line like "
                        + "'# The sliding filter'")
        }
        if !sawInputBlock && readToEnd {
            problem(titleLine, 1, "the lesson has no ```input block")
        }
        if layers.isEmpty && readToEnd {
            problem(titleLine, 1, "the lesson has no ```filter block")
        }
        // A layer whose filter blocks were all refused has had those reported already.
        for draft in layers where draft.filterBlocks == 0 {
            problem(draft.line, 1,
                    "this layer has no filters; put ```filter blocks after the layer they "
                        + "belong to")
        }
        checkChannels()
        guard problems.isEmpty, let input else { throw sortedProblems() }
        guard checkSize(of: input) else { throw sortedProblems() }

        let lesson = Lesson(
            title: title ?? "", path: path, input: input, inputSource: inputSource,
            layers: layers.map(\.layer),
            scenes: scenes.map { draft in
                Scene(title: draft.title, trigger: draft.trigger ?? .start,
                      text: draft.paragraphs, line: draft.line, question: draft.question)
            })
        let network: Network
        do {
            network = try lesson.network()
        } catch let error as NetworkError {
            problem(layers[error.layer - 1].line, 1, error.reason.description)
            throw LessonProblems(problems)
        } catch {
            problem(1, 1, "\(error)")
            throw LessonProblems(problems)
        }
        checkTriggers(StepSequence(network: network, granularity: .fine))
        guard problems.isEmpty else { throw sortedProblems() }
        return lesson
    }

    /// Problems in the order of the file, as an author fixes them.
    private func sortedProblems() -> LessonProblems {
        LessonProblems(problems.sorted { $0.location < $1.location })
    }

    /// Refuses, before computing anything, a lesson whose maps would not fit in memory or
    /// would take long to compute: a few lines of padding can ask for a hundred million cells,
    /// and the lesson list reads every lesson at start-up.
    private mutating func checkSize(of input: Grid) -> Bool {
        guard let excess = LessonParser.firstSizeExcess(input: input,
                                                        layers: layers.map(\.layer))
        else { return true }
        let size = "layer \(excess.layer + 1) makes \(excess.maps) map(s) of "
            + "\(excess.height)x\(excess.width) cells"
        if excess.isValues {
            problem(layers[excess.layer].line, 1, size + "; with its input and the layers "
                    + "before it, that is \(excess.values) numbers, more than the "
                    + "\(LessonParser.maximumValues) a lesson may hold; use less padding or a "
                    + "smaller input")
        } else {
            problem(layers[excess.layer].line, 1, size + "; the layers so far need "
                    + "\(excess.products) multiplications, more than the "
                    + "\(LessonParser.maximumProducts) a lesson may take; use fewer or smaller "
                    + "filters, or a smaller input")
        }
        return false
    }

    private mutating func checkChannels() {
        var channels = input?.channels
        for draft in layers {
            for (filter, line) in draft.filters {
                if let expected = channels, filter.channels != expected {
                    problem(line, 1,
                            "filter '\(filter.name)' has \(filter.channels) channel(s) but its "
                                + "input has \(expected); separate channels with a blank line")
                }
            }
            // After a layer with a refused filter, the next layer's channel count is unknown.
            let complete = draft.filterBlocks > 0 && draft.filters.count == draft.filterBlocks
            channels = complete ? draft.filters.count : nil
        }
    }

    private mutating func checkTriggers(_ steps: StepSequence) {
        for draft in scenes {
            let start = (draft.trigger ?? .start).stepIndex(in: steps)
            if draft.trigger != nil && start == nil {
                problem(draft.whenLine, draft.whenColumn,
                        "this lesson has no such moment (it has \(steps.count) fine steps, "
                            + "\(steps.network.traces.count) layer(s))")
            }
            if let question = draft.question {
                checkQuestion(question, startingAt: start, draft: draft, steps: steps)
            }
        }
    }

    /// A question must have an answer, and the answer must still be hidden when it is asked.
    private mutating func checkQuestion(_ question: Question, startingAt start: Int?,
                                        draft: SceneDraft, steps: StepSequence) {
        let network = steps.network
        guard question.answer(in: network) != nil else {
            problem(draft.askLine, draft.askColumn,
                    "this lesson has no such cell or layer to ask about (it has "
                        + "\(network.traces.count) layer(s))")
            return
        }
        if case .activation = question,
           network.traces[question.layer - 1].layer.activation == .identity
        {
            problem(draft.askLine, draft.askColumn,
                    "layer \(question.layer) has no activation; ask 'cell ...' instead")
            return
        }
        if let start, let reveal = question.revealStep(in: steps), reveal < start {
            problem(draft.askLine, draft.askColumn,
                    "the answer is on screen from step \(reveal + 1), before this scene begins "
                        + "at step \(start + 1); ask it in an earlier scene")
        }
    }
}

private struct LayerDraft {
    var line: Int
    var explicit: Bool
    var settings = ConvolutionSettings()
    var activation = Activation.identity
    var filters: [(Filter, Int)] = []
    /// Filter blocks written for this layer, including any refused as malformed.
    var filterBlocks = 0

    var layer: ConvLayer {
        ConvLayer(filters: filters.map(\.0), settings: settings, activation: activation)
    }
}

private struct SceneDraft {
    var title: String
    var line: Int
    var trigger: SceneTrigger?
    var whenLine = 0
    var whenColumn = 0
    var question: Question?
    var askLine = 0
    var askColumn = 0
    var lines: [String] = []

    init(title: String, line: Int) {
        self.title = title
        self.line = line
    }

    /// Lines joined into paragraphs; indented code lines keep their breaks.
    var paragraphs: String {
        var result: [String] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else if line.hasPrefix("    ") {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
                result.append(line)
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result.joined(separator: "\n")
    }
}
