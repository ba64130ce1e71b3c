import ConvModel
import Foundation
import Testing

@testable import ConvlabApp

@Suite struct GradientsCommandTests {
    /// Runs `convlab gradients ARGUMENTS` and parses its JSON.
    private func json(_ arguments: [String], workingDirectory: String = ".") throws
        -> [String: Any]
    {
        let result = Command.gradients.run(
            arguments + ["--json"], CommandContext(workingDirectory: workingDirectory))
        #expect(result.status == ExitStatus.success, "\(result.errorOutput)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        return try #require(object as? [String: Any])
    }

    private func lists(_ object: [String: Any], _ key: String) throws -> [String: [Double]] {
        let members = try #require(object[key] as? [String: Any])
        return members.compactMapValues { ($0 as? [NSNumber])?.map(\.doubleValue) }
    }

    /// Equal but for the last digit: the JSON holds each double's shortest exact form, but
    /// Foundation's JSON reader on Linux does not always round that text to the nearest double.
    private func close(_ a: [Double]?, _ b: [Double]?) -> Bool {
        guard let a, let b, a.count == b.count else { return false }
        return zip(a, b).allSatisfy { abs($0 - $1) <= 4 * Double.ulpOfOne * abs($1) }
    }

    @Test func jsonHasExactlyTheDocumentedShape() throws {
        let object = try json([])
        #expect(
            Set(object.keys) == [
                "layers", "seed", "mean_abs_grad", "dead_fraction",
                "sparsity",
            ])
        #expect(object["layers"] as? Int == 10)
        #expect(object["seed"] as? Int == 1)

        let gradients = try lists(object, "mean_abs_grad")
        #expect(Set(gradients.keys) == ["sigmoid", "tanh", "relu", "leaky-relu"])
        #expect(gradients.values.allSatisfy { $0.count == 10 })
        // The same figures as GradientReportTests' NumPy-checked ones.
        let sigmoid = try #require(gradients["sigmoid"])
        #expect(abs(sigmoid[0] / 1.060592950703463e-07 - 1) < 1e-9)
        #expect(sigmoid[0] * 100 < sigmoid[9])
        let relu = try #require(gradients["relu"])
        #expect(abs(relu[9] / 0.8750671647538917 - 1) < 1e-9)

