/// A height x width grid of numbers with one or more channels (H x W x C).
///
/// Values are stored channel-major (all of channel 0, then channel 1, ...) because every view
/// and every convolution walks one channel's rows at a time.
public struct Grid: Sendable, Equatable {
    public let height: Int
    public let width: Int
    public let channels: Int
    public private(set) var values: [Double]

    /// A grid of zeros.
    public init(height: Int, width: Int, channels: Int = 1) {
        precondition(height >= 0 && width >= 0 && channels >= 1, "grid size must be non-negative")
        self.height = height
        self.width = width
        self.channels = channels
        self.values = Array(repeating: 0, count: height * width * channels)
    }

    /// Builds a grid from rows, one list of rows per channel.
    ///
    /// - Throws: `ModelError.raggedRows` when a row's length differs from the first row's, or
    ///   `ModelError.channelShapeMismatch` when channels differ in size.
    public init(channels rowsPerChannel: [[[Double]]]) throws {
        guard let first = rowsPerChannel.first, let firstRow = first.first, !firstRow.isEmpty
        else { throw ModelError.emptyGrid }
        let height = first.count
        let width = firstRow.count
        var values: [Double] = []
        values.reserveCapacity(height * width * rowsPerChannel.count)
        for (channel, rows) in rowsPerChannel.enumerated() {
            guard rows.count == height else {
                throw ModelError.channelShapeMismatch(
                    channel: channel, expected: (height, width), found: (rows.count, rows[0].count))
            }
            for (rowIndex, row) in rows.enumerated() {
                guard row.count == width else {
                    throw ModelError.raggedRows(row: rowIndex, expected: width, found: row.count)
                }
                values.append(contentsOf: row)
            }
        }
        self.height = height
        self.width = width
        self.channels = rowsPerChannel.count
        self.values = values
    }

    /// A one-channel grid from rows.
    public init(rows: [[Double]]) throws {
        try self.init(channels: [rows])
    }

    public subscript(row: Int, column: Int, channel: Int = 0) -> Double {
        get { values[(channel * height + row) * width + column] }
        set { values[(channel * height + row) * width + column] = newValue }
    }

    /// The value at (row, column) of `channel`, or 0 outside the grid: how padding reads.
    public func paddedValue(row: Int, column: Int, channel: Int) -> Double {
        guard row >= 0, row < height, column >= 0, column < width else { return 0 }
        return self[row, column, channel]
    }

    /// One channel as rows, for printing and JSON.
    public func rows(channel: Int = 0) -> [[Double]] {
        (0..<height).map { row in (0..<width).map { self[row, $0, channel] } }
    }

    /// One channel as a grid of its own.
    public func channel(_ index: Int) -> Grid {
        var single = Grid(height: height, width: width, channels: 1)
        let size = height * width
        single.values = Array(values[(index * size)..<((index + 1) * size)])
        return single
    }

    /// Stacks one-channel (or multi-channel) grids of equal size along depth.
    public static func stacked(_ grids: [Grid]) -> Grid {
        guard let first = grids.first else { return Grid(height: 0, width: 0) }
        var result = Grid(height: first.height, width: first.width,
                          channels: grids.reduce(0) { $0 + $1.channels })
        result.values = grids.flatMap(\.values)
        return result
    }

    /// Applies `transform` to every value.
    public func map(_ transform: (Double) -> Double) -> Grid {
        var copy = self
        copy.values = values.map(transform)
        return copy
    }
}
