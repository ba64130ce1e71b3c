import Foundation
import Testing

@testable import ConvModel

/// The array kernels against the scalar reference (the `Activation` functions, computed in
/// Double), on sweeps and on the values that break naive code: -0, subnormals, huge
/// magnitudes, infinities and NaN.
@Suite struct KernelTests {
    /// A subnormal Float well above the smallest one.
    static let subnormal = Float.leastNormalMagnitude / 1024

    /// Values that every kernel must handle, both signs of each.
    static let edgeValues: [Float] = {
        let magnitudes: [Float] = [
            0, Float.leastNonzeroMagnitude, subnormal, Float.leastNormalMagnitude, 1e-20, 1e-8,
            1e-4, 0.5, 1, 2, 10, 50, 87.5, 88, 88.7, 89, 104, 150, 1000, 1e20,
            Float.greatestFiniteMagnitude, .infinity,
        ]
        return magnitudes.flatMap { [$0, -$0] } + [.nan]
    }()

    /// `count` points evenly spread over `range`, then every magnitude from 1e-30 to 1e30 in
    /// small geometric steps with both signs: together about `count` + 2800 values.
    static func sweep(_ range: ClosedRange<Float>, count: Int) -> [Float] {
        let span = range.upperBound - range.lowerBound
        let even = (0..<count).map { range.lowerBound + span * Float($0) / Float(count - 1) }
        let geometric = stride(from: -30.0, through: 30.0, by: 0.0432).flatMap { power in
            [Float(Foundation.pow(10, power)), -Float(Foundation.pow(10, power))]
        }
        return even + geometric
    }

    /// Runs a one-input Float kernel over `values`.
    static func run(
        _ values: [Float],
        _ kernel: (UnsafeBufferPointer<Float>, UnsafeMutableBufferPointer<Float>) -> Void
    ) -> [Float] {
        var output = [Float](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { kernel(input, $0) }
        }
        return output
    }

    /// The largest relative error of `results` against `reference`, over the values whose
    /// reference is a normal Float (below that, Float itself has fewer significant bits).
    static func maximumRelativeError(
        _ values: [Float], _ results: [Float], _ reference: (Double) -> Double
    ) -> (error: Double, at: Float) {
        var worst = (error: 0.0, at: Float.nan)
        for (x, result) in zip(values, results) {
            let expected = reference(Double(x))
            guard abs(expected) >= Double(Float.leastNormalMagnitude),
                abs(expected) <= Double(Float.greatestFiniteMagnitude)
            else { continue }
            let error = abs(Double(result) - expected) / abs(expected)
            if !(error <= worst.error) { worst = (error, x) }
        }
        return worst
    }

    static func sameOrBothNaN(_ a: Float, _ b: Float) -> Bool { a == b || (a.isNaN && b.isNaN) }

    @Test func reluForwardMatchesTheScalarReluExactly() {
        let values = Self.edgeValues + Self.sweep(-5...5, count: 1001)
        let results = Self.run(values) { reluForward($0, into: $1) }
        for (x, result) in zip(values, results) {
            // NaN > 0 is false, so the scalar relu, and the kernel, give 0.
            #expect(result == Float(relu(Double(x))), "relu(\(x))")
            #expect(result.sign == .plus, "relu(\(x)) has no negative zero")
        }
    }

    @Test func reluBackwardPassesTheGradientOnlyWherePositive() {
        let inputs: [Float] = [-2, -0.0, 0, Self.subnormal, 3, .nan, -.infinity, .infinity, 5]
        let gradients: [Float] = [7, 7, 7, 7, 7, 7, .infinity, 2, .nan]
        var output = [Float](repeating: -1, count: inputs.count)
        inputs.withUnsafeBufferPointer { x in
            gradients.withUnsafeBufferPointer { g in
                output.withUnsafeMutableBufferPointer {
                    reluBackward(input: x, gradient: g, into: $0)
                }
            }
        }
        // An infinite gradient where x <= 0 still gives 0: a select, not a multiply.
        let expected: [Float] = [0, 0, 0, 7, 7, 0, 0, 2, .nan]
        #expect(zip(output, expected).allSatisfy(Self.sameOrBothNaN), "\(output)")
    }

