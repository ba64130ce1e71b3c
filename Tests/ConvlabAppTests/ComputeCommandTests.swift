import Foundation
import Testing

@testable import ConvlabApp

/// `convlab compute`. The expected maps were worked by hand and cross-checked once with
/// NumPy/SciPy (`scipy.signal.correlate2d` on the zero-padded input, every stride-th cell;
/// `scipy.signal.correlate` for two channels), outside the test suite.
@Suite struct ComputeCommandTests {
    let input = "2 2 3 3 3; 0 1 3 0 3; 2 3 0 1 3; 3 3 2 1 2; 3 3 0 2 3"
    let filter = "2 0 1; 1 0 0; 0 1 1"

    private func compute(_ arguments: [String], in folder: String = ".") -> CommandResult {
        Command.compute.run(arguments, CommandContext(workingDirectory: folder))
    }

    /// The JSON answer, parsed, with its maps as nested arrays of doubles.
    private struct Answer {
        var shape: [Int]
        var preactivation: [[[Double]]]
        var output: [[[Double]]]
    }

    private func json(_ arguments: [String]) throws -> Answer {
        let result = compute(arguments + ["--json"])
        #expect(result.status == ExitStatus.success, "\(result.errorOutput)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["shape", "preactivation", "output"])
        func maps(_ key: String) throws -> [[[Double]]] {
            let value = try #require(object[key] as? [[[NSNumber]]])
            return value.map { $0.map { $0.map(\.doubleValue) } }
        }
        let shape = try #require(object["shape"] as? [NSNumber]).map(\.intValue)
        return Answer(
            shape: shape, preactivation: try maps("preactivation"),
            output: try maps("output"))
    }

    @Test func handCheckedPaddedStridedExample() throws {
        let answer = try json([
            "--input", input, "--filter", filter, "--padding", "1",
            "--stride", "2",
        ])
        #expect(answer.shape == [1, 3, 3])
        #expect(answer.output == [[[1, 5, 6], [7, 8, 3], [3, 10, 4]]])
        #expect(answer.preactivation == answer.output)
    }

