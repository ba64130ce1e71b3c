import ConvModel

/// Resizes a grid by area averaging: each output cell is the mean of the input area it
/// covers, with input cells that are only partly covered counted by the fraction covered.
///
/// Shrinking 64 columns to 24 makes each output column span 64/24 = 2.67 input columns, for
/// example input columns 0 and 1 whole and 2/3 of column 2. Because the weights are exact
/// fractions of cell area, any ratio works, not only whole ones, and a flat image stays
/// flat. Growing a grid repeats cells (each output cell lies inside one or two input cells).
///
/// - Complexity: O(H x W x C x (ratio + 1)), rows and columns done one after the other.
public enum AreaResize {
    public static func resize(_ grid: Grid, width: Int, height: Int) -> Grid {
        precondition(width > 0 && height > 0, "the target size must be positive")
        let rowWeights = weights(from: grid.height, to: height)
        let columnWeights = weights(from: grid.width, to: width)
        var result = Grid(height: height, width: width, channels: grid.channels)
        for channel in 0..<grid.channels {
            // Columns first, into a grid.height x width buffer, then rows.
            var narrowed = [Double](repeating: 0, count: grid.height * width)
            for row in 0..<grid.height {
                for column in 0..<width {
                    var sum = 0.0
                    for (source, weight) in columnWeights[column] {
                        sum += grid[row, source, channel] * weight
                    }
                    narrowed[row * width + column] = sum
                }
            }
            for row in 0..<height {
                for column in 0..<width {
                    var sum = 0.0
                    for (source, weight) in rowWeights[row] {
                        sum += narrowed[source * width + column] * weight
                    }
                    result[row, column, channel] = sum
                }
            }
        }
        return result
    }

    /// For each output index, the input indices it covers and their weights, summing to 1.
    ///
    /// Output cell `i` covers the input interval [i x n / m, (i + 1) x n / m). Working in
    /// units of 1/m of an input cell keeps the bounds whole numbers, so no rounding decides
    /// which cells are in.
    static func weights(from inputSize: Int, to outputSize: Int) -> [[(Int, Double)]] {
        (0..<outputSize).map { index in
            let start = index * inputSize
            let end = (index + 1) * inputSize
            var list: [(Int, Double)] = []
            var cell = start / outputSize
            while cell * outputSize < end {
                let overlap = min(end, (cell + 1) * outputSize) - max(start, cell * outputSize)
                if overlap > 0 { list.append((cell, Double(overlap) / Double(inputSize))) }
                cell += 1
            }
            return list
        }
    }
}
