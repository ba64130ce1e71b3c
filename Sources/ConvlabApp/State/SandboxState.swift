import ConvModel
import LessonFormat

/// The sandbox: an input and a few layers the student edits freely, with every map
/// recomputed at once. It changes only through `updateSandbox(state, event)`.
///
/// The network it holds always runs: a change that would not fit (a dilation too large for
/// the input, a pooling window larger than the map) is refused with a message instead.
public struct SandboxState: Sendable, Equatable {
    /// Which part of the screen the arrows move in.
    public enum Focus: String, Sendable, Equatable, CaseIterable {
        case input
        case filter
        case map
        case pool
        case settings
    }

    /// The settings Tab reaches, in screen order.
    public enum Setting: String, Sendable, Equatable, CaseIterable {
        case stride
        case padding
        case dilation
        case activation
        case kernel
        case pooling
        case poolWindow = "window"
        case poolStride = "pool stride"
    }

    /// A row and column in some grid, with the channel on show.
    public struct Cursor: Sendable, Equatable {
        public var row = 0
        public var column = 0
        public var channel = 0
    }

    /// What an edit field will change when Enter is pressed.
    public enum EditTarget: Sendable, Equatable {
        case input(Cursor)
        case weight(Cursor)
        case bias
        case setting(Setting)
    }

    /// A number being typed.
    public struct EditField: Sendable, Equatable {
        public var target: EditTarget
        public var text: String
    }

    /// The path prompt of `w`, and whether it is asking to overwrite.
    public struct SavePrompt: Sendable, Equatable {
        public var text: String
        public var confirmingOverwrite = false
        /// True while `text` is the untouched suggestion: like selected text, the first
        /// character typed replaces it, so a path typed at once is not appended to it.
        public var suggested = false
    }

    /// A write the run loop carries out (`performSandboxEffects`), so `updateSandbox` stays
    /// free of file access.
    public struct SaveRequest: Sendable, Equatable {
        public var path: String
        public var text: String
        public var overwrite: Bool
    }

    public var title: String
    public var input: Grid
    public var layers: [ConvLayer]
    /// Pooling after the last layer's activation, or nil. It belongs to the last layer only:
    /// `o` and the pooling settings are refused on the others, so what the settings row says
    /// is always what is drawn.
    public var pooling: Pooling?

    /// The layer on show, from 0, and the filter of that layer.
    public var layer = 0
    public var filter = 0
    public var focus = Focus.input
    public var inputCursor = Cursor()
    public var filterCursor = Cursor()
    public var mapCursor = Cursor()
    public var poolCursor = Cursor()
    /// While pooling is stepped through (Space in the pool area): the index of the step in
    /// the fine `PoolingSteps` of the filter's map, which the pool cursor follows.
    public var poolStep: Int?
    public var setting = Setting.stride
    public var edit: EditField?
    public var prompt: SavePrompt?
    public var pendingSave: SaveRequest?
    public var showingPresets = false
    public var showingKeys = false
    /// A one-line answer to the last action (saved, refused, ...).
    public var message: String?
    /// True when opened from a lesson: Esc goes back to it.
    public var returnsToLesson = false
    /// Set by Esc (back to the lesson) and q (quit) when nothing is open; the app acts on them.
    public var leaveRequested = false
    public var quitRequested = false
    /// The gradient panel, rerun whenever the input changes.
    public var gradients = GradientPanel()

    public private(set) var network: Network
    public private(set) var pooled: PoolingTrace?

    /// - Throws: `NetworkError` or `PoolingError` when the set-up does not run.
    public init(title: String = "sandbox", input: Grid, layers: [ConvLayer],
                pooling: Pooling? = nil) throws {
        self.title = title
        self.input = input
        self.layers = layers
        self.pooling = pooling
        network = try Network(input: input, layers: layers)
        pooled = try pooling.map { try $0.apply(to: network.output) }
        gradients.recompute(for: input)
    }

    /// A copy of a lesson's network (its narrative is not needed here).
    public init(lesson: Lesson) throws {
        try self.init(title: lesson.title, input: lesson.input, layers: lesson.layers)
        returnsToLesson = true
    }

