import ConvModel
import Foundation
import ImageFormats
import LessonFormat

extension Command {
    /// `convlab compute`: one convolution layer from the command line, for quick answers.
    public static let compute = Command(
        name: "compute",
        summary: "compute a convolution layer from the command line",
        help: """
            Usage: convlab compute --input GRID|FILE --filter GRID|FILE|PRESET [--filter ...]
                                   [--bias B1,B2,...] [--stride S] [--padding N|same|valid]
                                   [--dilation D] [--activation none|relu|leaky-relu|sigmoid|tanh]
                                   [--flip] [--json] [--resize WxH] [--gray]

            GRID is written inline: rows separated by ';' or newlines, values by spaces or
            commas, channels by '|'. "1 2; 3 4 | 5 6; 7 8" is 2x2 with two channels. FILE is
            a whitespace grid file (blank lines between channels). PRESET is a 3x3 filter by
            name: identity, edge-vertical, edge-horizontal, sobel-x, sobel-y, laplacian,
            box-blur, gaussian-blur, sharpen, emboss (each input channel gets the pattern
            divided by the number of channels).

            --input also reads PNG (1- to 16-bit gray, RGB, palette; alpha is dropped) and
            PGM/PPM images (P2, P3, P5, P6), told by their first bytes: gray gives one
            channel, colour three, values 0 to 255 whatever the bit depth. --gray turns
            colour into one channel by luma, 0.299 R + 0.587 G + 0.114 B. --resize WxH
            shrinks the input to W columns and H rows by area averaging (each new cell is
            the mean of the area it covers, partly covered cells counted by fraction).

            Prints each output map as aligned text (before and after the activation when
            there is one), or with --json one object:
              {"shape": [filters, height, width], "preactivation": [...], "output": [...]}
            --flip flips each kernel first (true convolution rather than cross-correlation).

            """
    ) { arguments, context in
        Command.guarded {
            let scanner = try ArgumentScanner(
                arguments,
                valueFlags: ["--input", "--filter", "--bias", "--stride", "--padding",
                             "--dilation", "--activation", "--resize"],
                switchFlags: ["--json", "--flip", "--gray"])
            guard scanner.positional.isEmpty else {
                throw UsageError("compute takes no file arguments; unexpected "
                                 + "'\(scanner.positional[0])' (use --input)")
            }
            let layer: ConvLayer
            let input: Grid
            do {
                input = try ComputeOptions.input(from: scanner, context: context)
                layer = try ComputeOptions.layer(from: scanner, context: context,
                                                 inputChannels: input.channels)
            } catch let error as DataError {
                return .failure(error.description, status: ExitStatus.dataError)
            } catch let error as MissingFileError {
                return .failure(error.description, status: ExitStatus.noInput)
            }
            let trace: LayerTrace
            do {
                trace = try Convolution.apply(layer, to: input)
            } catch let error as ModelError {
                throw UsageError(error.description)
            }
            if scanner.has("--json") {
                return CommandResult(output: ComputeOutput.json(trace))
            }
            return CommandResult(output: ComputeOutput.text(trace))
        }
    }
}

/// The layer options shared by `compute` (and, later, the sandbox).
enum ComputeOptions {
    /// The `--input` grid or image, after `--gray` and `--resize`.
    static func input(from scanner: ArgumentScanner, context: CommandContext) throws -> Grid {
        guard let inputText = scanner.value("--input") else {
            throw UsageError("--input is required (a GRID such as \"1 2; 3 4\" or a file)")
        }
        var options = ImageOptions(gray: scanner.has("--gray"))
        if let text = scanner.value("--resize") {
            guard let size = ImageSize(text) else {
                throw UsageError.badValue("--resize", text, allowed: ImageSize.form)
            }
            options.resize = size
        }
        let grid = try GridArgument.read("--input", inputText,
                                         workingDirectory: context.workingDirectory)
        switch options.apply(to: grid) {
        case .success(let converted): return converted
        case .failure(let problem): throw UsageError("--gray: " + problem.message)
        }
    }

