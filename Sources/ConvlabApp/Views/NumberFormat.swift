import Foundation

/// How numbers are written on screen: short, exact where possible, never wider than asked.
///
/// Every Double has a defined text, whatever a lesson's arithmetic produced:
///
/// | value                              | text                                  |
/// |------------------------------------|---------------------------------------|
/// | whole, below 10^9 in size          | `12`, `-3`                            |
/// | other, below 10^9 in size          | at most two decimals: `0.25`, `-1.5`  |
/// | rounds to 0 at two decimals, or -0 | `0`                                   |
/// | 10^9 or larger in size             | short exponent form: `1.23e9`         |
/// | infinite (from overflowing sums)   | `inf`, `-inf`                         |
/// | NaN (infinity minus infinity)      | `NaN`                                 |
///
/// Given a width, a text that does not fit falls back to fewer decimals (`0.125` in 3
/// columns is `0.1`), then to the exponent form with fewer digits (`123456` in 5 columns is
/// `1.2e5`), and a cell too narrow even for that, or for `inf`, is filled with `#`, as
/// spreadsheets do. The result is never wider than `width`.
public enum NumberFormat {
    /// At this size and above, plain digits would run past any cell; exponents take over.
    static let largestPlain = 1e9

    /// `value` in at most `width` characters (none when `width` is 0 or less).
    public static func format(_ value: Double, width: Int = .max) -> String {
        let text = plain(value)
        if text.utf8.count <= width { return text }
        guard width > 0 else { return "" }
        if value.isFinite {
            // Fewer decimals first (123456.78 in 6 columns is 123457), then exponents.
            var shorter: [String] = []
            if abs(value) < largestPlain { shorter += [1, 0].map { fixed(value, decimals: $0) } }
            shorter += [2, 1, 0].map { exponentText(value, digits: $0) }
            if let fitting = shorter.first(where: { $0.utf8.count <= width }) { return fitting }
        }
        return String(repeating: "#", count: min(width, 8))
    }

    /// `value` with no width limit: the text of the table above.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        if abs(value) >= largestPlain { return exponentText(value, digits: 2) }
        return fixed(value, decimals: 2)
    }

    /// At most `decimals` decimals, trailing zeros dropped; for values below `largestPlain`,
    /// where scaling by 100 cannot overflow and Int64 holds the result.
    static func fixed(_ value: Double, decimals: Int) -> String {
        // Only 0, 1 and 2 decimals are asked for; a table spares `pow` on every number.
        let scale: Double
        switch decimals {
        case 0: scale = 1
        case 1: scale = 10
        case 2: scale = 100
        default: scale = pow(10, Double(decimals))
        }
        let scaled = (value * scale).rounded()
        if scaled == 0 { return "0" }
        if scaled.truncatingRemainder(dividingBy: scale) == 0 {
            return String(Int64(scaled / scale))
        }
        // The digits of the scaled whole number with a point put in: what "%.2f" prints for
        // scaled / scale, since that quotient lies far closer to the decimal than half of its
        // last place, without going through a format string.
        var digits = Array(String(abs(Int64(scaled))).utf8)
        if digits.count <= decimals {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"),
                                                    count: decimals + 1 - digits.count), at: 0)
        }
        digits.insert(UInt8(ascii: "."), at: digits.count - decimals)
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.last == UInt8(ascii: ".") { digits.removeLast() }
        if scaled < 0 { digits.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: digits, as: UTF8.self)
    }

    static func exponentText(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)e", value)
        // "1.20e+05" -> "1.2e5": drop the plus sign, leading exponent zeros and trailing zeros.
        guard let e = text.firstIndex(of: "e") else { return text }
        var mantissa = String(text[..<e])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        var exponent = String(text[text.index(after: e)...])
        let negative = exponent.hasPrefix("-")
        exponent = String(exponent.drop { $0 == "+" || $0 == "-" || $0 == "0" })
        if exponent.isEmpty { exponent = "0" }
        return mantissa + "e" + (negative ? "-" : "") + exponent
    }

    /// The width the widest of `values` needs.
    public static func width(of values: [Double]) -> Int {
        values.reduce(1) { max($0, plainWidth($1)) }
    }

    /// `plain(value).count`, counted without writing the text: layouts ask it of every value
    /// of every grid on screen, each frame.
    static func plainWidth(_ value: Double) -> Int {
        guard value.isFinite, abs(value) < largestPlain else { return plain(value).utf8.count }
        let hundredths = (value * 100).rounded()
        if hundredths == 0 { return 1 }
        // As `fixed` writes it: sign, whole part (at least "0"), then "." and the one or two
        // decimals left once trailing zeros are dropped.
        let magnitude = Int64(abs(hundredths))
        var whole = magnitude / 100
        var digits = 1
        while whole >= 10 {
            whole /= 10
            digits += 1
        }
        let cents = magnitude % 100
        let decimals = cents == 0 ? 0 : (cents % 10 == 0 ? 2 : 3)
        return (hundredths < 0 ? 1 : 0) + digits + decimals
    }
}