    /// What `convlab sandbox` opens with no flags: a bright square on a dark ground and a
    /// vertical edge filter followed by ReLU, so both signs and the zeroing show at once.
    public static func standard() -> SandboxState {
        var input = Grid(height: 6, width: 6)
        for row in 1..<5 {
            for column in 2..<5 { input[row, column] = 9 }
        }
        let layer = ConvLayer(filters: [FilterPreset.edgeVertical.filter()], activation: .relu)
        // The standard set-up is fixed and fits, so this cannot fail.
        return (try? SandboxState(input: input, layers: [layer]))!
    }

    // MARK: - What is on show

    public var trace: LayerTrace { network.traces[layer] }
    public var currentLayer: ConvLayer { layers[layer] }
    public var currentFilter: Filter { layers[layer].filters[filter] }
    public var isLastLayer: Bool { layer == layers.count - 1 }
    /// Pooling is drawn with the last layer, whose output it reads.
    public var showsPooling: Bool { pooled != nil && isLastLayer }

    /// Pooling of the map on show as fine steps, when pooling is shown.
    public var poolingSteps: PoolingSteps? {
        guard showsPooling, let pooled else { return nil }
        return PoolingSteps(trace: pooled, granularity: .fine)
    }

    /// The PyTorch line for the layer on show.
    public var pytorch: PyTorchCall? { try? PyTorchCall(layer: currentLayer, input: trace.input) }

    /// The focus areas Tab visits now (pool only while pooling is shown).
    public var focusOrder: [Focus] {
        Focus.allCases.filter { $0 != .pool || showsPooling }
    }

    // MARK: - Changing the set-up

    /// Replaces input, layers and pooling together, keeping the old ones (and saying why)
    /// when the new set-up does not run. Returns whether the change was taken.
    @discardableResult
    public mutating func apply(input newInput: Grid? = nil, layers newLayers: [ConvLayer]? = nil,
                               pooling newPooling: Pooling?? = .none) -> Bool {
        let candidateInput = newInput ?? input
        let candidateLayers = newLayers ?? layers
        let candidatePooling = newPooling ?? pooling
        if let problem = SandboxLimits.problem(input: candidateInput, layers: candidateLayers) {
            message = "not changed: " + problem
            return false
        }
        do {
            let candidate = try Network(input: candidateInput, layers: candidateLayers)
            let candidatePooled = try candidatePooling.map { try $0.apply(to: candidate.output) }
            let inputChanged = candidateInput != input
            input = candidateInput
            layers = candidateLayers
            pooling = candidatePooling
            network = candidate
            pooled = candidatePooled
            if inputChanged { gradients.recompute(for: input) }
            clampCursors()
            return true
        } catch {
            message = "not changed: \(error)"
            return false
        }
    }

    /// Changes the layer on show with `change`, refusing it when the network would not run.
    @discardableResult
    public mutating func changeLayer(_ change: (inout ConvLayer) -> Void) -> Bool {
        var newLayers = layers
        change(&newLayers[layer])
        return apply(layers: newLayers)
    }

    /// Keeps every cursor inside the grid it moves over after a size change.
    mutating func clampCursors() {
        layer = min(layer, layers.count - 1)
        filter = min(filter, layers[layer].filters.count - 1)
        inputCursor.clamp(to: trace.input)
        filterCursor.clamp(to: currentFilter.weights, extraRow: true)
        mapCursor.clamp(to: trace.output)
        mapCursor.channel = filter
        if let pooled { poolCursor.clamp(to: pooled.output) }
        poolCursor.channel = filter
        if let step = poolStep, step >= (poolingSteps?.count ?? 0) { poolStep = nil }
        if !focusOrder.contains(focus) { focus = .map }
    }
}

extension SandboxState.Cursor {
    /// Clamps into `grid`; with `extraRow` the row below the grid (the bias) is allowed.
    mutating func clamp(to grid: Grid, extraRow: Bool = false) {
        row = max(0, min(row, grid.height - (extraRow ? 0 : 1)))
        column = max(0, min(column, grid.width - 1))
        channel = max(0, min(channel, grid.channels - 1))
    }
}
