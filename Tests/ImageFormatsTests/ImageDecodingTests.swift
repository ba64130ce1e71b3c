import ConvModel
import ImageFormats
import Testing

/// Every PNG and netpbm kind decodes to the size and values Pillow/NumPy give.
@Suite struct ImageDecodingTests {
    @Test(arguments: expectedFiles.keys.sorted())
    func decodesLikeTheReference(_ name: String) throws {
        let grid = try ImageFile.read(path: fixture(name), name: name)
        expectMatches(grid, expectedFiles[name]!, name)
    }

    @Test func everyKindHasAFixture() {
        let names = Set(expectedFiles.keys)
        for bits in [1, 2, 4, 8, 16] { #expect(names.contains("camera-gray-\(bits)bit.png")) }
        for name in ["coins-gray-alpha.png", "chelsea-rgb-8bit.png", "chelsea-rgba.png",
                     "chelsea-rgb-16bit.png", "chelsea-palette-8bit.png",
                     "chelsea-palette-4bit.png", "camera-plain.pgm", "camera-binary.pgm",
                     "camera-16bit.pgm", "chelsea-plain.ppm", "chelsea-binary.ppm"]
        {
            #expect(names.contains(name))
        }
    }

    /// The same pixels in every container give the same grid.
    @Test func pngAndNetpbmOfTheSamePixelsAgree() throws {
        let png = try ImageFile.read(path: fixture("camera-64.png"))
        for name in ["camera-gray-8bit.png", "camera-plain.pgm", "camera-binary.pgm"] {
            #expect(try ImageFile.read(path: fixture(name)) == png, "\(name)")
        }
        #expect(try ImageFile.read(path: fixture("camera-gray-16bit.png"))
                == ImageFile.read(path: fixture("camera-16bit.pgm")))
        #expect(try ImageFile.read(path: fixture("chelsea-plain.ppm"))
                == ImageFile.read(path: fixture("chelsea-rgb-8bit.png")))
    }

    /// 16-bit samples are scaled by 255/65535 exactly: 65535 -> 255, 257 -> 1, 0 -> 0.
    @Test func sixteenBitScaling() throws {
        let bytes: [UInt8] = Array("P5\n3 1\n65535\n".utf8) + [0xFF, 0xFF, 0x01, 0x01, 0, 0]
        let grid = try ImageFile.decode(bytes, file: "tiny.pgm")
        #expect(grid.values == [255, 1, 0])
    }

    /// Comments may sit anywhere in the header, even between the number and its newline.
    @Test func netpbmComments() throws {
        let text = "P2 # kind\n# a whole line\n2 # width\n 1\n#maxval\n4\n0 # first\n4\n"
        let grid = try ImageFile.decode(Array(text.utf8), file: "c.pgm")
        #expect(grid.height == 1 && grid.width == 2)
        #expect(grid.values == [0, 255])
    }

    /// A file named .png is read by its signature: a PGM saved as .png still decodes.
    @Test func signatureWinsOverExtension() throws {
        let grid = try ImageFile.decode(Array("P2 1 1 9 9".utf8), file: "odd.png")
        #expect(grid.values == [255])
        #expect(ImageFile.hasSignature(PNGDecoderSignature.bytes))
        #expect(!ImageFile.hasSignature(Array("1 2 3".utf8)))
    }
}

/// The PNG signature, written out here rather than taken from the decoder.
enum PNGDecoderSignature {
    static let bytes: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
}
