import ConvModel
import Foundation

extension Command {
    /// `convlab sandbox`: the interactive editor. Run through here (without a terminal, or
    /// from a test) it only checks the flags; `main` opens the editor when it has a terminal.
    public static let sandbox = Command(
        name: "sandbox",
        summary: "edit an input and layers and watch every map change (needs a terminal)",
        help: """
            Usage: convlab sandbox [--input GRID|FILE|IMAGE] [--filter GRID|FILE|PRESET ...]
                                   [--bias B1,B2,...] [--stride S] [--padding N|same|valid]
                                   [--dilation D] [--activation NAME] [--flip]
                                   [--resize WxH] [--gray]

            Opens an editor of one or more convolution layers. The flags are those of
            `convlab compute`; without any, a 6x6 square, an edge filter and ReLU. Without
            --filter, the filter is edge-vertical; without --input, the 6x6 square.

            Tab moves the keys between input, filter, map, pool and settings; arrows move;
            type a number and Enter to set a cell or weight; p picks a preset; s z d change
            stride, padding and dilation; a the activation; c flips the kernel; o pooling;
            n x add and remove filters, N X layers; w saves a lesson file; ? lists every key.

            """
    ) { arguments, _ in
        // The terminal check comes after the flags, so a mistake is reported either way.
        switch SandboxOptions.state(from: arguments, context: CommandContext()) {
        case .refused(let result): return result
        case .ready:
            return .failure("the sandbox needs a terminal (standard input and output must be "
                                + "a tty); to compute one layer as text, use: convlab compute",
                            status: ExitStatus.needsTerminal)
        }
    }
}

/// What `convlab sandbox`'s flags gave: a sandbox to open, or the failure to print.
public enum SandboxStart: Sendable {
    case ready(SandboxState)
    case refused(CommandResult)
}

/// Reads `convlab sandbox`'s flags into the sandbox it opens.
public enum SandboxOptions {
    /// The sandbox, or the failure to print: exit 64 for a wrong flag, 65 for bad data, 66
    /// for a missing file.
    public static func state(from arguments: [String], context: CommandContext) -> SandboxStart {
        do {
            return .ready(try build(arguments, context: context))
        } catch let error as UsageError {
            return .refused(.failure(error.message + "\n(see convlab sandbox --help)",
                                     status: ExitStatus.usage))
        } catch let error as MissingFileError {
            return .refused(.failure(error.description, status: ExitStatus.noInput))
        } catch {
            return .refused(.failure("\(error)", status: ExitStatus.dataError))
        }
    }

    /// The lesson-less start-up of the interactive app that the sandbox runs in.
    public static func interactiveOptions() -> InteractiveOptions {
        InteractiveOptions(lessons: [], openIndex: nil)
    }

    static func build(_ arguments: [String], context: CommandContext) throws -> SandboxState {
        let scanner = try ArgumentScanner(
            arguments,
            valueFlags: ["--input", "--filter", "--bias", "--stride", "--padding", "--dilation",
                         "--activation", "--resize"],
            switchFlags: ["--flip", "--gray"])
        guard scanner.positional.isEmpty else {
            throw UsageError("sandbox takes no file arguments; unexpected "
                             + "'\(scanner.positional[0])' (use --input)")
        }
        if arguments.isEmpty { return SandboxState.standard() }
        let standard = SandboxState.standard()
        let input = scanner.value("--input") == nil ? standard.input
            : try ComputeOptions.input(from: scanner, context: context)
        // Without --filter, the same flags with the standard edge filter added.
        let layerScanner = scanner.allValues("--filter").isEmpty
            ? try ArgumentScanner(
                arguments + ["--filter", FilterPreset.edgeVertical.rawValue],
                valueFlags: ["--input", "--filter", "--bias", "--stride", "--padding",
                             "--dilation", "--activation", "--resize"],
                switchFlags: ["--flip", "--gray"])
            : scanner
        let layer = try ComputeOptions.layer(from: layerScanner, context: context,
                                             inputChannels: input.channels)
        do {
            return try SandboxState(input: input, layers: [layer])
        } catch let error as NetworkError {
            throw UsageError(error.reason.description)
        }
    }
}
