/// The most the sigmoid's own slopes can leave of a gradient that crosses `layers` sigmoid
/// layers: 0.25^layers.
///
/// The sigmoid's derivative s(x)(1 - s(x)) is at most 1/4 (at x = 0), and the chain rule
/// multiplies one such factor per layer, so their product is at most 0.25^n. Weights can
/// still scale the gradient up or down; the bound is on the activations' share alone, and it
/// is why deep sigmoid stacks lose their gradient near the input.
///
/// Computed by repeated multiplication by 0.25, which is exact in binary (down to about
/// 0.25^537), so the figure is the same everywhere.
///
/// - Parameter layers: How many sigmoid activations the gradient passes, at least 0.
public func sigmoidGradientBound(layers: Int) -> Double {
    precondition(layers >= 0, "a number of layers is never negative")
    var bound = 1.0
    for _ in 0..<layers { bound *= 0.25 }
    return bound
}
