/// Pooling after the activation: each map shrinks by keeping one number per window, the
/// largest (max pooling) or the mean (average pooling).
///
/// There is no padding, and windows that would run past the edge are left out, as in
/// PyTorch's `nn.MaxPool2d(kernel_size=k, stride=s)` with its defaults. Each channel is
/// pooled on its own.
public struct Pooling: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case max
        case average
    }

    public var kind: Kind
    /// The window is `window` x `window` cells.
    public var window: Int
    public var stride: Int

    /// A window of 2 with stride equal to the window (the usual halving) unless told.
    public init(kind: Kind, window: Int = 2, stride: Int? = nil) {
        self.kind = kind
        self.window = window
        self.stride = stride ?? window
    }

    /// Cells along one axis: floor((n - window) / stride) + 1, or 0 when the window does not
    /// fit.
    public func outputSize(inputSize: Int) -> Int {
        guard window >= 1, stride >= 1, inputSize >= window else { return 0 }
        return (inputSize - window) / stride + 1
    }

    /// Pools every channel of `input`.
    ///
    /// - Throws: `PoolingError` for a window or stride below 1, or a window larger than the
    ///   input.
    /// - Complexity: O(channels x output cells x window²).
    public func apply(to input: Grid) throws -> PoolingTrace {
        guard window >= 1 else { throw PoolingError.windowBelowOne(window) }
        guard stride >= 1 else { throw PoolingError.strideBelowOne(stride) }
        guard window <= input.height, window <= input.width else {
            throw PoolingError.windowLargerThanInput(
                window: window, height: input.height, width: input.width)
        }
        let height = outputSize(inputSize: input.height)
        let width = outputSize(inputSize: input.width)
        var output = Grid(height: height, width: width, channels: input.channels)
        let trace = PoolingTrace(pooling: self, input: input, output: output)
        for channel in 0..<input.channels {
            for row in 0..<height {
                for column in 0..<width {
                    output[row, column, channel] = trace.window(
                        outRow: row, outColumn: column, channel: channel).result
                }
            }
        }
        return PoolingTrace(pooling: self, input: input, output: output)
    }
}

/// A pooling run over one input, kept so that every pooled cell can name its window.
public struct PoolingTrace: Sendable, Equatable {
    public let pooling: Pooling
    public let input: Grid
    public let output: Grid

    /// The window that made output cell (outRow, outColumn) of `channel`: trace back from a
    /// pooled cell to the activation map.
    public func window(outRow: Int, outColumn: Int, channel: Int) -> PoolingWindow {
        let top = outRow * pooling.stride
        let left = outColumn * pooling.stride
        let rows = top..<(top + pooling.window)
        let columns = left..<(left + pooling.window)
        var values: [Double] = []
        values.reserveCapacity(pooling.window * pooling.window)
        for row in rows {
            for column in columns { values.append(input[row, column, channel]) }
        }
        return PoolingWindow(kind: pooling.kind, channel: channel, rows: rows, columns: columns,
                             values: values)
    }
}

/// The input cells under one pooling window and what they give.
public struct PoolingWindow: Sendable, Equatable {
    public let kind: Pooling.Kind
    public let channel: Int
    public let rows: Range<Int>
    public let columns: Range<Int>
    /// The values in reading order (row by row).
    public let values: [Double]

    /// The pooled value: the largest, or the mean.
    public var result: Double {
        switch kind {
        case .max: return value(after: values.count)
        case .average: return value(after: values.count) / Double(max(1, values.count))
        }
    }

    /// What the first `count` values in reading order give so far: the running maximum or,
    /// for average pooling, the running sum (divided by the window size only when written).
    public func value(after count: Int) -> Double {
        let seen = values.prefix(count)
        switch kind {
        case .max: return seen.max() ?? -.infinity
        case .average: return seen.reduce(0, +)
        }
    }

    /// The cell max pooling keeps (the first largest in reading order); nil for average.
    public var chosen: (row: Int, column: Int)? {
        guard kind == .max, let largest = values.max(),
              let index = values.firstIndex(of: largest)
        else { return nil }
        return (rows.lowerBound + index / columns.count, columns.lowerBound + index % columns.count)
    }

    public func contains(row: Int, column: Int) -> Bool {
        rows.contains(row) && columns.contains(column)
    }
}

/// Why pooling cannot run, in words a student understands.
public enum PoolingError: Error, Equatable, Sendable, CustomStringConvertible {
    case windowBelowOne(Int)
    case strideBelowOne(Int)
    case windowLargerThanInput(window: Int, height: Int, width: Int)

    public var description: String {
        switch self {
        case .windowBelowOne(let window):
            return "the pooling window must be at least 1, not \(window)"
        case .strideBelowOne(let stride):
            return "the pooling stride must be at least 1, not \(stride)"
        case .windowLargerThanInput(let window, let height, let width):
            return "a \(window)x\(window) pooling window does not fit in a \(height)x\(width) map"
        }
    }
}
