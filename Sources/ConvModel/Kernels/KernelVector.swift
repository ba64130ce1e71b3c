/// A SIMD vector the activation kernels compute with: sixteen Floats or four Doubles.
///
/// Sixteen Floats rather than eight: each step then holds four independent SSE registers,
/// enough parallel work for the processor to hide the latency of the exponential's long
/// chain of multiplies and adds (sigmoid ran about 15 % faster here than with eight).
///
/// The formulas of the kernels are written once, generically, over this protocol; what
/// depends on the bit layout, and every lane comparison, lives in the two conformances.
/// Comparisons must be made on the concrete type: written in generic code they compile, even
/// after specialisation, to a branchy loop over the lanes that runs ten times slower.
protocol KernelVector: SIMD where Scalar: BinaryFloatingPoint {
    /// Lane by lane, `positive` where this vector's lane is greater than 0 and `otherwise`
    /// elsewhere, including where it is NaN.
    func ifPositive(_ positive: Self, else otherwise: Self) -> Self

    /// The lanes split for e^x and e^x - 1 (see `ExpSplit`; written in VectorExp.swift).
    func splitExp() -> ExpSplit<Self>

    /// Each lane with its sign bit cleared: |x|, with -0 becoming +0 and NaN staying NaN.
    var magnitudes: Self { get }

    /// Each lane's magnitude with the sign bit of the same lane of `other`.
    func withSigns(of other: Self) -> Self
}

extension SIMD16: KernelVector where Scalar == Float {
    @inline(__always)
    func ifPositive(_ positive: Self, else otherwise: Self) -> Self {
        otherwise.replacing(with: positive, where: self .> 0)
    }

    @inline(__always)
    var magnitudes: Self {
        unsafeBitCast(unsafeBitCast(self, to: SIMD16<UInt32>.self) & 0x7FFF_FFFF, to: Self.self)
    }

    @inline(__always)
    func withSigns(of other: Self) -> Self {
        let sign = unsafeBitCast(other, to: SIMD16<UInt32>.self) & 0x8000_0000
        return unsafeBitCast(
            unsafeBitCast(magnitudes, to: SIMD16<UInt32>.self) | sign, to: Self.self)
    }
}

extension SIMD4: KernelVector where Scalar == Double {
    @inline(__always)
    func ifPositive(_ positive: Self, else otherwise: Self) -> Self {
        otherwise.replacing(with: positive, where: self .> 0)
    }

    @inline(__always)
    var magnitudes: Self {
        let bits = unsafeBitCast(self, to: SIMD4<UInt64>.self) & 0x7FFF_FFFF_FFFF_FFFF
        return unsafeBitCast(bits, to: Self.self)
    }

    @inline(__always)
    func withSigns(of other: Self) -> Self {
        let sign = unsafeBitCast(other, to: SIMD4<UInt64>.self) & 0x8000_0000_0000_0000
        return unsafeBitCast(
            unsafeBitCast(magnitudes, to: SIMD4<UInt64>.self) | sign, to: Self.self)
    }
}
