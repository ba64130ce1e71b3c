import ConvModel

/// Turns a colour grid into one gray channel by luma, the weighting of ITU-R BT.601:
///
///     gray = 0.299 R + 0.587 G + 0.114 B
///
/// Green counts most because the eye is most sensitive to it. The weights sum to 1, so a
/// gray pixel (R = G = B) keeps its value and 0...255 stays 0...255.
public enum Luma {
    public static let red = 0.299
    public static let green = 0.587
    public static let blue = 0.114

    /// The luma of a three-channel grid; a one-channel grid is returned as it is.
    ///
    /// - Precondition: the grid has one or three channels.
    public static func gray(_ grid: Grid) -> Grid {
        guard grid.channels == 3 else {
            precondition(grid.channels == 1, "luma needs 1 or 3 channels")
            return grid
        }
        var result = Grid(height: grid.height, width: grid.width, channels: 1)
        for row in 0..<grid.height {
            for column in 0..<grid.width {
                result[row, column] = red * grid[row, column, 0] + green * grid[row, column, 1]
                    + blue * grid[row, column, 2]
            }
        }
        return result
    }
}
