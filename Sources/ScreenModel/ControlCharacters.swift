/// Visible stand-ins for characters that would act on a terminal instead of showing.
///
/// Lesson files, data files and file names come from anywhere. Written raw, an ESC starts an
/// escape sequence (colours, cursor moves, a window title through OSC, in some terminals a
/// clipboard write), BEL rings, CR and backspace overwrite what is already on the line. So
/// every piece of outside text reaches the terminal through `visible(_:)` or a `Screen` cell.
///
/// The scheme is one stand-in for all of them, `�` (REPLACEMENT CHARACTER, U+FFFD), the
/// mark readers already know for "a character that cannot be shown here". It replaces:
///
/// - the C0 controls U+0000...U+001F (ESC, BEL, backspace, CR, line feed inside a line...);
/// - DEL, U+007F;
/// - the C1 controls U+0080...U+009F (a terminal may read U+009B as CSI and U+009D as OSC);
/// - the bidirectional embeddings, overrides and isolates (U+202A...U+202E,
///   U+2066...U+2069), which can make a line read differently from the text behind it.
///
/// A tab is the one control that layout consumes: a screen cell shows it as a space, and
/// text for standard output keeps it, as it keeps line feeds. In an ASCII-only terminal the
/// adapter shows the stand-in, like every non-ASCII character, as `?`.
public enum ControlCharacters {
    /// Whether `scalar` would act on a terminal, or reorder the text around it, if written.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Embeddings and overrides (LRE...RLO) and isolates (LRI...PDI) can make a line read
        // differently from the bytes behind it, as in "Trojan Source" attacks.
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// What every control is shown as.
    public static let placeholder: Unicode.Scalar = "\u{FFFD}"

    /// The visible stand-in for `scalar`: the placeholder for a control, else `scalar`.
    public static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        isControl(scalar) ? placeholder : scalar
    }

    /// The character a screen cell shows for `character`: a tab becomes a space, a control
    /// the placeholder. A cluster with a control inside (Unicode never forms one, but "\r\n"
    /// is a single `Character`) shows as one placeholder.
    public static func cellCharacter(_ character: Character) -> Character {
        // Nearly every cell is plain ASCII: decide those without walking scalars. ("\r\n"
        // reports the ASCII value of its line feed, a control, so it still becomes one
        // placeholder.)
        if let ascii = character.asciiValue {
            if ascii == 0x09 { return " " }
            return ascii < 0x20 || ascii == 0x7F ? Character(placeholder) : character
        }
        guard character.unicodeScalars.contains(where: isControl) else { return character }
        return Character(placeholder)
    }

    /// `text` with every control replaced by its stand-in, except line feeds and tabs, which
    /// keep their layout meaning in text printed to standard output or error.
    ///
    ///     ControlCharacters.visible("a\u{1B}[2Jb\n")   // "a\u{FFFD}[2Jb\n"
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" })
        else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let kept = scalar == "\n" || scalar == "\t"
            result.append(kept ? scalar : visible(scalar))
        }
        return String(result)
    }

    /// `text` on one line: as `visible(_:)`, but line feeds and tabs are replaced too, for a
    /// file name or a title inside a message.
    public static func visibleLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { visible($0) }))
    }
}
