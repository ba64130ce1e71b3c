import ConvModel
import Foundation
import ImageFormats
import Testing

/// One pixel's expected values, channel by channel.
struct Probe {
    let row: Int
    let column: Int
    let values: [Double]
    init(_ row: Int, _ column: Int, _ values: [Double]) {
        self.row = row
        self.column = column
        self.values = values
    }
}

/// The size, the sum of every value and a few pixels of a decoded grid.
struct Expected {
    let height: Int
    let width: Int
    let channels: Int
    let sum: Double
    let probes: [Probe]
}

/// The path of a file under Fixtures, found from this source file so no bundle is needed.
func fixture(_ name: String, filePath: String = #filePath) -> String {
    ((filePath as NSString).deletingLastPathComponent as NSString)
        .appendingPathComponent("Fixtures/" + name)
}

/// Checks size, sum and probes against values computed outside convlab.
func expectMatches(_ grid: Grid, _ expected: Expected, _ label: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(grid.height == expected.height, "\(label) height", sourceLocation: sourceLocation)
    #expect(grid.width == expected.width, "\(label) width", sourceLocation: sourceLocation)
    #expect(grid.channels == expected.channels, "\(label) channels",
            sourceLocation: sourceLocation)
    guard grid.height == expected.height, grid.width == expected.width,
          grid.channels == expected.channels
    else { return }
    let sum = grid.values.reduce(0, +)
    #expect(abs(sum - expected.sum) <= 1e-9 * max(1, abs(expected.sum)),
            "\(label) sum \(sum) != \(expected.sum)", sourceLocation: sourceLocation)
    for probe in expected.probes {
        for (channel, value) in probe.values.enumerated() {
            let found = grid[probe.row, probe.column, channel]
            #expect(abs(found - value) <= 1e-9,
                    "\(label) (\(probe.row),\(probe.column)) ch \(channel): \(found) != \(value)",
                    sourceLocation: sourceLocation)
        }
    }
}
