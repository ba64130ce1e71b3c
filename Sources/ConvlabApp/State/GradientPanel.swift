import ConvModel

/// The side panel's settings and the report they produce: gradient size per layer for each
/// activation, from a real forward and backward pass through a seeded deep stack.
public struct GradientPanel: Sendable, Equatable {
    public static let allActivations: [Activation] = [
        .sigmoid, .tanh, .relu, .leakyReLU(slope: Activation.defaultLeakySlope),
    ]
    /// The stacks run over at most this many rows and columns of the lesson's input, so a
    /// photograph does not make every key press wait for thirty deep layers.
    public static let largestInput = 16

    public var layers = DeepStack.defaultDepth
    public var seed = GradientReport.defaultSeed
    /// Which of `allActivations` are drawn.
    public var shown: [Bool] = [true, true, true, true]
    /// The selected layer, from 0 (nearest the input).
    public var cursor = 0
    /// True when the panel takes the whole screen (`t`).
    public var fullScreen = false
    public private(set) var report: GradientReport?
    /// Why there is no report, when there is none.
    public private(set) var failure: String?
    /// A short account of the input the stacks ran over.
    public private(set) var inputNote = ""
    /// The report's mean |gradient| per activation and layer as the panel writes it
    /// (`1.2e-5`): formatted once here, since the panel shows some of them every frame.
    public private(set) var gradientTexts: [[String]] = []

    public init() {}

    /// Recomputes the report for the lesson's input (scaled to 0...1 and cropped).
    public mutating func recompute(for input: Grid) {
        let prepared = Self.prepare(input)
        inputNote = prepared.note
        cursor = min(cursor, layers - 1)
        do {
            report = try GradientReport(
                input: prepared.grid, layers: layers, seed: seed,
                activations: Self.allActivations)
            failure = nil
        } catch {
            report = nil
            failure = "\(error)"
        }
        gradientTexts = report?.meanAbsGradient.map { $0.map(GradientPanelView.scientific) }
            ?? []
    }

    /// Scales values into 0...1 (the lesson's raw values, such as 0...16 ink levels, would
    /// saturate sigmoid in the first layer and hide the effect being shown) and keeps the
    /// centre when the input is larger than `largestInput`.
    static func prepare(_ input: Grid) -> (grid: Grid, note: String) {
        let height = min(input.height, largestInput)
        let width = min(input.width, largestInput)
        let top = (input.height - height) / 2
        let left = (input.width - width) / 2
        let largest = input.values.map(abs).max() ?? 0
        let scale = largest > 0 ? 1 / largest : 1
        var grid = Grid(height: height, width: width, channels: input.channels)
        for channel in 0..<input.channels {
            for row in 0..<height {
                for column in 0..<width {
                    grid[row, column, channel] = input[top + row, left + column, channel] * scale
                }
            }
        }
        var note = "lesson input \(input.height)x\(input.width)"
        if height < input.height || width < input.width { note += ", centre \(height)x\(width)" }
        note += ", scaled so the largest |value| is 1"
        return (grid, note)
    }
}
