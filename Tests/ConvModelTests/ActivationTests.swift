import Foundation
import Testing
@testable import ConvModel

@Suite struct ActivationTests {
    @Test func reluAndItsDerivative() {
        #expect(Activation.relu.value(-3) == 0)
        #expect(Activation.relu.value(2.5) == 2.5)
        #expect(Activation.relu.derivative(0) == 0)
        #expect(Activation.relu.derivative(1e-9) == 1)
        #expect(Activation.relu.derivative(-1) == 0)
    }

    @Test func sigmoidIsStableAtTheExtremes() {
        #expect(sigmoid(-1000) == 0)
        #expect(sigmoid(1000) == 1)
        #expect(!sigmoid(-1000).isNaN)
        #expect(sigmoid(0) == 0.5)
        #expect(abs(sigmoid(2) - 0.8807970779778823) < 1e-15)
        #expect(sigmoidDerivative(0) == 0.25)
        #expect(sigmoidDerivative(-1000) == 0)
    }

    @Test func derivativesMatchFiniteDifferences() {
        let functions: [Activation] = [.identity, .relu, .leakyReLU(slope: 0.1), .sigmoid, .tanh]
        let h = 1e-6
        for activation in functions {
            for x in stride(from: -4.0, through: 4.0, by: 0.37) {
                let numeric = (activation.value(x + h) - activation.value(x - h)) / (2 * h)
                #expect(abs(numeric - activation.derivative(x)) < 1e-6, "\(activation) at \(x)")
            }
        }
    }

    @Test func closedFormsOfTheDerivatives() {
        for x in [-2.0, -0.5, 0.3, 1.7] {
            let s = 1 / (1 + exp(-x))
            #expect(abs(Activation.sigmoid.derivative(x) - s * (1 - s)) < 1e-15)
            let t = tanh(x)
            #expect(abs(Activation.tanh.derivative(x) - (1 - t * t)) < 1e-15)
        }
        #expect(Activation.leakyReLU(slope: 0.01).value(-100) == -1)
        #expect(Activation.leakyReLU(slope: 0.01).derivative(-100) == 0.01)
    }

    @Test func namesRoundTrip() {
        for name in Activation.names {
            #expect(Activation(name: name)?.description == name)
        }
        #expect(Activation(name: "leaky-relu:0.2") == .leakyReLU(slope: 0.2))
        #expect(Activation(name: "softmax") == nil)
    }
}