    @Test func leakyReLUMatchesTheActivation() {
        let values = Self.edgeValues + Self.sweep(-5...5, count: 1001)
        let slope: Float = 0.1
        let results = Self.run(values) { leakyReLUForward($0, slope: slope, into: $1) }
        for (x, result) in zip(values, results) {
            let expected = x > 0 ? x : slope * x
            #expect(Self.sameOrBothNaN(result, expected), "leaky(\(x))")
        }
    }

    @Test func vectorExpIsWithinItsDocumentedBound() {
        let values = Self.sweep(-103...88.7, count: 100_000)
        let lanes = SIMD16<Float>.scalarCount
        var results: [Float] = []
        for start in stride(from: 0, to: values.count, by: lanes) {
            var vector = SIMD16<Float>()
            for lane in 0..<min(lanes, values.count - start) { vector[lane] = values[start + lane] }
            let exponential = vector.splitExp().exp
            results += (0..<min(lanes, values.count - start)).map { exponential[$0] }
        }
        let worst = Self.maximumRelativeError(values, results) { Foundation.exp($0) }
        // Measured over every finite Float: 1.03e-7 (under one ulp); see Benchmarks/README.md.
        #expect(worst.error < 1.2e-7, "exp error \(worst.error) at \(worst.at)")

        let edges: [Float] = [89, 1000, .infinity, -104, -1000, -.infinity, .nan, -0.0]
        var edgeVector = SIMD16<Float>()
        for (lane, x) in edges.enumerated() { edgeVector[lane] = x }
        let exponential = edgeVector.splitExp().exp
        #expect(exponential[0] == .infinity && exponential[1] == .infinity)
        #expect(exponential[2] == .infinity)
        #expect(exponential[3] == 0 && exponential[4] == 0 && exponential[5] == 0)
        #expect(exponential[6].isNaN && exponential[7] == 1)
    }

    @Test func sigmoidForwardIsWithinItsDocumentedBound() {
        let values = Self.edgeValues + Self.sweep(-88...88, count: 200_000)
        let results = Self.run(values) { sigmoidForward($0, into: $1) }
        let worst = Self.maximumRelativeError(values, results, sigmoid)
        // Documented as 1e-6; measured over every finite Float: 1.9e-7.
        #expect(worst.error < 2.5e-7, "sigmoid error \(worst.error) at \(worst.at)")
        for (x, result) in zip(values, results) where !x.isNaN {
            #expect(!result.isNaN && result >= 0 && result <= 1, "sigmoid(\(x)) = \(result)")
        }
    }

    @Test func sigmoidSaturatesAndKeepsNaN() {
        let values: [Float] = [
            -1000, 1000, -.infinity, .infinity, .nan, -0.0, 0, Self.subnormal, -200,
        ]
        let results = Self.run(values) { sigmoidForward($0, into: $1) }
        #expect(results[0] == 0 && results[1] == 1)
        #expect(results[2] == 0 && results[3] == 1)
        #expect(results[4].isNaN)
        #expect(results[5] == 0.5 && results[6] == 0.5 && results[7] == 0.5)
        #expect(results[8] == 0)
        // Where the true value is subnormal it is still approached, not cut to 0.
        let subnormal = Self.run([-95]) { sigmoidForward($0, into: $1) }[0]
        #expect(subnormal > 0 && abs(Double(subnormal) / sigmoid(-95) - 1) < 1e-3)
    }

