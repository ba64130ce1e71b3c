import ConvlabApp
import Foundation
import Testing

/// `convlab compute --input IMAGE [--gray] [--resize WxH]` and its exit statuses.
@Suite struct ComputeImageTests {
    private func compute(_ arguments: [String]) -> CommandResult {
        Command.compute.run(arguments, CommandContext(workingDirectory: fixture("")))
    }

    /// Chelsea to gray, shrunk to 8x6, through a Sobel x filter. NumPy (luma, area average
    /// by repetition, then the 3x3 window sum) gives -98.47424 at (1,1) and 127.63564 at
    /// (4,6); the text shows two decimals.
    @Test func grayResizeAndFilter() {
        let result = compute(["--input", "chelsea-rgb-8bit.png", "--gray", "--resize", "8x6",
                              "--filter", "-1 0 1; -2 0 2; -1 0 1"])
        #expect(result.status == 0, "\(result.errorOutput)")
        let lines = result.output.split(separator: "\n")
        let header = "output: 1 map(s) of 4x6 (padding top 0, bottom 0, left 0, right 0)"
        #expect(lines.first.map(String.init) == header)
        #expect(lines.contains { $0.hasPrefix("   -98.47 ") })
        #expect(lines.last?.hasSuffix(" 127.64") == true)
    }

    @Test func statuses() {
        let truncated = compute(["--input", "broken/truncated.png", "--filter", "1"])
        #expect(truncated.status == 65)
        #expect(truncated.errorOutput
                == "convlab: broken/truncated.png: the file ends early (truncated)\n")
        let badSize = compute(["--input", "camera-64.png", "--resize", "64", "--filter", "1"])
        #expect(badSize.status == 64)
        #expect(badSize.errorOutput.hasPrefix("convlab: --resize: '64' is not valid; expected "
                                              + "WIDTHxHEIGHT"))
        let missing = compute(["--input", "nope.pgm", "--filter", "1"])
        #expect(missing.status == 66)
        let grayTwo = compute(["--input", "1 | 2", "--gray", "--filter", "1 | 1"])
        #expect(grayTwo.status == 64)
        #expect(grayTwo.errorOutput.contains("--gray: gray needs an input with 1 or 3 channels"))
    }

    /// A PGM renamed to .txt is still read as an image, by its signature.
    @Test func signatureNotExtension() throws {
        let folder = NSTemporaryDirectory() + "convlab-sig-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "P2 2 1 255 10 20\n".write(toFile: folder + "/tiny.txt", atomically: true,
                                        encoding: .utf8)
        let result = Command.compute.run(["--input", "tiny.txt", "--filter", "1", "--json"],
                                         CommandContext(workingDirectory: folder))
        #expect(result.output.contains("\"output\": [[[10, 20]]]"), "\(result.output)")
    }
}
