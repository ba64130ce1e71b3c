// ReLU over whole arrays: the forward pass max(0, x) and its backward pass.
//
// These agree element for element with the scalar `relu(_:)` and `Activation.relu`,
// including NaN, which gives 0 there too (NaN > 0 is false). Each call walks the arrays
// once with SIMD vectors and allocates nothing; `output` may be `input` for in-place use.

/// Writes max(0, x) for every x in `input` to `output` (of the same length).
///
/// - Complexity: O(n), memory-bound for arrays larger than the caches.
public func reluForward(
    _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>
) {
    mapVectors(input, input, into: output) { (x: SIMD16<Float>, _) in reluVector(x) }
}

/// The Double form of `reluForward`, four lanes at a time.
public func reluForward(
    _ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>
) {
    mapVectors(input, input, into: output) { (x: SIMD4<Double>, _) in reluVector(x) }
}

/// Writes the gradient with respect to ReLU's input: `gradient` where the forward input was
/// positive, 0 elsewhere (grad x [x > 0]; at x = 0 the derivative is taken as 0).
///
/// A select rather than a multiply, so an infinite gradient where x <= 0 still gives 0.
///
/// - Parameters:
///   - input: the forward pass's input x.
///   - gradient: the loss's gradient with respect to ReLU's output, as long as `input`.
///   - output: receives the gradient with respect to x; may be `gradient` itself.
/// - Complexity: O(n).
public func reluBackward(
    input: UnsafeBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
    into output: UnsafeMutableBufferPointer<Float>
) {
    mapVectors(input, gradient, into: output) { (x: SIMD16<Float>, g) in reluGradientVector(x, g) }
}

/// The Double form of `reluBackward`.
public func reluBackward(
    input: UnsafeBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
    into output: UnsafeMutableBufferPointer<Double>
) {
    mapVectors(input, gradient, into: output) { (x: SIMD4<Double>, g) in reluGradientVector(x, g) }
}

@inline(__always)
private func reluVector<V: KernelVector>(_ x: V) -> V {
    // Keeping x only where it is positive sends NaN to 0, as the scalar relu does.
    x.ifPositive(x, else: .zero)
}

@inline(__always)
private func reluGradientVector<V: KernelVector>(_ x: V, _ gradient: V) -> V {
    x.ifPositive(gradient, else: .zero)
}