    @Test func sigmoidBackwardIsTheGradientTimesTheSlope() {
        let values = Self.edgeValues + Self.sweep(-88...88, count: 100_000)
        let gradient = [Float](repeating: 1, count: values.count)
        var results = [Float](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { x in
            gradient.withUnsafeBufferPointer { g in
                results.withUnsafeMutableBufferPointer {
                    sigmoidBackward(input: x, gradient: g, into: $0)
                }
            }
        }
        let worst = Self.maximumRelativeError(values, results) { x in
            // e / (1 + e)^2 stays exact in Double where s (1 - s) would cancel.
            let e = Foundation.exp(-abs(x))
            return e / ((1 + e) * (1 + e))
        }
        #expect(worst.error < 4e-7, "sigmoid' error \(worst.error) at \(worst.at)")
        #expect(results[Self.edgeValues.count - 1].isNaN)
        for (x, result) in zip(values, results) where !x.isNaN {
            #expect(!result.isNaN && result <= 0.25, "sigmoid'(\(x)) = \(result)")
        }
        #expect(results[0] == 0.25)
    }

    @Test func tanhIsWithinItsDocumentedBoundAndOdd() {
        let values = Self.edgeValues + Self.sweep(-10...10, count: 200_000)
        let results = Self.run(values) { tanhForward($0, into: $1) }
        let worst = Self.maximumRelativeError(values, results) { Foundation.tanh($0) }
        // Documented as 1e-6; measured over every finite Float: 2.2e-7, also near 0, where
        // 1 - e^-2x would have lost every digit.
        #expect(worst.error < 2.5e-7, "tanh error \(worst.error) at \(worst.at)")

        let edges: [Float] = [
            -0.0, Self.subnormal, -Self.subnormal, 1000, -1000, .infinity, -.infinity, .nan,
        ]
        let atEdges = Self.run(edges) { tanhForward($0, into: $1) }
        #expect(atEdges[0] == 0 && atEdges[0].sign == .minus)
        #expect(atEdges[1] == Self.subnormal && atEdges[2] == -Self.subnormal)
        #expect(atEdges[3] == 1 && atEdges[4] == -1 && atEdges[5] == 1 && atEdges[6] == -1)
        #expect(atEdges[7].isNaN)
    }

    @Test func theTailGivesTheSameBitsAsAWholeVector() {
        // 16 values fill one vector; in an array of 19 the last 3 go through the padded tail.
        let whole: [Float] = [
            -3, -0.5, 0.25, 1, 2.5, 7, -9, 0.125, 4, -4, 0.75, -1, 30, -30, 1e-3, 6,
        ]
        let values = whole + whole[0..<3]
        for kernel in [sigmoidForward, tanhForward]
            as [(UnsafeBufferPointer<Float>, UnsafeMutableBufferPointer<Float>) -> Void]
        {
            let results = Self.run(values, kernel)
            #expect(Array(results[16...]) == Array(results[0..<3]))
            #expect(Self.run([], kernel).isEmpty)
        }
    }

    @Test func doubleKernelsMatchTheActivationToDoublePrecision() {
        let values =
            Self.sweep(-700...700, count: 20_000).map(Double.init)
            + [0, -0.0, 1e-310, -1e-310, 1e-300, 745, -745, 1e300, -1e300]
        for activation in [Activation.sigmoid, .tanh] {
            let results = activation.applied(to: values)
            for (x, result) in zip(values, results) {
                let expected = activation.value(x)
                let error = abs(result - expected) / max(abs(expected), Double.leastNormalMagnitude)
                #expect(error < 1e-15, "\(activation)(\(x)) = \(result), expected \(expected)")
            }
        }
        let special = Activation.sigmoid.applied(to: [.nan, -.infinity, .infinity, -1000, 1000])
        #expect(special[0].isNaN && Array(special[1...]) == [0, 1, 0, 1])
        #expect(Activation.tanh.applied(to: [-0.0])[0].sign == .minus)
    }

    @Test func applyMatchesValueExactlyForThePiecewiseLinearActivations() {
        let values = [-3.5, -0.0, 0, 1e-310, 2, .nan, -.infinity, 7.25, -1]
        for activation in [Activation.identity, .relu, .leakyReLU(slope: 0.2)] {
            var inPlace = values
            activation.apply(to: &inPlace)
            let expected = values.map(activation.value)
            #expect(
                zip(inPlace, expected).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) },
                "\(activation): \(inPlace)")
        }
        var empty: [Double] = []
        Activation.sigmoid.apply(to: &empty)
        #expect(empty.isEmpty)
    }
}
