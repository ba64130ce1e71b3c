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
        if text.count <= width { return text }
        guard width > 0 else { return "" }
        if value.isFinite {
            // Fewer decimals first (123456.78 in 6 columns is 123457), then exponents.
            var shorter: [String] = []
            if abs(value) < largestPlain { shorter += [1, 0].map { fixed(value, decimals: $0) } }
            shorter += [2, 1, 0].map { exponentText(value, digits: $0) }
            if let fitting = shorter.first(where: { $0.count <= width }) { return fitting }
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
        let scale = pow(10, Double(decimals))
        let scaled = (value * scale).rounded()
        if scaled == 0 { return "0" }
        if scaled.truncatingRemainder(dividingBy: scale) == 0 {
            return String(Int64(scaled / scale))
        }
        var text = String(format: "%.\(decimals)f", scaled / scale)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
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
        values.reduce(1) { max($0, plain($1).count) }
    }
}
