// Leaky ReLU over whole arrays: x where x > 0, slope x elsewhere.
//
// Agrees element for element with `Activation.leakyReLU(slope:)`; NaN gives NaN.

/// Writes x for positive x and `slope` x otherwise, for every x in `input`.
///
/// - Parameters:
///   - input: the values x.
///   - slope: the factor for inputs that are not positive, usually small (0.01).
///   - output: receives the results; as long as `input`, and may be `input` itself.
/// - Complexity: O(n), memory-bound for arrays larger than the caches.
public func leakyReLUForward(
    _ input: UnsafeBufferPointer<Float>, slope: Float,
    into output: UnsafeMutableBufferPointer<Float>
) {
    mapVectors(input, input, into: output) { (x: SIMD16<Float>, _) in leakyVector(x, slope) }
}

/// The Double form of `leakyReLUForward`.
public func leakyReLUForward(
    _ input: UnsafeBufferPointer<Double>, slope: Double,
    into output: UnsafeMutableBufferPointer<Double>
) {
    mapVectors(input, input, into: output) { (x: SIMD4<Double>, _) in leakyVector(x, slope) }
}

@inline(__always)
private func leakyVector<V: KernelVector>(_ x: V, _ slope: V.Scalar) -> V {
    x.ifPositive(x, else: x * slope)
}
