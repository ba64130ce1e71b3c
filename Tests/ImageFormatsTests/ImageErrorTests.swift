import Foundation
import ImageFormats
import Testing

/// Broken files give the named error, naming the file, and never crash.
@Suite struct ImageErrorTests {
    private func error(_ name: String) -> ImageError? {
        do {
            _ = try ImageFile.read(path: fixture("broken/" + name), name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("truncated.png", ImageError.Kind.truncated),
        ("truncated-signature.png", .truncated),
        ("no-iend.png", .truncated),
        ("truncated.pgm", .truncated),
        ("truncated-header.pgm", .truncated),
        ("bad-crc.png", .malformed),
        ("corrupt-idat.png", .malformed),
        ("above-maxval.pgm", .malformed),
        ("not-an-image.png", .badSignature),
        ("bitmap.pbm", .badSignature),
        ("zero-width.png", .zeroSize),
        ("zero-height.pgm", .zeroSize),
        ("huge.png", .tooLarge),
        ("huge.ppm", .tooLarge),
    ])
    func brokenFile(_ name: String, _ kind: ImageError.Kind) {
        let found = error(name)
        #expect(found?.kind == kind, "\(name): \(found?.description ?? "decoded")")
        #expect(found?.description.hasPrefix(name + ": ") == true)
        #expect(found?.file == name)
    }

    @Test func messagesSayWhatIsWrong() {
        #expect(error("truncated.png")?.problem == "the file ends early (truncated)")
        #expect(error("zero-width.png")?.problem == "the image is 0x10; it has no pixels")
        #expect(error("truncated.pgm")?.problem
                == "the file ends early (truncated) while reading the pixels")
        #expect(error("above-maxval.pgm")?.problem
                == "pixel (1,2) has value 11, above the maxval 10")
        #expect(error("huge.ppm")?.problem
                == "the image is 4000x3000 with 3 channel(s); convlab reads at most 4096 pixels "
                + "a side and 16 Mi values (scale it down first)")
        #expect(error("huge.png")?.problem.hasPrefix("the image is 5000x5000") == true)
        #expect(error("bitmap.pbm")?.problem.contains("P1 is not read") == true)
        #expect(error("bad-crc.png")?.problem == "bad PNG data: libpng says 'IDAT: CRC error'")
        #expect(error("corrupt-idat.png")?.problem.hasPrefix("bad PNG data: libpng says 'IDAT:")
                == true)
    }

    @Test func missingAndEmptyFiles() throws {
        #expect(throws: ImageError.self) { try ImageFile.read(path: fixture("nope.png")) }
        #expect(throws: ImageError(file: "e.pgm", kind: .truncated, problem: "the file is empty")) {
            try ImageFile.decode([], file: "e.pgm")
        }
    }

    /// Every prefix of a PNG and of a PGM is refused with an error, never a crash.
    @Test func everyTruncationIsAnError() throws {
        for name in ["camera-gray-2bit.png", "digit-3-maxval16.pgm"] {
            let whole = try ImageFile.read(path: fixture(name))
            #expect(whole.height > 0)
            let bytes = try [UInt8](contentsOf: fixture(name))
            for length in stride(from: 0, to: bytes.count, by: 7) {
                #expect(throws: ImageError.self, "\(name) cut at \(length)") {
                    try ImageFile.decode(Array(bytes[..<length]), file: name)
                }
            }
        }
    }
}

extension Array where Element == UInt8 {
    init(contentsOf path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImageError(file: path, kind: .unreadable, problem: "missing fixture")
        }
        self = [UInt8](handle.readDataToEndOfFile())
    }
}