    @Test func twoFiltersWithBiasesAndReLU() throws {
        let answer = try json([
            "--input", input, "--filter", filter, "--filter=-1 0 1; -1 0 1; -1 0 1",
            "--bias", "1, -4", "--activation", "relu",
        ])
        #expect(answer.shape == [2, 3, 3])
        #expect(
            answer.preactivation == [
                [[11, 10, 17], [11, 9, 13], [11, 13, 11]],
                [[-2, -6, -1], [-4, -9, -1], [-10, -9, 2]],
            ])
        #expect(
            answer.output == [
                [[11, 10, 17], [11, 9, 13], [11, 13, 11]],
                [[0, 0, 0], [0, 0, 0], [0, 0, 2]],
            ])
    }

    @Test func multiChannelInputWithBar() throws {
        let answer = try json([
            "--input", "1 2 0; 0 1 2; 2 0 1 | 1 0 1; 0 1 0; 1 0 1",
            "--filter", "1 0; 0 1 | 0 1; 1 0", "--bias", "1/2",
        ])
        #expect(answer.shape == [1, 2, 2])
        #expect(answer.output == [[[2.5, 6.5], [2.5, 2.5]]])
    }

    /// ceil(5 / 2) = 3 cells per side; the one cell of padding goes at the bottom and right.
    @Test func samePadding() throws {
        let answer = try json([
            "--input", input, "--filter", "1 1; 1 1", "--padding", "same",
            "--stride", "2",
        ])
        #expect(answer.shape == [1, 3, 3])
        #expect(answer.output == [[[5, 9, 6], [11, 4, 5], [6, 2, 3]]])
    }

    /// A 2x2 filter with dilation 2 reads the corners of each 3x3 patch.
    @Test func dilation() throws {
        let answer = try json(["--input", input, "--filter", "1 2; 3 4", "--dilation", "2"])
        #expect(answer.shape == [1, 3, 3])
        #expect(answer.output == [[[14, 21, 21], [23, 14, 23], [11, 22, 18]]])
    }

    @Test func sigmoidAgreesWithNumPy() throws {
        let answer = try json([
            "--input", input, "--filter", "1 -2; 0 1", "--bias", "-3",
            "--padding", "1", "--stride", "2", "--activation", "sigmoid",
        ])
        #expect(answer.preactivation == [[[-1, 0, 0], [-1, -8, -6], [-6, -4, -3]]])
        let numpy: [Double] = [
            0.2689414213699951, 0.5, 0.5, 0.2689414213699951, 0.0003353501304664781,
            0.0024726231566347743, 0.0024726231566347743, 0.01798620996209156,
            0.04742587317756678,
        ]
        let ours = answer.output.joined().joined()
        #expect(ours.count == numpy.count)
        for (mine, theirs) in zip(ours, numpy) {
            #expect(abs(mine - theirs) <= 1e-15, "\(mine) vs \(theirs)")
        }
    }

    @Test func inputAndFilterFromFiles() throws {
        let folder = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("convlab-compute-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "1 2 3\n4 5 6\n".write(
            toFile: folder + "/in.txt", atomically: true,
            encoding: .utf8)
        try "# a row of two\n1 -1\n".write(
            toFile: folder + "/f.txt", atomically: true,
            encoding: .utf8)
        let result = compute(["--input", "in.txt", "--filter", "f.txt", "--json"], in: folder)
        #expect(result.status == ExitStatus.success, "\(result.errorOutput)")
        #expect(
            result.output
                == "{\"shape\": [1, 2, 2], \"preactivation\": [[[-1, -1], [-1, -1]]], "
                + "\"output\": [[[-1, -1], [-1, -1]]]}\n")
    }

    @Test func textOutputWithoutActivation() {
        let result = compute(["--input", "1 2 3; 4 5 6", "--filter", "1 1"])
        #expect(result.status == ExitStatus.success)
        #expect(
            result.output == """
                output: 1 map(s) of 2x2 (padding top 0, bottom 0, left 0, right 0)

                filter 1 (bias 0):
                   3  5
                   9 11

                """)
    }

    @Test func textOutputShowsBothSidesOfTheActivation() {
        let result = compute([
            "--input", "1 -2; 3 -4", "--filter", "1", "--bias", "0.5",
            "--activation", "relu",
        ])
        #expect(result.status == ExitStatus.success)
        #expect(
            result.output == """
                output: 1 map(s) of 2x2 (padding top 0, bottom 0, left 0, right 0)

                filter 1 (bias 0.5)
                before relu:
                   1.5 -1.5
                   3.5 -3.5
                after relu:
                  1.5   0
                  3.5   0

                """)
    }

    @Test(arguments: [
        (["--stride", "0"], "--stride: '0' is not valid"),
        (["--padding", "wide"], "--padding: 'wide' is not valid"),
        (["--activation", "softmax"], "--activation: 'softmax' is not valid"),
        (["--dilation", "two"], "--dilation: 'two' is not valid"),
        (["--bias", "1,2"], "--bias: 2 value(s) given for 1 filter(s)"),
        (["--bias", "nan"], "--bias: 'nan' is not valid"),
        (["--frobnicate"], "unknown option '--frobnicate'"),
        (["--stride"], "--stride needs a value"),
        (["--json=yes"], "--json takes no value"),
    ])
    func usageErrorsExit64AndNameTheFlag(extra: [String], message: String) {
        let result = compute(["--input", "1 2; 3 4", "--filter", "1"] + extra)
        #expect(result.status == ExitStatus.usage)
        #expect(result.output == "")
        #expect(result.errorOutput.hasPrefix("convlab: " + message), "\(result.errorOutput)")
    }

    @Test func missingInputOrFilterExits64() {
        let noInput = compute(["--filter", "1"])
        #expect(noInput.status == ExitStatus.usage)
        #expect(noInput.errorOutput.hasPrefix("convlab: --input is required"))
        let noFilter = compute(["--input", "1 2"])
        #expect(noFilter.status == ExitStatus.usage)
        #expect(noFilter.errorOutput.hasPrefix("convlab: --filter is required"))
    }

    @Test func badGridNamesTheFlagAndColumn() {
        let result = compute(["--input", "1 2; 3 x", "--filter", "1"])
        #expect(result.status == ExitStatus.usage)
        #expect(result.errorOutput.hasPrefix("convlab: --input: column 8: 'x' is not a number"))
    }

    @Test func helpDescribesEveryOption() {
        let help = Command.compute.help
        #expect(help.hasPrefix("Usage: convlab compute --input GRID|FILE --filter GRID|FILE"))
        for option in [
            "--bias", "--stride", "--padding N|same|valid", "--dilation",
            "--activation none|relu|leaky-relu|sigmoid|tanh", "--json",
            "\"1 2; 3 4 | 5 6; 7 8\" is 2x2 with two channels",
            "{\"shape\": [filters, height, width]",
        ] {
            #expect(help.contains(option), "\(option)")
        }
    }
}
