import Foundation
import Testing

@testable import ConvlabApp

/// Every Double gets a defined text that fits the cell it is drawn in, including the ones a
/// lesson's arithmetic can produce from finite input: infinity and NaN.
@Suite struct NumberFormatReliabilityTests {
    @Test(arguments: [
        (12.0, "12"), (-3.0, "-3"), (0.25, "0.25"), (-1.5, "-1.5"), (2.0 / 3.0, "0.67"),
        (99.999, "100"), (123_456.0, "123456"), (999_999_999.0, "999999999"),
        // Tiny values round to 0 at two decimals, and no 0 ever shows a sign.
        (1e-7, "0"), (-1e-7, "0"), (-0.0, "0"), (-0.004, "0"), (Double.leastNonzeroMagnitude, "0"),
        // From 10^9 on, plain digits would run past any cell.
        (1e9, "1e9"), (1_234_567_890.0, "1.23e9"), (-4.5e20, "-4.5e20"),
        (Double.greatestFiniteMagnitude, "1.8e308"),
        (1e308 * 10, "inf"), (-1e308 * 10, "-inf"), (Double.infinity - Double.infinity, "NaN"),
    ])
    func everyValueHasADefinedText(value: Double, text: String) {
        #expect(NumberFormat.format(value) == text)
        #expect(NumberFormat.plain(value) == text)
    }

    @Test(arguments: [
        (123_456.0, 5, "1.2e5"), (123_456.0, 4, "1e5"), (-123_456.0, 5, "-1e5"),
        (0.125, 3, "0.1"), (-0.125, 4, "-0.1"),
        (123_456.78, 6, "123457"), (123_456.0, 3, "1e5"), (123_456.0, 2, "##"), (Double.infinity, 2, "##"), (Double.nan, 1, "#"),
        (-Double.infinity, 4, "-inf"), (1e300, 12, "1e300"), (5.0, 0, ""), (5.0, -3, ""),
    ])
    func narrowCellsGetTheShortestFormThatFits(value: Double, width: Int, text: String) {
        #expect(NumberFormat.format(value, width: width) == text)
    }

    @Test func noValueIsEverWiderThanItsCell() {
        let values: [Double] = [
            0, -0.0, 1, -1, 0.5, 1 / 3, 9.995, -9.995, 123_456, -987_654_321, 1e15, -1e15,
            1.5e-3, 1e-300, 6.02e23, -1.7e308, .infinity, -.infinity, .nan,
            .greatestFiniteMagnitude, -.leastNormalMagnitude,
        ]
        for value in values {
            for width in 0...12 {
                let text = NumberFormat.format(value, width: width)
                #expect(text.count <= width, "\(value) in \(width): '\(text)'")
                #expect(!text.isEmpty || width == 0, "\(value) in \(width)")
            }
        }
    }

    @Test func aCellIsAsWideAsItsWidestValue() {
        #expect(NumberFormat.width(of: []) == 1)
        #expect(NumberFormat.width(of: [1, -0.0, -12]) == 3)
        #expect(NumberFormat.width(of: [1, .nan, 1e300]) == 5)
        #expect(NumberFormat.width(of: [-.infinity]) == 4)
    }

    /// A lesson whose finite input overflows: 10 x 1e308 is infinite and adding -10 x 1e308
    /// to it gives NaN. Every step renders, with the markers where the numbers were.
    @Test func overflowingArithmeticShowsMarkersAtEveryStep() throws {
        let folder = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("convlab-overflow-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("overflow.md")
        try "# Overflow\n\n```input\n1e308 1e308 -1e308\n```\n\n```filter big\n10 -10\n```\n"
            .write(toFile: path, atomically: true, encoding: .utf8)

        let result = Command.render.run([path, "--all", "--size", "80x24"], CommandContext())
        #expect(result.status == ExitStatus.success, "\(result.errorOutput)")
        let steps = result.output.components(separatedBy: "--- step ").dropFirst()
        #expect(steps.count == 10)
        // Cell (1,1): 10 x 1e308 = inf after the first product, inf - inf = NaN after the
        // second, and NaN is what the map keeps.
        let first = Array(steps)
        #expect(first[1].contains("sum so far inf"))
        #expect(first[2].contains("sum so far NaN"))
        #expect(first[4].contains(">NaN"))
        // Cell (1,2): 10 x 1e308 + (-10) x (-1e308) = inf + inf = inf.
        #expect(first[9].contains("= inf  written") || first[9].contains(" = inf"))
    }
}
