/// The backward pass through a network of convolution layers: how much a small change in each
/// layer's input (and pre-activation) changes a scalar computed from the last layer's output.
///
/// By default that scalar is the sum of every value of the last layer's output, so the
/// gradient arriving from above is 1 at every cell. For each layer, from the last to the
/// first, the chain rule gives
///
/// - dL/dz = dL/dy x f'(z) at every cell, where y = f(z) is the activation of the
///   pre-activation z; then
/// - dL/dx[p] = the sum, over every filter, output cell and kernel tap that read input cell p,
///   of that tap's weight x dL/dz at that output cell.
///
/// Taps that land in the zero padding read no input and pass nothing back. The kernel used is
/// the one the forward pass applied (flipped when the layer flips kernels), and strides and
/// dilation come from the layer's `OutputGeometry`, so any layer `Convolution.apply` runs can
/// be differentiated here.
///
/// - Complexity: the same as the forward pass, O(filters x output cells x kernel cells x
///   channels) per layer.
public struct Backpropagation: Sendable, Equatable {
    /// dL/dx for every layer's input, index 0 nearest the input; each has its input's shape.
    public let inputGradients: [Grid]
    /// dL/dz for every layer's pre-activation, index 0 nearest the input.
    public let preactivationGradients: [Grid]

    /// Runs the backward pass.
    ///
    /// - Parameters:
    ///   - network: A forward pass, whose traces keep every pre-activation.
    ///   - outputGradient: dL/dy for the last layer's output; nil means all ones, the
    ///     gradient of the output's sum. Must have the output's shape.
    public init(network: Network, outputGradient: Grid? = nil) {
        var upstream = outputGradient ?? network.output.map { _ in 1 }
        precondition(
            upstream.height == network.output.height
                && upstream.width == network.output.width
                && upstream.channels == network.output.channels,
            "the output gradient must have the output's shape")
        var inputs: [Grid] = []
        var preactivations: [Grid] = []

        for trace in network.traces.reversed() {
            let step = Self.backward(through: trace, outputGradient: upstream)
            inputs.append(step.input)
            preactivations.append(step.preactivation)
            upstream = step.input
        }

        self.inputGradients = inputs.reversed()
        self.preactivationGradients = preactivations.reversed()
    }

    /// One layer's share of the chain rule: from dL/dy of its output to dL/dz and dL/dx.
    public static func backward(through trace: LayerTrace, outputGradient: Grid)
        -> (preactivation: Grid, input: Grid)
    {
        let activation = trace.layer.activation
        var preactivation = trace.preactivation
        for channel in 0..<preactivation.channels {
            for row in 0..<preactivation.height {
                for column in 0..<preactivation.width {
                    let z = trace.preactivation[row, column, channel]
                    preactivation[row, column, channel] =
                        outputGradient[row, column, channel] * activation.derivative(z)
                }
            }
        }

        let geometry = trace.geometry
        var input = Grid(
            height: trace.input.height, width: trace.input.width, channels: trace.input.channels)
        for (filterIndex, filter) in trace.appliedFilters.enumerated() {
            for outRow in 0..<geometry.outputHeight {
                for outColumn in 0..<geometry.outputWidth {
                    let incoming = preactivation[outRow, outColumn, filterIndex]
                    guard incoming != 0 else { continue }
                    scatter(incoming, through: filter, geometry, outRow, outColumn, into: &input)
                }
            }
        }
        return (preactivation, input)
    }

    /// Adds one output cell's gradient to every input cell its window read.
    private static func scatter(
        _ incoming: Double, through filter: Filter,
        _ geometry: OutputGeometry, _ outRow: Int, _ outColumn: Int,
        into input: inout Grid
    ) {
        for channel in 0..<filter.channels {
            for kernelRow in 0..<filter.height {
                for kernelColumn in 0..<filter.width {
                    let position = geometry.inputPosition(
                        outRow: outRow, outColumn: outColumn, kernelRow: kernelRow,
                        kernelColumn: kernelColumn)
                    guard position.row >= 0, position.row < input.height,
                        position.column >= 0, position.column < input.width
                    else { continue }
                    input[position.row, position.column, channel] +=
                        filter.weights[kernelRow, kernelColumn, channel] * incoming
                }
            }
        }
    }
}
