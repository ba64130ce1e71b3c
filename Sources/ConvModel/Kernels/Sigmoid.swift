// The logistic sigmoid 1 / (1 + e^-x) over whole arrays, forward and backward.
//
// Both start from e = e^-|x|, which lies in (0, 1] and so never overflows: the forward value
// is 1 / (1 + e) for x >= 0 and e / (1 + e) for x < 0, and the derivative
// sigmoid(x)(1 - sigmoid(x)) equals e / (1 + e)^2 on both sides. Hence sigmoid(-1000) is 0,
// sigmoid(1000) is 1, no finite input gives NaN, and NaN gives NaN. The derivative is capped
// at 0.25, its true maximum, which rounding could otherwise pass by an ulp.
//
// Accuracy against `ConvModel.sigmoid` in Double, checked over every finite Float wherever
// the result is a normal float: forward within 1.9e-7 relative, derivative within 3e-7
// (the documented bound is 1e-6). The Double kernels are within 6e-16. See `ExpSplit` for
// the exponential underneath.

/// Writes sigmoid(x) for every x in `input` to `output` (of the same length, may be `input`).
///
/// - Complexity: O(n), with no allocation and no libm call.
public func sigmoidForward(
    _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>
) {
    mapVectors(input, input, into: output) { (x: SIMD16<Float>, _) in sigmoidVector(x) }
}

/// The Double form of `sigmoidForward`.
public func sigmoidForward(
    _ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>
) {
    mapVectors(input, input, into: output) { (x: SIMD4<Double>, _) in sigmoidVector(x) }
}

/// Writes gradient x sigmoid'(x) for every forward input x: the gradient with respect to
/// the input, given the gradient with respect to sigmoid's output.
///
/// Takes the forward input rather than its output (as `sigmoidDerivative(_:)` does), which
/// keeps the derivative accurate for large |x|, where 1 - sigmoid(x) would round to 0.
///
/// - Parameters:
///   - input: the forward pass's input x.
///   - gradient: the gradient with respect to sigmoid's output, as long as `input`.
///   - output: receives the gradient with respect to x; may be either input buffer.
/// - Complexity: O(n).
public func sigmoidBackward(
    input: UnsafeBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
    into output: UnsafeMutableBufferPointer<Float>
) {
    mapVectors(input, gradient, into: output) { (x: SIMD16<Float>, g) in
        g * sigmoidSlopeVector(x)
    }
}

/// The Double form of `sigmoidBackward`.
public func sigmoidBackward(
    input: UnsafeBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
    into output: UnsafeMutableBufferPointer<Double>
) {
    mapVectors(input, gradient, into: output) { (x: SIMD4<Double>, g) in
        g * sigmoidSlopeVector(x)
    }
}

@inline(__always)
func sigmoidVector<V: KernelVector>(_ x: V) -> V {
    let e = (-x.magnitudes).splitExp().exp
    // NaN takes the second branch, and NaN / (1 + NaN) is NaN as wanted.
    return x.ifPositive(V(repeating: 1), else: e) / (1 + e)
}

@inline(__always)
func sigmoidSlopeVector<V: KernelVector>(_ x: V) -> V {
    let e = (-x.magnitudes).splitExp().exp
    let onePlusE = 1 + e
    let slope = e / (onePlusE * onePlusE)
    // Near x = 0 rounding can land one ulp above 0.25, the bound the lessons teach; cap it.
    return (slope - 0.25).ifPositive(V(repeating: 0.25), else: slope)
}
