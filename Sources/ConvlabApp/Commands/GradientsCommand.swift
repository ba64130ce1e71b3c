import ConvModel
import Foundation

extension Command {
    /// `convlab gradients`: how the gradient fades through deep stacks of convolution layers,
    /// one stack per activation, without the terminal UI.
    public static let gradients = Command(
        name: "gradients",
        summary: "compare gradient sizes through deep stacks of layers, per activation",
        help: """
            Usage: convlab gradients [--layers L] [--seed S] [--activations A,B,...]
                                     [--input GRID|FILE] [--json]

            Builds one stack of L convolution layers (4 filters of 3x3 each, stride 1, same
            padding, the activation after every layer) per activation, draws its weights from
            the seed (Xavier/Glorot uniform for sigmoid, tanh and none; He normal for relu and
            leaky-relu), runs the input forward, then backpropagates the sum of the last
            layer's outputs. For each layer (1 is nearest the input) it prints the mean
            |gradient| with respect to that layer's input, next to 0.25^n, the most that n
            sigmoid slopes can leave of a gradient. Then, per layer, the fraction of dead maps
            (relu family only: a map whose pre-activation is <= 0 at every position) and the
            sparsity (the fraction of outputs that are exactly 0).

              --layers L          stack depth, from 2 to 30 (default 10)
              --seed S            a whole number from 0 to 2^53 - 1 (default 1)
              --activations ...   comma-separated: none, relu, leaky-relu (leaky-relu:SLOPE),
                                  sigmoid, tanh (default sigmoid,tanh,relu,leaky-relu)
              --input GRID|FILE   the input; default an 8x8 grid drawn from the seed in [0, 1).
                                  GRID: rows split by ';', values by spaces or commas,
                                  channels by '|'. At most 4096 values.
              --json              one object instead of the tables:
                {"layers": L, "seed": S, "mean_abs_grad": {"sigmoid": [...], ...},
                 "dead_fraction": {...}, "sparsity": {...}}
                Every list has one number per layer, nearest the input first; dead_fraction is
                null for activations outside the relu family.

            """
    ) { arguments, context in
        Command.guarded {
            let options: GradientsOptions
            do {
                options = try GradientsOptions(arguments, context: context)
            } catch let error as DataError {
                return .failure(error.description, status: ExitStatus.dataError)
            }
            let report: GradientReport
            do {
                report = try GradientReport(
                    input: options.input, layers: options.layers, seed: options.seed,
                    activations: options.activations)
            } catch let error as ModelError {
                return .failure(
                    "\(error) (the values overflow; scale the input down)",
                    status: ExitStatus.dataError)
            }
            if options.json {
                return CommandResult(output: GradientsOutput.json(report))
            }
            return CommandResult(
                output: GradientsOutput.text(report, inputName: options.inputName))
        }
    }
}

/// The flags of `gradients`, checked.
struct GradientsOptions {
    /// JSON readers keep integers exact only up to 2^53, so larger seeds could not be read back
    /// from the --json output.
    static let seeds = 0...9_007_199_254_740_991
    /// Keeps one run well under a second: the work grows with the input's size.
    static let maximumInputValues = 4096

    var layers = DeepStack.defaultDepth
    var seed = GradientReport.defaultSeed
    var activations = GradientReport.defaultActivations
    var input: Grid?
    var inputName = ""
    var json = false

    init(_ arguments: [String], context: CommandContext) throws {
        let scanner = try ArgumentScanner(
            arguments, valueFlags: ["--layers", "--seed", "--activations", "--input"],
            switchFlags: ["--json"])
        guard scanner.positional.isEmpty else {
            throw UsageError(
                "gradients takes no file arguments; unexpected "
                    + "'\(scanner.positional[0])' (use --input)")
        }
        layers = try scanner.integer("--layers", in: DeepStack.allowedDepths) ?? layers
        seed = UInt64(try scanner.integer("--seed", in: Self.seeds) ?? Int(seed))
        if let text = scanner.value("--activations") {
            activations = try Self.activations(text)
        }
        json = scanner.has("--json")

        if let text = scanner.value("--input") {
            let grid = try GridArgument.read(
                "--input", text, workingDirectory: context.workingDirectory)
            guard grid.values.count <= Self.maximumInputValues else {
                throw UsageError(
                    "--input: a \(grid.height)x\(grid.width)x\(grid.channels) grid "
                        + "is too large; expected at most "
                        + "\(Self.maximumInputValues) values")
            }
            input = grid
            inputName =
                "\(grid.height)x\(grid.width) grid"
                + (grid.channels > 1 ? " with \(grid.channels) channels" : "")
        } else {
            let size = GradientReport.defaultInputSize
            inputName = "\(size)x\(size) grid drawn from the seed in [0, 1)"
        }
    }

