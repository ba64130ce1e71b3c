import Foundation

/// One character position on the screen.
///
/// A cell holds one Unicode scalar: every glyph the views draw (box drawing, Braille, half
/// blocks, arrows, letters) is a single scalar one column wide. A scalar is a plain number, so
/// copying, comparing and clearing cells costs no reference counting, which keeps a whole
/// frame cheap to draw (see `convlab bench --frames`).
public struct Cell: Sendable, Hashable {
    /// What the cell shows. `Screen` never stores a control character here (see
    /// `ControlCharacters`).
    public var scalar: Unicode.Scalar
    public var style: Style

    public init(scalar: Unicode.Scalar, style: Style = .normal) {
        self.scalar = scalar
        self.style = style
    }

    /// A cell showing `character`, reduced to one scalar as `Cell.scalar(for:)` describes.
    public init(_ character: Character = " ", style: Style = .normal) {
        self.init(scalar: Cell.scalar(for: character), style: style)
    }

    /// The shown scalar as a `Character`; setting a character stores `Cell.scalar(for:)`.
    public var character: Character {
        get { Character(scalar) }
        set { scalar = Cell.scalar(for: newValue) }
    }

    public static let blank = Cell()

    /// The one scalar a cell shows for `character`: a tab becomes a space, and a character
    /// holding a control (including "\r\n", a single `Character`) becomes one placeholder.
    ///
    /// A character made of several scalars (a letter and a combining accent) is first composed
    /// (NFC: "e\u{301}" becomes "é"); one with no single-scalar form keeps its first scalar, the
    /// base the rest attaches to, since a cell is one column and one scalar.
    public static func scalar(for character: Character) -> Unicode.Scalar {
        // One byte is one ASCII scalar, the common case, told without walking scalars.
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first { return cellScalar(Unicode.Scalar(byte)) }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return " " }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex {
            return cellScalar(first)
        }
        // "\r\n" is one character holding two controls: one placeholder.
        if scalars.contains(where: ControlCharacters.isControl) {
            return ControlCharacters.placeholder
        }
        let composed = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
        return composed.count == 1 ? cellScalar(composed[composed.startIndex]) : first
    }

    /// What a cell stores for `scalar`: a tab shows as a space, a control as the placeholder.
    @inline(__always)
    public static func cellScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value == 0x09 { return " " }
        return ControlCharacters.isControl(scalar) ? ControlCharacters.placeholder : scalar
    }
}
