/// Reads one number as lessons and the command line write them.
///
/// Accepts integers, decimals, exponents and simple fractions (`1/16`), because weights such as
/// a blur's 1/9 read better that way. Rejects NaN and infinity (including 1e309, which
/// overflows), since no step of a lesson can show them sensibly.
public enum NumberText {
    public enum Failure: Error, Equatable {
        case notANumber
        case notFinite
    }

    public static func parse(_ token: Substring) -> Result<Double, Failure> {
        guard let slash = token.firstIndex(of: "/") else { return plain(token) }
        // One slash only: "1/2/3" has no single obvious reading, so it is refused.
        let numerator = plain(token[..<slash])
        let denominator = plain(token[token.index(after: slash)...])
        switch (numerator, denominator) {
        case (.failure(.notFinite), _), (_, .failure(.notFinite)):
            return .failure(.notFinite)
        case (.success(let top), .success(let bottom)) where bottom != 0:
            return finite(top / bottom)
        default:
            return .failure(.notANumber)
        }
    }

    /// A number without a slash, in plain decimal notation.
    private static func plain(_ token: Substring) -> Result<Double, Failure> {
        // Double(_:) accepts hex floats and such; keep to plain decimal notation. The check
        // runs on bytes: a data file of 8 MiB holds millions of tokens.
        let isPlain = token.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "+")
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e")
                || $0 == UInt8(ascii: "E")
        }
        guard isPlain, let value = Double(token) else {
            let lowered = token.lowercased()
            let namesInfinity = lowered.contains("nan") || lowered.contains("inf")
            return .failure(namesInfinity ? .notFinite : .notANumber)
        }
        return finite(value)
    }

    /// Refuses infinity (an overflowing exponent or quotient) and reads -0 as 0 so it never
    /// shows as "-0".
    private static func finite(_ value: Double) -> Result<Double, Failure> {
        guard value.isFinite else { return .failure(.notFinite) }
        return .success(value == 0 ? 0 : value)
    }

    /// A message for a token that failed.
    public static func message(for token: Substring, _ failure: Failure) -> String {
        switch failure {
        case .notANumber: return "'\(token)' is not a number"
        case .notFinite:
            return "'\(token)' is not a finite number (NaN and infinity are not allowed)"
        }
    }
}
