import ConvModel

/// A lesson as read from its file: the network it runs and the story told beside it.
public struct Lesson: Sendable, Equatable {
    public var title: String
    /// The path it was read from, as given (shown in errors and the lesson list).
    public var path: String
    public var input: Grid
    /// Where the input came from: a data file's name, or nil when written inline.
    public var inputSource: String?
    public var layers: [ConvLayer]
    /// The narrative, in the order written. The first scene always starts at the first step.
    public var scenes: [Scene]

    public init(title: String, path: String, input: Grid, inputSource: String?,
                layers: [ConvLayer], scenes: [Scene]) {
        self.title = title
        self.path = path
        self.input = input
        self.inputSource = inputSource
        self.layers = layers
        self.scenes = scenes
    }

    /// Runs the lesson's layers over its input.
    public func network() throws -> Network {
        try Network(input: input, layers: layers)
    }
}

/// A stretch of narrative shown from a given moment until the next scene begins.
public struct Scene: Sendable, Equatable {
    public var title: String
    public var trigger: SceneTrigger
    /// Paragraphs separated by blank lines; single line breaks inside a paragraph are spaces.
    public var text: String
    public var line: Int
    /// A prediction asked when the scene begins, before its answer is shown.
    public var question: Question?

    public init(title: String, trigger: SceneTrigger, text: String, line: Int,
                question: Question? = nil) {
        self.title = title
        self.trigger = trigger
        self.text = text
        self.line = line
        self.question = question
    }
}

/// When a scene begins, in words an author would use. Numbers are counted from 1.
public enum SceneTrigger: Sendable, Equatable {
    case start
    /// Step N as the fine-grained step counter shows it.
    case step(Int)
    /// When the filter is placed to compute output cell (row, column) of a map.
    case cell(row: Int, column: Int, filter: Int, layer: Int)
    /// When a layer's activation pass begins.
    case activation(layer: Int)
    /// When a layer's first window is placed.
    case layer(Int)
    case end

    /// The step index (from 0) this trigger points at in `steps`, or nil when the lesson has
    /// no such moment (checked when the lesson is read, so the UI never sees nil).
    public func stepIndex(in steps: StepSequence) -> Int? {
        guard steps.count > 0 else { return nil }
        let traces = steps.network.traces
        switch self {
        case .start:
            return 0
        case .end:
            return steps.count - 1
        case .step(let number):
            // Fine steps are numbered as they are: no second sequence to build each time the
            // current scene is looked up.
            if steps.granularity == .fine {
                return number >= 1 && number <= steps.count ? number - 1 : nil
            }
            let fine = StepSequence(network: steps.network, granularity: .fine)
            guard number >= 1 && number <= fine.count else { return nil }
            if steps.granularity == .fine { return number - 1 }
            return steps.equivalent(of: fine.step(at: number - 1))
        case .layer(let layer):
            guard layer >= 1 && layer <= traces.count else { return nil }
            return steps.firstStep(ofLayer: layer - 1)
        case .activation(let layer):
            guard layer >= 1 && layer <= traces.count else { return nil }
            return steps.firstActivationStep(layer: layer - 1)
        case .cell(let row, let column, let filter, let layer):
            guard layer >= 1 && layer <= traces.count else { return nil }
            let geometry = traces[layer - 1].geometry
            guard row >= 1 && row <= geometry.outputHeight,
                  column >= 1 && column <= geometry.outputWidth,
                  filter >= 1 && filter <= traces[layer - 1].appliedFilters.count
            else { return nil }
            let write = steps.writeStep(layer: layer - 1, filter: filter - 1, outRow: row - 1,
                                        outColumn: column - 1)
            // The fine sequence starts the cell at its place step; coarse has only the write.
            let perCell = StepSequence.stepsPerCell(traces[layer - 1],
                                                    granularity: steps.granularity)
            return write - perCell + 1
        }
    }
}
