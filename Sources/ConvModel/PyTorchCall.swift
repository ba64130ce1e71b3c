import Foundation

/// The PyTorch layer that computes the same convolution, written out as a student would type
/// it, and the shape of what it returns for a batch of one.
///
///     nn.Conv2d(in_channels=1, out_channels=2, kernel_size=(3, 3), stride=1,
///               padding='valid', dilation=1)        output (1, 2, 6, 6)
///
/// Padding is written as PyTorch accepts it: `'valid'`, a number, or `'same'` when the
/// stride is 1. PyTorch refuses `padding='same'` with a stride above 1, so there the amounts
/// are written out; when they differ between the two sides of an axis (an odd total),
/// `nn.Conv2d` cannot express them and the input needs `F.pad` first, which `note` says.
public struct PyTorchCall: Sendable, Equatable {
    /// The `nn.Conv2d(...)` text.
    public let call: String
    /// (N, F, H_out, W_out) with N = 1.
    public let outputShape: [Int]
    /// What the call alone does not capture (asymmetric padding, a flipped kernel), or nil.
    public let note: String?

    /// - Throws: `ModelError` when the layer does not fit an input of this size.
    public init(layer: ConvLayer, inputChannels: Int, inputHeight: Int, inputWidth: Int) throws {
        let geometry = try layer.geometry(
            forInputHeight: inputHeight, width: inputWidth, channels: inputChannels)
        let settings = layer.settings
        var notes: [String] = []
        let padding: String
        switch settings.padding {
        case .valid:
            padding = "'valid'"
        case .zeros(let amount):
            padding = "\(amount)"
        case .same where settings.stride == 1:
            padding = "'same'"
        case .same:
            let symmetric = geometry.paddingTop == geometry.paddingBottom
                && geometry.paddingLeft == geometry.paddingRight
            if symmetric {
                padding = geometry.paddingTop == geometry.paddingLeft
                    ? "\(geometry.paddingTop)"
                    : "(\(geometry.paddingTop), \(geometry.paddingLeft))"
                notes.append("PyTorch refuses padding='same' with stride > 1")
            } else {
                padding = "0"
                notes.append("first F.pad(x, (\(geometry.paddingLeft), "
                             + "\(geometry.paddingRight), \(geometry.paddingTop), "
                             + "\(geometry.paddingBottom))): 'same' here is uneven and "
                             + "stride > 1")
            }
        }
        if settings.flipsKernel {
            notes.append("Conv2d does not flip: give it the flipped weights")
        }
        call = "nn.Conv2d(in_channels=\(inputChannels), out_channels=\(layer.filters.count), "
            + "kernel_size=(\(geometry.kernelHeight), \(geometry.kernelWidth)), "
            + "stride=\(settings.stride), padding=\(padding), dilation=\(settings.dilation))"
        outputShape = [1, layer.filters.count, geometry.outputHeight, geometry.outputWidth]
        note = notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// The layer for the input grid it sees.
    public init(layer: ConvLayer, input: Grid) throws {
        try self.init(layer: layer, inputChannels: input.channels, inputHeight: input.height,
                      inputWidth: input.width)
    }

    /// `(1, F, H, W)`.
    public var shapeText: String {
        "(" + outputShape.map(String.init).joined(separator: ", ") + ")"
    }

    /// The activation as a PyTorch module, or nil for none.
    public static func module(for activation: Activation) -> String? {
        switch activation {
        case .identity: return nil
        case .relu: return "nn.ReLU()"
        case .leakyReLU(let slope): return "nn.LeakyReLU(\(slope))"
        case .sigmoid: return "nn.Sigmoid()"
        case .tanh: return "nn.Tanh()"
        }
    }

    /// The pooling as a PyTorch module.
    public static func module(for pooling: Pooling) -> String {
        let name = pooling.kind == .max ? "nn.MaxPool2d" : "nn.AvgPool2d"
        return "\(name)(kernel_size=\(pooling.window), stride=\(pooling.stride))"
    }

    /// Replaces `{pytorch}` in lesson narrative with the call for `layer` (the lesson's first
    /// layer over its input) and `{pytorch-shape}` with its output shape. Text without the
    /// placeholders, or a layer that does not fit, is returned unchanged.
    public static func expandPlaceholders(in text: String, layer: ConvLayer, input: Grid)
        -> String
    {
        guard text.contains("{pytorch"),
              let line = try? PyTorchCall(layer: layer, input: input)
        else { return text }
        return text.replacingOccurrences(of: "{pytorch}", with: line.call)
            .replacingOccurrences(of: "{pytorch-shape}", with: line.shapeText)
    }
}