    /// Parses `sigmoid,relu,...`; every name at most once, so each is one column and one key.
    static func activations(_ text: String) throws -> [Activation] {
        let allowed =
            "a comma-separated list of " + Activation.names.joined(separator: ", ")
            + " (leaky-relu:SLOPE sets the slope), each at most once"
        var parsed: [Activation] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let activation = Activation(name: name), !parsed.contains(activation) else {
                throw UsageError.badValue("--activations", text, allowed: allowed)
            }
            parsed.append(activation)
        }
        return parsed
    }
}

/// How `gradients` writes its report.
enum GradientsOutput {
    static func text(_ report: GradientReport, inputName: String) -> String {
        let names = report.activations.map(\.description)
        // Grouped by scheme, so the line stays short however many activations there are.
        var schemes: [(name: String, activations: [String])] = []
        for column in report.columns {
            let name = column.initialisation.name
            if let index = schemes.firstIndex(where: { $0.name == name }) {
                schemes[index].activations.append(column.activation.description)
            } else {
                schemes.append((name, [column.activation.description]))
            }
        }
        var text =
            "\(report.layers) layers of \(report.channels) filters 3x3 (same padding), "
            + "seed \(report.seed); input: \(inputName)\n"
        text +=
            "weights: "
            + schemes.map {
                $0.name + " for " + $0.activations.joined(separator: ", ")
            }.joined(separator: "; ") + "\n"
        text +=
            "layer 1 is nearest the input; 0.25^n is the most that sigmoid's slopes let "
            + "through the n layers\nfrom a layer's input to the output\n\n"

        text += "mean |gradient| of the sum of the outputs, with respect to each layer's input\n"
        let gradientWidth = max(10, names.map(\.count).max() ?? 0)
        text +=
            "layer" + names.map { pad($0, gradientWidth) }.joined()
            + pad("0.25^n", 10) + "\n"
        for layer in 0..<report.layers {
            text += pad("\(layer + 1)", 4)
            for column in report.columns {
                text += pad(scientific(column.meanAbsGradient[layer]), gradientWidth)
            }
            text += pad(scientific(report.sigmoidBound[layer]), 10) + "\n"
        }

        text +=
            "\ndead = fraction of maps never positive (relu family only), "
            + "zeros = fraction of outputs exactly 0\n"
        // Each activation gets a "dead zeros" pair of columns under its name.
        let pairWidth = max(12, names.map(\.count).max() ?? 0)
        text += "layer" + names.map { pad($0, pairWidth) }.joined() + "\n"
        text += "     " + names.map { _ in pad("dead  zeros", pairWidth) }.joined() + "\n"
        for layer in 0..<report.layers {
            text += pad("\(layer + 1)", 4)
            for column in report.columns {
                let dead = column.deadFraction.map { fraction($0[layer]) } ?? "-"
                let pair = pad(dead, 4) + pad(fraction(column.sparsity[layer]), 6)
                text += pad(pair.dropFirst(), pairWidth)
            }
            text += "\n"
        }
        return text
    }

    static func json(_ report: GradientReport) -> String {
        func object(_ lists: [[Double]?]) -> String {
            let members = zip(report.activations, lists).map { activation, list in
                let value = list.map { "[" + $0.map(number).joined(separator: ", ") + "]" }
                return "\"\(activation)\": " + (value ?? "null")
            }
            return "{" + members.joined(separator: ", ") + "}"
        }
        return "{\"layers\": \(report.layers), \"seed\": \(report.seed), "
            + "\"mean_abs_grad\": \(object(report.meanAbsGradient)), "
            + "\"dead_fraction\": \(object(report.deadFraction)), "
            + "\"sparsity\": \(object(report.sparsity))}\n"
    }

    /// Swift's shortest exact form, which is valid JSON for every finite double (the command
    /// refuses a report with any other).
    private static func number(_ value: Double) -> String {
        value == 0 ? "0" : "\(value)"
    }

    private static func scientific(_ value: Double) -> String {
        String(format: "%.2e", value)
    }

    private static func fraction(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// Right-aligns `text` in `width` columns after a space.
    private static func pad(_ text: some StringProtocol, _ width: Int) -> String {
        String(repeating: " ", count: max(1, width + 1 - text.count)) + text
    }
}
