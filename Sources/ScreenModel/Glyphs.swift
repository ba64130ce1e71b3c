/// The characters views draw with for lines, arrows and plots, chosen once per terminal.
///
/// A UTF-8 terminal gets box-drawing characters and Braille plots; anything else (a non-UTF-8
/// locale, `TERM=dumb`) gets plain ASCII, so the same view stays readable instead of turning
/// into mojibake. Views receive a `Glyphs` value rather than deciding this themselves.
public struct Glyphs: Sendable, Hashable {
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var horizontal: Character
    public var vertical: Character
    /// Where a horizontal divider meets the left and right sides of a box.
    public var teeLeft: Character
    public var teeRight: Character

    public var arrowUp: Character
    public var arrowDown: Character
    public var arrowLeft: Character
    public var arrowRight: Character
    /// Marks text cut short to fit; ASCII spends three columns on it.
    public var ellipsis: String

    /// Whether plots use Braille dots (2x4 per cell) or one ASCII mark per cell.
    public var usesBraille: Bool
    /// The ASCII plot mark for a cell with dots in its upper half.
    public var plotMark: Character
    /// The ASCII plot mark for a cell whose dots all sit in its lower half, which gives an
    /// ASCII plot twice the vertical resolution of a single mark.
    public var plotLowMark: Character

    public static let unicode = Glyphs(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        horizontal: "─", vertical: "│", teeLeft: "├", teeRight: "┤",
        arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→",
        ellipsis: "…", usesBraille: true, plotMark: "*", plotLowMark: ".")

    public static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        horizontal: "-", vertical: "|", teeLeft: "+", teeRight: "+",
        arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">",
        ellipsis: "...", usesBraille: false, plotMark: "*", plotLowMark: ".")

    /// The glyph set for a locale's character set name (`nl_langinfo(CODESET)`) and `TERM`.
    ///
    /// - Parameters:
    ///   - codeset: for example `"UTF-8"` or `"ANSI_X3.4-1968"`.
    ///   - term: the `TERM` variable, if set.
    public static func forTerminal(codeset: String, term: String?) -> Glyphs {
        let normalized = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
        if term == "dumb" || normalized != "UTF8" { return .ascii }
        return .unicode
    }
}
