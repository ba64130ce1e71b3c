/// Where a filter lands: how far it jumps (stride), the zero border (padding), and how far
/// apart its taps are (dilation).
public struct ConvolutionSettings: Sendable, Equatable {
    public var stride: Int
    public var padding: Padding
    public var dilation: Int
    /// When true, the kernel is flipped first: convolution as mathematicians define it,
    /// rather than the cross-correlation that deep-learning layers compute.
    public var flipsKernel: Bool

    public init(stride: Int = 1, padding: Padding = .valid, dilation: Int = 1,
                flipsKernel: Bool = false) {
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.flipsKernel = flipsKernel
    }
}

/// The geometry of one convolution along both axes: padding, output size, and which input
/// rows and columns no window ever touches.
public struct OutputGeometry: Sendable, Equatable {
    public let inputHeight: Int
    public let inputWidth: Int
    public let kernelHeight: Int
    public let kernelWidth: Int
    public let stride: Int
    public let dilation: Int
    public let paddingTop: Int
    public let paddingBottom: Int
    public let paddingLeft: Int
    public let paddingRight: Int
    public let outputHeight: Int
    public let outputWidth: Int

    /// Checks the settings and works out the output size with
    /// floor((n + pads - dilation * (k - 1) - 1) / stride) + 1.
    ///
    /// - Throws: `ModelError` for a stride or dilation of 0, negative padding, or a kernel
    ///   that does not fit in the padded input.
    public init(inputHeight: Int, inputWidth: Int, kernelHeight: Int, kernelWidth: Int,
                settings: ConvolutionSettings) throws {
        guard settings.stride >= 1 else { throw ModelError.zeroStride }
        guard settings.dilation >= 1 else { throw ModelError.zeroDilation }
        if case .zeros(let amount) = settings.padding, amount < 0 {
            throw ModelError.negativePadding(amount)
        }
        let vertical = settings.padding.amounts(
            inputSize: inputHeight, kernelSize: kernelHeight, stride: settings.stride,
            dilation: settings.dilation)
        let horizontal = settings.padding.amounts(
            inputSize: inputWidth, kernelSize: kernelWidth, stride: settings.stride,
            dilation: settings.dilation)
        let spanHeight = settings.dilation * (kernelHeight - 1) + 1
        let spanWidth = settings.dilation * (kernelWidth - 1) + 1
        let paddedHeight = inputHeight + vertical.before + vertical.after
        let paddedWidth = inputWidth + horizontal.before + horizontal.after
        guard spanHeight <= paddedHeight else {
            throw ModelError.kernelLargerThanInput(
                axis: "rows", span: spanHeight, paddedSize: paddedHeight)
        }
        guard spanWidth <= paddedWidth else {
            throw ModelError.kernelLargerThanInput(
                axis: "columns", span: spanWidth, paddedSize: paddedWidth)
        }
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.stride = settings.stride
        self.dilation = settings.dilation
        self.paddingTop = vertical.before
        self.paddingBottom = vertical.after
        self.paddingLeft = horizontal.before
        self.paddingRight = horizontal.after
        self.outputHeight = (paddedHeight - spanHeight) / settings.stride + 1
        self.outputWidth = (paddedWidth - spanWidth) / settings.stride + 1
    }

    /// The input cell (which may lie in the padding) under kernel tap (i, j) when the output
    /// cell is (outRow, outColumn).
    public func inputPosition(outRow: Int, outColumn: Int, kernelRow: Int, kernelColumn: Int)
        -> (row: Int, column: Int)
    {
        (outRow * stride - paddingTop + kernelRow * dilation,
         outColumn * stride - paddingLeft + kernelColumn * dilation)
    }

    /// Input rows that no kernel tap of any window reads.
    public var unreachedRows: [Int] {
        Self.unreached(size: inputHeight, outputs: outputHeight, kernel: kernelHeight,
                       before: paddingTop, stride: stride, dilation: dilation)
    }

    /// Input columns that no kernel tap of any window reads.
    public var unreachedColumns: [Int] {
        Self.unreached(size: inputWidth, outputs: outputWidth, kernel: kernelWidth,
                       before: paddingLeft, stride: stride, dilation: dilation)
    }

    private static func unreached(size: Int, outputs: Int, kernel: Int, before: Int, stride: Int,
                                  dilation: Int) -> [Int] {
        var reached = Array(repeating: false, count: size)
        for out in 0..<outputs {
            for tap in 0..<kernel {
                let index = out * stride - before + tap * dilation
                if index >= 0 && index < size { reached[index] = true }
            }
        }
        return reached.indices.filter { !reached[$0] }
    }
}
