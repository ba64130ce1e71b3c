/// How one role looks: colours by terminal colour number plus attributes.
///
/// Colours are numbers in the terminal's own palette (0 to 7 for eight colours, 0 to 255 for
/// 256); nil keeps the terminal's default, so text stays readable on light and dark themes.
public struct Appearance: Sendable, Hashable {
    public var foreground: Int?
    public var background: Int?
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(
        foreground: Int? = nil, background: Int? = nil, bold: Bool = false,
        dim: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = Appearance()
}

/// The look of every role on one kind of terminal, shared by the curses adapter (as colour
/// pairs) and by `render --color` (as SGR escape parameters).
///
/// All palettes are safe for the common kinds of colour blindness: positive values are blue,
/// negative values orange, and no meaning hangs on red against green. Colour is never the
/// only cue: views also mark cells with signs and brackets, and the monochrome palette gives
/// the roles that matter most a distinct attribute.
public struct Palette: Sendable, Hashable {
    /// How many colours the palette's numbers assume: 256, 8, or 0 for attributes only.
    public let colorCount: Int
    private let appearances: [Role: Appearance]

    public init(colorCount: Int, appearances: [Role: Appearance]) {
        self.colorCount = colorCount
        self.appearances = appearances
    }

    public func appearance(for role: Role) -> Appearance {
        appearances[role] ?? .plain
    }

    /// The SGR parameters for a style, `;`-separated without the escape around them, for
    /// example `"1;38;5;33"`; empty for the terminal's default look.
    public func sgrParameters(for style: Style) -> String {
        let look = appearance(for: style.role)
        var parameters: [String] = []
        if look.bold || style.bold { parameters.append("1") }
        if look.dim { parameters.append("2") }
        if look.underline || style.underline { parameters.append("4") }
        if look.reverse || style.reverse { parameters.append("7") }
        var foreground = look.foreground
        var background = look.background
        if let shade = style.shade, colorCount > 0 {
            foreground = shade.color(shade.top, colorCount: colorCount)
            background = shade.bottom.map { shade.color($0, colorCount: colorCount) }
        }
        if let color = foreground, colorCount > 0 {
            parameters.append(colorCount > 8 ? "38;5;\(color)" : "\(30 + color % 8)")
        }
        if let color = background, colorCount > 0 {
            parameters.append(colorCount > 8 ? "48;5;\(color)" : "\(40 + color % 8)")
        }
        return parameters.joined(separator: ";")
    }

    /// Numbers from the xterm 256-colour cube, near the Okabe-Ito colour-blind-safe set.
    public static let color256 = Palette(
        colorCount: 256,
        appearances: [
            .dim: Appearance(foreground: 245),
            .title: Appearance(bold: true),
            .border: Appearance(foreground: 244),
            .keyBar: Appearance(reverse: true),
            .accent: Appearance(foreground: 175, bold: true),
            .positive: Appearance(foreground: 33),
            .negative: Appearance(foreground: 208),
            .zero: Appearance(foreground: 245),
            // Explicit black on a light background, so the window reads on any terminal theme.
            .window: Appearance(foreground: 16, background: 252),
            .current: Appearance(foreground: 16, background: 227, bold: true),
            .padding: Appearance(foreground: 243),
            .skipped: Appearance(foreground: 240, dim: true),
            // A light orange ground: the value was negative before ReLU made it zero.
            .zeroed: Appearance(foreground: 16, background: 216),
            .selection: Appearance(reverse: true),
            .error: Appearance(foreground: 166, bold: true),
            .sigmoidCurve: Appearance(foreground: 208, bold: true),
            .tanhCurve: Appearance(foreground: 220),
            .reluCurve: Appearance(foreground: 33, bold: true),
            .leakyReLUCurve: Appearance(foreground: 37),
        ])

    /// The eight ANSI colours; yellow is often drawn as brown or orange, which keeps the
    /// blue/orange pairing for signs.
    public static let color8 = Palette(
        colorCount: 8,
        appearances: [
            .dim: Appearance(dim: true),
            .title: Appearance(bold: true),
            .keyBar: Appearance(reverse: true),
            .accent: Appearance(foreground: 5, bold: true),
            .positive: Appearance(foreground: 4, bold: true),
            .negative: Appearance(foreground: 3, bold: true),
            .zero: Appearance(dim: true),
            .window: Appearance(foreground: 0, background: 7),
            .current: Appearance(foreground: 0, background: 3, bold: true),
            .padding: Appearance(dim: true),
            .skipped: Appearance(dim: true),
            .zeroed: Appearance(foreground: 3, underline: true),
            .selection: Appearance(reverse: true),
            .error: Appearance(foreground: 1, bold: true),
            .sigmoidCurve: Appearance(foreground: 3, bold: true),
            .tanhCurve: Appearance(foreground: 5),
            .reluCurve: Appearance(foreground: 4, bold: true),
            .leakyReLUCurve: Appearance(foreground: 6),
        ])

    /// Bold, underline and reverse only, for `NO_COLOR` and terminals without colour.
    public static let monochrome = Palette(
        colorCount: 0,
        appearances: [
            .title: Appearance(bold: true),
            .keyBar: Appearance(reverse: true),
            .accent: Appearance(bold: true),
            .negative: Appearance(underline: true),
            .window: Appearance(bold: true),
            .current: Appearance(bold: true, reverse: true),
            .zeroed: Appearance(bold: true, underline: true),
            .selection: Appearance(reverse: true),
            .error: Appearance(bold: true, underline: true),
        ])
}
