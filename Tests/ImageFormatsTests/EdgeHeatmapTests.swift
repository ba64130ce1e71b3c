import ConvModel
import ImageFormats
import ScreenModel
import Testing

/// A Sobel x filter over the camera photograph, drawn as a heatmap, shows the photograph's
/// edges: cells on strong edges are dark ink, flat regions nearly empty.
@Suite struct EdgeHeatmapTests {
    /// Character cells (line, column) of the 62x62 map at one column per map column, two
    /// map rows per line. NumPy chose them from its own Sobel response: the edge cells have
    /// both rows above 0.65 of the largest |response| (721), the flat ones both below 0.03.
    let edges = [(10, 5), (6, 32), (11, 20), (9, 6), (5, 19), (28, 17)]
    let flat = [(0, 0), (0, 60), (1, 58), (2, 56), (4, 3), (5, 34), (6, 58)]

    @Test func edgesAreStrongerThanFlatRegions() throws {
        let camera = try ImageFile.read(path: fixture("camera-64.png"))
        let sobel = Filter(name: "sobel-x", weights: try Grid(rows: [[-1, 0, 1], [-2, 0, 2],
                                                                     [-1, 0, 1]]))
        let map = try Convolution.apply(ConvLayer(filters: [sobel]), to: camera).output
        #expect(map.height == 62 && map.width == 62)
        #expect(map.values.map(abs).max() == 721)

        let heatmap = Heatmap(height: 62, width: 62, values: map.values)
        var screen = Screen(width: 62, height: 31)
        heatmap.render(into: &screen, at: Rect(x: 0, y: 0, width: 62, height: 31),
                       unicode: true)
        for (line, column) in edges {
            let strength = screen[column, line].style.shade?.strength ?? 0
            #expect(strength >= 5, "edge (\(line),\(column)) strength \(strength)")
        }
        for (line, column) in flat {
            let strength = screen[column, line].style.shade?.strength ?? 9
            #expect(strength == 0, "flat (\(line),\(column)) strength \(strength)")
        }
        // In plain text the same cells read as ink and as blanks.
        let text = screen.plainText().split(separator: "\n", omittingEmptySubsequences: false)
        for (line, column) in edges {
            let character = Array(text[line].padding(toLength: 62, withPad: " ", startingAt: 0))[column]
            #expect("=+*#%@".contains(character), "edge (\(line),\(column)) '\(character)'")
        }
    }
}
