import Foundation

/// How numbers are written on screen: short, exact where possible, never wider than asked.
public enum NumberFormat {
    /// Integers as integers, other values with at most two decimals and no trailing zeros;
    /// -0 is written as 0. A value that still does not fit `width` falls back to a short
    /// exponent form (`1.2e5`); "#" fills a cell too narrow even for that.
    public static func format(_ value: Double, width: Int = .max) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        let plain = plainText(value)
        if plain.count <= width { return plain }
        for digits in [2, 1, 0] {
            let exponent = exponentText(value, digits: digits)
            if exponent.count <= width { return exponent }
        }
        return String(repeating: "#", count: max(0, min(width, 8)))
    }

    static func plainText(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        var text = String(format: "%.2f", rounded)
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
        values.reduce(1) { max($0, format($1).count) }
    }
}
