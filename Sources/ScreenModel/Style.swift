/// What a cell means, not what colour it is.
///
/// Views say "this is a negative value" or "this is the filter's window"; the terminal adapter
/// (and the ANSI writer for `render --color`) decides how that looks on the terminal at hand,
/// so the same screen reads in 256 colours, in 8 colours and in monochrome.
public enum Role: String, Sendable, Hashable, CaseIterable {
    case normal
    case dim
    case title
    case border
    case keyBar
    case accent
    case positive
    case negative
    case zero
    /// The cells under the filter's window.
    case window
    /// The one cell whose product is being added right now.
    case current
    /// Zero cells added around the input by padding.
    case padding
    /// Input rows or columns that no window reaches (a stride that does not divide evenly).
    case skipped
    /// A cell that ReLU has just set to zero.
    case zeroed
    case selection
    case error
    /// One curve per activation function in the gradient plot.
    case sigmoidCurve
    case tanhCurve
    case reluCurve
    case leakyReLUCurve
}

/// How one cell is drawn: its role plus the few attributes every terminal has.
public struct Style: Sendable, Hashable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    /// Set on heatmap cells: the colours of the value(s) the cell shows (see `Heatmap`).
    public var shade: Shade? = nil

    public init(
        _ role: Role = .normal, bold: Bool = false, reverse: Bool = false,
        underline: Bool = false
    ) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()
}