        let dead = try #require(object["dead_fraction"] as? [String: Any])
        #expect(dead["sigmoid"] is NSNull && dead["tanh"] is NSNull)
        #expect(try lists(object, "dead_fraction")["relu"] == Array(repeating: 0, count: 10))
        let sparsity = try lists(object, "sparsity")
        #expect(sparsity["relu"]?.prefix(2) == [0.2734375, 0.63671875])
        #expect(sparsity["sigmoid"] == Array(repeating: 0, count: 10))
    }

    @Test func flagsChooseDepthSeedAndActivations() throws {
        let object = try json(["--layers", "3", "--seed=9", "--activations", "relu, tanh"])
        #expect(object["layers"] as? Int == 3)
        #expect(object["seed"] as? Int == 9)
        let gradients = try lists(object, "mean_abs_grad")
        #expect(Set(gradients.keys) == ["relu", "tanh"])
        let report = try GradientReport(layers: 3, seed: 9, activations: [.relu, .tanh])
        #expect(close(gradients["relu"], report.column(for: .relu)?.meanAbsGradient))
        #expect(close(gradients["tanh"], report.column(for: .tanh)?.meanAbsGradient))
        #expect(try lists(object, "dead_fraction").keys.sorted() == ["relu"])
    }

    @Test func inlineAndFileInputsAreRead() throws {
        let inline = try json([
            "--input", "0 1 0; 1 1 1; 0 1 0", "--layers", "2",
            "--activations", "leaky-relu:0.2",
        ])
        let grid = try Grid(rows: [[0, 1, 0], [1, 1, 1], [0, 1, 0]])
        let report = try GradientReport(
            input: grid, layers: 2, seed: 1, activations: [.leakyReLU(slope: 0.2)])
        #expect(
            close(
                try lists(inline, "mean_abs_grad")["leaky-relu:0.2"],
                report.columns[0].meanAbsGradient))

        let process = ProcessInfo.processInfo.processIdentifier
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("convlab-gradients-\(process)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "0 1 0\n1 1 1\n0 1 0\n".write(
            to: folder.appendingPathComponent("plus.txt"), atomically: true, encoding: .utf8)
        let fromFile = try json(
            [
                "--input", "plus.txt", "--layers", "2",
                "--activations", "leaky-relu:0.2",
            ],
            workingDirectory: folder.path)
        #expect(try lists(fromFile, "mean_abs_grad") == (try lists(inline, "mean_abs_grad")))
    }

    @Test func textShowsOneRowPerLayerAndTheBound() {
        let result = Command.gradients.run(
            ["--layers", "4", "--activations", "sigmoid,relu"],
            CommandContext())
        #expect(result.status == ExitStatus.success)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(
            result.output.contains(
                "weights: Xavier/Glorot uniform for sigmoid; He normal for relu\n"))
        guard
            let header = lines.firstIndex(where: {
                $0.hasPrefix("layer ") && $0.hasSuffix("0.25^n")
            })
        else {
            Issue.record("no header row with the bound column")
            return
        }
        // Layer 1's bound is 0.25^4, layer 4's is 0.25.
        #expect(lines[header + 1].hasPrefix("    1") && lines[header + 1].hasSuffix("3.91e-03"))
        #expect(lines[header + 4].hasPrefix("    4") && lines[header + 4].hasSuffix("2.50e-01"))
        #expect(result.output.contains("dead  zeros"))
    }

    @Test(arguments: [
        (["--layers", "40"], "--layers: '40' is not valid; expected a whole number from 2 to 30"),
        (["--layers", "1"], "--layers: '1' is not valid; expected a whole number from 2 to 30"),
        (["--seed", "-3"], "--seed: '-3' is not valid; expected a whole number from 0 to "),
        (["--activations", "softmax"], "--activations: 'softmax' is not valid; expected a "),
        (["--activations", "relu,relu"], "--activations: 'relu,relu' is not valid"),
        (["--input", "1 2; 3"], "--input: "),
        (["--input", "no-such-file.txt"], "--input: 'no-such-file.txt' is neither"),
        (["--depth", "3"], "unknown option '--depth'"),
        (["extra"], "unexpected 'extra'"),
    ])
    func badValuesExitSixtyFourNamingTheFlag(arguments: [String], message: String) {
        let result = Command.gradients.run(arguments, CommandContext())
        #expect(result.status == ExitStatus.usage)
        #expect(result.output.isEmpty)
        #expect(result.errorOutput.hasPrefix("convlab: "))
        #expect(result.errorOutput.contains(message), "\(result.errorOutput)")
    }

    @Test func allowedValuesAreListed() {
        let activations = Command.gradients.run(["--activations", "gelu"], CommandContext())
        #expect(activations.errorOutput.contains("none, relu, leaky-relu, sigmoid, tanh"))
        let big = Command.gradients.run(
            [
                "--input",
                "1 2 3 4 5 6 7 8"
                    + String(repeating: "; 1 2 3 4 5 6 7 8", count: 600),
            ], CommandContext())
        #expect(big.status == ExitStatus.usage)
        #expect(big.errorOutput.contains("at most 4096 values"))
    }

    @Test func overflowingValuesAreRefusedNotPrintedAsNaN() {
        let huge = [String](repeating: "1e308 1e308 1e308", count: 3).joined(separator: "; ")
        let result = Command.gradients.run(["--input", huge, "--json"], CommandContext())
        #expect(result.status == ExitStatus.dataError)
        #expect(result.output.isEmpty)
        #expect(result.errorOutput.contains("overflow"))
    }
}