    /// `inputChannels` sizes a preset named by `--filter` (its 3x3 pattern on every channel,
    /// divided by the channel count).
    static func layer(from scanner: ArgumentScanner, context: CommandContext,
                      inputChannels: Int = 1) throws -> ConvLayer {
        let filterTexts = scanner.allValues("--filter")
        guard !filterTexts.isEmpty else {
            throw UsageError("--filter is required (a GRID such as \"-1 0 1; -1 0 1; -1 0 1\")")
        }
        var biases: [Double] = []
        if let text = scanner.value("--bias") {
            for part in text.split(separator: ",") {
                guard case .success(let value) = NumberText.parse(part.trimmingCharacters(
                    in: .whitespaces)[...])
                else {
                    throw UsageError.badValue("--bias", text,
                                              allowed: "finite numbers separated by commas")
                }
                biases.append(value)
            }
            guard biases.count == filterTexts.count else {
                throw UsageError("--bias: \(biases.count) value(s) given for "
                                 + "\(filterTexts.count) filter(s); give one per filter")
            }
        }
        var filters: [Filter] = []
        for (index, text) in filterTexts.enumerated() {
            if let preset = FilterPreset(name: text) {
                var filter = preset.filter(channels: inputChannels)
                filter.bias = biases.isEmpty ? 0 : biases[index]
                filters.append(filter)
                continue
            }
            let weights = try GridArgument.read("--filter", text,
                                                workingDirectory: context.workingDirectory)
            filters.append(Filter(name: "filter \(index + 1)", weights: weights,
                                  bias: biases.isEmpty ? 0 : biases[index]))
        }
        let stride = try scanner.integer("--stride", in: 1...1000) ?? 1
        let dilation = try scanner.integer("--dilation", in: 1...1000) ?? 1
        var padding = Padding.valid
        if let text = scanner.value("--padding") {
            switch text {
            case "same": padding = .same
            case "valid": padding = .valid
            default:
                guard let amount = Int(text), (0...1000).contains(amount) else {
                    throw UsageError.badValue("--padding", text,
                                              allowed: "a whole number from 0 to 1000, same, valid")
                }
                padding = .zeros(amount)
            }
        }
        var activation = Activation.identity
        if let text = scanner.value("--activation") {
            guard let parsed = Activation(name: text) else {
                throw UsageError.badValue("--activation", text,
                                          allowed: Activation.names.joined(separator: ", "))
            }
            activation = parsed
        }
        return ConvLayer(
            filters: filters,
            settings: ConvolutionSettings(stride: stride, padding: padding, dilation: dilation,
                                          flipsKernel: scanner.has("--flip")),
            activation: activation)
    }
}

/// How `compute` writes its answer.
enum ComputeOutput {
    static func text(_ trace: LayerTrace) -> String {
        let geometry = trace.geometry
        var text = "output: \(trace.output.channels) map(s) of \(geometry.outputHeight)x"
            + "\(geometry.outputWidth)"
        text += " (padding top \(geometry.paddingTop), bottom \(geometry.paddingBottom), "
            + "left \(geometry.paddingLeft), right \(geometry.paddingRight))\n"
        if !geometry.unreachedRows.isEmpty || !geometry.unreachedColumns.isEmpty {
            text += "input rows no window reaches: "
                + describe(geometry.unreachedRows) + "; columns: "
                + describe(geometry.unreachedColumns) + "\n"
        }
        let hasActivation = trace.layer.activation != .identity
        for (index, filter) in trace.layer.filters.enumerated() {
            text += "\n\(filter.name) (bias \(NumberFormat.format(filter.bias)))"
            if hasActivation {
                text += "\nbefore \(trace.layer.activation):\n"
                text += aligned(trace.preactivation.rows(channel: index))
                text += "after \(trace.layer.activation):\n"
            } else {
                text += ":\n"
            }
            text += aligned(trace.output.rows(channel: index))
        }
        return text
    }

    static func describe(_ indices: [Int]) -> String {
        indices.isEmpty ? "none" : indices.map { String($0 + 1) }.joined(separator: ", ")
    }

    /// Rows of numbers right-aligned in columns of one width.
    static func aligned(_ rows: [[Double]]) -> String {
        let cells = rows.map { $0.map { NumberFormat.format($0) } }
        let width = cells.joined().map(\.count).max() ?? 1
        return cells.map { row in
            "  " + row.map { String(repeating: " ", count: width - $0.count) + $0 }
                .joined(separator: " ")
        }.joined(separator: "\n") + "\n"
    }

    static func json(_ trace: LayerTrace) -> String {
        let geometry = trace.geometry
        func maps(_ grid: Grid) -> String {
            "[" + (0..<grid.channels).map { channel in
                "[" + grid.rows(channel: channel).map { row in
                    "[" + row.map(jsonNumber).joined(separator: ", ") + "]"
                }.joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "]"
        }
        return "{\"shape\": [\(trace.output.channels), \(geometry.outputHeight), "
            + "\(geometry.outputWidth)], \"preactivation\": \(maps(trace.preactivation)), "
            + "\"output\": \(maps(trace.output))}\n"
    }

    /// A JSON number: integers without a fraction, others in Swift's shortest exact form.
    static func jsonNumber(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
