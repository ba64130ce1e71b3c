import ConvModel
import ImageFormats
import Testing

/// Area resizing and luma against NumPy, and the WxH form.
@Suite struct ImageOptionsTests {
    @Test func resizeMatchesNumPy() throws {
        let camera = try ImageFile.read(path: fixture("camera-64.png"))
        expectMatches(AreaResize.resize(camera, width: 24, height: 20),
                      expectedDerived["camera-24x20"]!, "camera 24x20")
        expectMatches(AreaResize.resize(camera, width: 10, height: 7),
                      expectedDerived["camera-10x7"]!, "camera 10x7")
        let chelsea = try ImageFile.read(path: fixture("chelsea-rgb-8bit.png"))
        expectMatches(AreaResize.resize(chelsea, width: 16, height: 12),
                      expectedDerived["chelsea-rgb-16x12"]!, "chelsea 16x12")
    }

    @Test func grayMatchesTheFormula() throws {
        let chelsea = try ImageFile.read(path: fixture("chelsea-binary.ppm"))
        expectMatches(Luma.gray(chelsea), expectedDerived["chelsea-gray"]!, "gray")
        let options = ImageOptions(resize: ImageSize(width: 17, height: 13), gray: true)
        expectMatches(try options.apply(to: chelsea).get(),
                      expectedDerived["chelsea-gray-17x13"]!, "gray then 17x13")
        // Hand-worked: pure red, green and blue give exactly the three weights x 255.
        let primaries = try Grid(channels: [[[255, 0, 0]], [[0, 255, 0]], [[0, 0, 255]]])
        let gray = Luma.gray(primaries).values
        #expect(abs(gray[0] - 76.245) < 1e-12)
        #expect(abs(gray[1] - 149.685) < 1e-12)
        #expect(abs(gray[2] - 29.07) < 1e-12)
    }

    /// Hand-worked: 3 cells into 2 gives [a + b/2, b/2 + c] / 1.5, here [6/1.5, 12/1.5].
    @Test func fractionalCoverage() throws {
        let grid = try Grid(rows: [[3, 6, 9]])
        let resized = AreaResize.resize(grid, width: 2, height: 1).values
        #expect(abs(resized[0] - 4) < 1e-12 && abs(resized[1] - 8) < 1e-12)
        let flat = Grid(height: 7, width: 5).map { _ in 42 }
        #expect(AreaResize.resize(flat, width: 3, height: 4).values.allSatisfy {
            abs($0 - 42) < 1e-12
        })
    }

    @Test func sizeForm() {
        #expect(ImageSize("32x24") == ImageSize(width: 32, height: 24))
        #expect(ImageSize("8X8") == ImageSize(width: 8, height: 8))
        for bad in ["0x5", "5x0", "32", "x", "32x", "32x24x2", "-3x4", "4097x1", "a by b", "+3x4"] {
            #expect(ImageSize(bad) == nil, "\(bad)")
        }
    }

    @Test func grayNeedsOneOrThreeChannels() throws {
        let two = try Grid(channels: [[[1]], [[2]]])
        #expect(throws: ImageOptions.OptionProblem.self) {
            try ImageOptions(gray: true).apply(to: two).get()
        }
    }
}
