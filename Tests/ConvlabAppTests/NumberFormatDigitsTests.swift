import Testing

@testable import ConvlabApp

/// Decimals are written from the rounded whole number of hundredths (or tenths), not through
/// a format string, and widths are counted without writing the text at all.
@Suite struct NumberFormatDigitsTests {
    @Test(arguments: [
        (0.05, 2, "0.05"), (-0.05, 2, "-0.05"), (-0.5, 2, "-0.5"), (12.34, 2, "12.34"),
        (100.1, 2, "100.1"), (0.125, 2, "0.13"), (-0.125, 1, "-0.1"), (7.06, 2, "7.06"),
        (999_999.99, 2, "999999.99"), (-123_456.7, 1, "-123456.7"), (0.004, 2, "0"),
        (2.999, 2, "3"), (1.005, 1, "1"),
    ])
    func fixedWritesTheRoundedDigits(value: Double, decimals: Int, text: String) {
        #expect(NumberFormat.fixed(value, decimals: decimals) == text)
    }

    @Test func theCountedWidthIsTheWrittenWidth() {
        var values: [Double] = [
            0, -0.0, 0.004, -0.004, 0.005, 0.1, -0.1, 0.25, 9.995, -9.995, 10, 99.99, 100,
            123_456.78, -999_999_999, 999_999_999.994, 1e9, -1e9, 1e-300, .infinity, -.infinity,
            .nan,
        ]
        // Every hundredth from -20 to 20, and values between them.
        values += (-2000...2000).map { Double($0) / 100 }
        values += (-2000...2000).map { Double($0) / 100 + 0.004_9 }
        for value in values {
            #expect(NumberFormat.plainWidth(value) == NumberFormat.plain(value).count,
                    "\(value): '\(NumberFormat.plain(value))'")
        }
    }
}
