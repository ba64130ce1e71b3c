import Testing
@testable import ConvModel

@Suite struct PyTorchCallTests {
    func layer(filters: Int, channels: Int, kernel: (Int, Int), _ settings: ConvolutionSettings)
        -> ConvLayer
    {
        let weights = Grid(height: kernel.0, width: kernel.1, channels: channels)
        return ConvLayer(filters: (0..<filters).map { Filter(name: "f\($0)", weights: weights) },
                         settings: settings)
    }

    /// One case: the layer, its input, and the exact call text, shape and note expected.
    struct Case: Sendable, CustomStringConvertible {
        var filters = 1
        var channels = 1
        var kernel = (3, 3)
        var settings: ConvolutionSettings
        var size: (Int, Int)
        var call: String
        var shape: [Int]
        var note: String?

        var description: String { call }
    }

    static let prefix = "nn.Conv2d(in_channels=1, out_channels=1, kernel_size=(3, 3), "

    // Every expected shape is floor((n + pad_before + pad_after - d(k-1) - 1) / s) + 1, and
    // was checked in a throwaway script with torch 2.15: each call text built that
    // nn.Conv2d, which gave this shape (after F.pad where the note asks for it), and torch
    // refused padding='same' with stride 2.
    static let cases: [Case] = [
        Case(settings: ConvolutionSettings(), size: (8, 8),
             call: prefix + "stride=1, padding='valid', dilation=1)", shape: [1, 1, 6, 6]),
        Case(filters: 2, channels: 3, settings: ConvolutionSettings(stride: 2, padding: .zeros(1)),
             size: (7, 9),
             call: "nn.Conv2d(in_channels=3, out_channels=2, kernel_size=(3, 3), stride=2, "
                + "padding=1, dilation=1)",
             shape: [1, 2, 4, 5]),
        // PyTorch takes 'same' with stride 1 even for an even kernel (extra cell after).
        Case(kernel: (2, 2), settings: ConvolutionSettings(padding: .same), size: (5, 5),
             call: "nn.Conv2d(in_channels=1, out_channels=1, kernel_size=(2, 2), stride=1, "
                + "padding='same', dilation=1)",
             shape: [1, 1, 5, 5]),
        // Stride 2: 'same' is refused by PyTorch, so the even amounts are written out.
        Case(settings: ConvolutionSettings(stride: 2, padding: .same), size: (7, 7),
             call: prefix + "stride=2, padding=1, dilation=1)", shape: [1, 1, 4, 4],
             note: "PyTorch refuses padding='same' with stride > 1"),
        // 8 wide, stride 2: 4 outputs need 1 cell of padding in all, which goes after.
        Case(settings: ConvolutionSettings(stride: 2, padding: .same), size: (8, 8),
             call: prefix + "stride=2, padding=0, dilation=1)", shape: [1, 1, 4, 4],
             note: "first F.pad(x, (0, 1, 0, 1)): 'same' here is uneven and stride > 1"),
        // Rows need no padding, columns one on each side: a (rows, columns) pair.
        Case(kernel: (2, 3), settings: ConvolutionSettings(stride: 3, padding: .same),
             size: (6, 7),
             call: "nn.Conv2d(in_channels=1, out_channels=1, kernel_size=(2, 3), stride=3, "
                + "padding=(0, 1), dilation=1)",
             shape: [1, 1, 2, 3], note: "PyTorch refuses padding='same' with stride > 1"),
        Case(filters: 4, settings: ConvolutionSettings(dilation: 2, flipsKernel: true),
             size: (9, 9),
             call: "nn.Conv2d(in_channels=1, out_channels=4, kernel_size=(3, 3), stride=1, "
                + "padding='valid', dilation=2)",
             shape: [1, 4, 5, 5], note: "Conv2d does not flip: give it the flipped weights"),
    ]

    @Test(arguments: cases)
    func callTextShapeAndNote(_ expected: Case) throws {
        let line = try PyTorchCall(
            layer: layer(filters: expected.filters, channels: expected.channels,
                         kernel: expected.kernel, expected.settings),
            inputChannels: expected.channels, inputHeight: expected.size.0,
            inputWidth: expected.size.1)
        #expect(line.call == expected.call)
        #expect(line.outputShape == expected.shape)
        #expect(line.note == expected.note)
        #expect(line.shapeText == "(" + expected.shape.map(String.init).joined(separator: ", ")
                    + ")")
    }

    @Test func shapesAgreeWithTheConvolutionItself() throws {
        let input = Grid(height: 11, width: 6, channels: 2)
        for stride in 1...3 {
            for padding in [Padding.valid, .same, .zeros(2)] {
                let convLayer = layer(filters: 3, channels: 2, kernel: (3, 2),
                                      ConvolutionSettings(stride: stride, padding: padding))
                let trace = try Convolution.apply(convLayer, to: input)
                let call = try PyTorchCall(layer: convLayer, input: input)
                #expect(call.outputShape == [1, 3, trace.output.height, trace.output.width])
            }
        }
    }

    @Test func modulesAndPlaceholders() throws {
        #expect(PyTorchCall.module(for: .relu) == "nn.ReLU()")
        #expect(PyTorchCall.module(for: .leakyReLU(slope: 0.1)) == "nn.LeakyReLU(0.1)")
        #expect(PyTorchCall.module(for: .identity) == nil)
        #expect(PyTorchCall.module(for: Pooling(kind: .average, window: 3, stride: 2))
                    == "nn.AvgPool2d(kernel_size=3, stride=2)")
        let first = layer(filters: 2, channels: 1, kernel: (3, 3), ConvolutionSettings())
        let text = PyTorchCall.expandPlaceholders(
            in: "In PyTorch: {pytorch}, giving {pytorch-shape}.", layer: first,
            input: Grid(height: 5, width: 6))
        #expect(text == "In PyTorch: nn.Conv2d(in_channels=1, out_channels=2, "
                    + "kernel_size=(3, 3), stride=1, padding='valid', dilation=1), giving "
                    + "(1, 2, 3, 4).")
        #expect(PyTorchCall.expandPlaceholders(in: "no placeholder", layer: first,
                                               input: Grid(height: 1, width: 1))
                    == "no placeholder")
    }
}
