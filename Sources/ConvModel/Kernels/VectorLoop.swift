/// The loop every array kernel shares: whole SIMD vectors first, then the few leftover
/// elements padded with zeros into one more vector.
///
/// Backward kernels pass the forward input and the incoming gradient; one-input kernels
/// pass their input twice and ignore the second vector. Once inlined, both loads read the
/// same address with no store between them and the optimiser keeps one. (A separate
/// one-input wrapper around this function would hide the transform behind a second
/// closure, which the compiler then calls per vector instead of inlining.)
///
/// Running the tail through the same vector code, rather than a scalar copy of the formula,
/// keeps each element's result the same wherever it sits and leaves one version of each
/// formula to test. Loads and stores go through raw pointers: no bounds checks in the hot
/// loop, and no alignment needed.
///
/// `output` may be the very buffer an input points at (in-place use), since each vector is
/// read before it is written; partially overlapping buffers are not supported.
///
/// - Complexity: O(n) for n elements, with no allocation.
@inline(__always)
func mapVectors<V: SIMD>(
    _ first: UnsafeBufferPointer<V.Scalar>, _ second: UnsafeBufferPointer<V.Scalar>,
    into output: UnsafeMutableBufferPointer<V.Scalar>, _ transform: (V, V) -> V
) {
    precondition(
        first.count == output.count && second.count == output.count,
        "kernel inputs and output differ in length")
    guard let left = first.baseAddress, let right = second.baseAddress,
        let target = output.baseAddress
    else { return }

    let count = output.count
    let whole = count - count % V.scalarCount
    var index = 0
    while index < whole {
        let a = UnsafeRawPointer(left + index).loadUnaligned(as: V.self)
        let b = UnsafeRawPointer(right + index).loadUnaligned(as: V.self)
        UnsafeMutableRawPointer(target + index).storeBytes(of: transform(a, b), as: V.self)
        index += V.scalarCount
    }

    guard whole < count else { return }
    var paddedA = V()
    var paddedB = V()
    for lane in 0..<(count - whole) {
        paddedA[lane] = left[whole + lane]
        paddedB[lane] = right[whole + lane]
    }
    let result = transform(paddedA, paddedB)
    for lane in 0..<(count - whole) { target[whole + lane] = result[lane] }
}
