/// The natural logarithm of a positive finite `x`, computed with nothing but IEEE addition,
/// multiplication and division, so it gives the same bits on every platform.
///
/// C libraries' `log` functions agree only to within an ulp or so, and seeded Gaussian weights
/// pass through a logarithm; a one-ulp difference would make the same seed give different
/// weights on another machine. Accuracy here is within a few ulps of the true value, plenty
/// for sampling.
///
/// Splits `x` into m x 2^e with m near 1, then sums the series
/// ln m = 2 (s + s^3/3 + s^5/5 + ...) with s = (m - 1) / (m + 1), |s| < 0.172.
///
/// - Returns: ln `x`; -infinity for 0 and NaN for negative or non-finite input.
/// - Complexity: O(1): a fixed number of series terms.
func portableLogarithm(_ x: Double) -> Double {
    guard x > 0 else { return x == 0 ? -.infinity : .nan }
    guard x.isFinite else { return .nan }

    var mantissa = x.significand
    var exponent = Double(x.exponent)
    // Centring m on 1 (in [0.707, 1.414)) keeps |s| small, so the series converges fast.
    if mantissa > 1.4142135623730951 {
        mantissa /= 2
        exponent += 1
    }

    let s = (mantissa - 1) / (mantissa + 1)
    let sSquared = s * s
    // s^2 < 0.0295, so 14 terms leave an error below 1e-20 relative; Horner's scheme from
    // the smallest term keeps the rounding low.
    var series = 0.0
    for term in stride(from: 27, through: 3, by: -2) {
        series = (series + 1 / Double(term)) * sSquared
    }
    let logMantissa = 2 * s * (1 + series)
    return exponent * naturalLogOfTwo + logMantissa
}

/// ln 2 rounded to the nearest double.
let naturalLogOfTwo = 0.6931471805599453
