/// e^x and e^x - 1 for whole SIMD vectors, without a libm call per element.
///
/// Each lane is split as x = k ln2 + r with k a whole number and |r| <= ln2/2, so that
/// e^x = 2^k e^r. The power of two is built straight into the exponent bits; e^r - 1 comes
/// from its Taylor series, short enough on that interval to be exact to about an ulp. The
/// result is e^x = 2^k (1 + q) and e^x - 1 = 2^k q + (2^k - 1), with q = e^r - 1: keeping q
/// apart is what lets tanh near 0 avoid the cancellation of 1 - e^-2x.
///
/// Measured against glibc's double-precision exp (KernelTests; Benchmarks/README.md): the
/// Float version is within 1.03e-7 relative (under one ulp) for every finite Float whose
/// result is a normal float; results that overflow are +inf, results below the smallest
/// subnormal are 0, and NaN gives NaN. The Double version is within 2.3e-16 relative on four
/// million samples spread over its whole range.
struct ExpSplit<V: SIMD> where V.Scalar: BinaryFloatingPoint {
    /// e^r - 1 for the reduced argument r.
    var remainderMinusOne: V
    /// 2^k, kept as two factors 2^(k/2) and 2^(k - k/2) so that each stays a normal number
    /// even when 2^k alone would overflow or fall below the normal range.
    var lowerScale: V
    var upperScale: V

    /// e^x. Multiplying by the two factors one after the other makes overflow give +inf
    /// and a subnormal result round only once.
    @inline(__always)
    var exp: V { ((1 + remainderMinusOne) * lowerScale) * upperScale }

    /// e^x - 1; meant for x <= 0 (tanh's use), where 2^k - 1 is exact or rounds to -1.
    @inline(__always)
    var expMinusOne: V {
        let scale = lowerScale * upperScale
        return scale * remainderMinusOne + (scale - 1)
    }

    /// The split of x, given x already clamped to where the bit tricks hold, the constants
    /// of its precision, and the Taylor terms of e^r - 1 from the highest down to 1/4!.
    ///
    /// - Parameters:
    ///   - x: the clamped input.
    ///   - roundingShift: 1.5 x 2^p for a p-bit mantissa. Adding it pushes the fraction of
    ///     x log2(e) out of the mantissa, rounding to the nearest whole number without a
    ///     round instruction (absent from baseline x86-64); the low bits of the sum then
    ///     hold k.
    ///   - ln2High: ln 2 cut to a few significant bits, so that k times it is exact.
    ///   - ln2Low: ln 2 - ln2High.
    ///   - highTerms: given r, Horner's rule over the coefficients 1/n! down to 1/4!.
    ///   - bits: the integer vector type of the same width as V.
    ///   - exponentShift: where the exponent field starts (23 or 52).
    ///   - exponentBias: 127 or 1023.
    @inline(__always)
    init<Bits: SIMD>(
        clamped x: V, roundingShift: V.Scalar, ln2High: V.Scalar, ln2Low: V.Scalar,
        highTerms: (V) -> V, bits: Bits.Type, exponentShift: Bits.Scalar,
        exponentBias: Bits.Scalar
    ) where Bits.Scalar: FixedWidthInteger {
        let log2e: V.Scalar = 1.442_695_040_888_963_4
        let shifted = x * log2e + roundingShift
        let k = shifted - roundingShift
        let r = (x - k * ln2High) - k * ln2Low

        // The last three Taylor terms are the same in every precision: 1/3!, 1/2!, 1.
        var q = highTerms(r) * r + (1 / 6 as V.Scalar)
        q = q * r + 0.5
        remainderMinusOne = (q * r + 1) * r

        // k sits in the low bits of `shifted` above the shift's own bit pattern.
        let shiftBits = unsafeBitCast(V(repeating: roundingShift), to: Bits.self)
        let kBits = unsafeBitCast(shifted, to: Bits.self) &- shiftBits
        let half = kBits &>> 1
        lowerScale = unsafeBitCast((half &+ exponentBias) &<< exponentShift, to: V.self)
        upperScale = unsafeBitCast(
            (kBits &- half &+ exponentBias) &<< exponentShift, to: V.self)
    }
}

extension SIMD16 where Scalar == Float {
    /// Splits sixteen floats for `ExpSplit`; Taylor terms up to r^7/7!, of which the first left
    /// out is below 6e-9 on |r| <= ln2/2.
    @inline(__always)
    func splitExp() -> ExpSplit<Self> {
        // Past ±150 every result has overflowed or underflowed already; clamping keeps k
        // within what the exponent bits can hold. NaN fails both tests and stays NaN.
        var x = replacing(with: 150, where: self .> 150)
        x.replace(with: -150, where: x .< -150)
        return ExpSplit(
            clamped: x, roundingShift: 12_582_912, ln2High: 0.693_359_375,
            ln2Low: -2.121_944_4e-4,
            highTerms: { r in
                // Each coefficient is 1/n!, typed so that none is read as integer division.
                let q = r * (1.0 / 5040 as Float) + (1.0 / 720 as Float)
                return (q * r + (1.0 / 120 as Float)) * r + (1.0 / 24 as Float)
            },
            bits: SIMD16<Int32>.self, exponentShift: 23, exponentBias: 127)
    }
}

extension SIMD4 where Scalar == Double {
    /// Splits four doubles for `ExpSplit`; Taylor terms up to r^13/13!, of which the first
    /// left out is below 5e-18 on |r| <= ln2/2.
    @inline(__always)
    func splitExp() -> ExpSplit<Self> {
        // Doubles overflow past 709.8 and vanish below -745.2; ±1400 keeps each half of k
        // within the normal exponent range.
        var x = replacing(with: 1400, where: self .> 1400)
        x.replace(with: -1400, where: x .< -1400)
        // The high part of ln 2 has 32 significant bits, so k times it is exact.
        return ExpSplit(
            clamped: x, roundingShift: 6_755_399_441_055_744,
            ln2High: 6.931_471_803_691_238_164_90e-1, ln2Low: 1.908_214_929_270_587_700_02e-10,
            highTerms: { r in
                // Written out rather than looped over an array, which might allocate.
                var q = r * (1.0 / 6_227_020_800 as Double) + (1.0 / 479_001_600 as Double)
                q = q * r + (1.0 / 39_916_800 as Double)
                q = q * r + (1.0 / 3_628_800 as Double)
                q = q * r + (1.0 / 362_880 as Double)
                q = q * r + (1.0 / 40320 as Double)
                q = q * r + (1.0 / 5040 as Double)
                q = q * r + (1.0 / 720 as Double)
                q = q * r + (1.0 / 120 as Double)
                return q * r + (1.0 / 24 as Double)
            },
            bits: SIMD4<Int64>.self, exponentShift: 52, exponentBias: 1023)
    }
}
