import ConvModel
import LessonFormat

/// The sandbox keeps to what a lesson file may hold, so that every set-up it shows can be
/// saved with `w` and read back by `convlab check`, and no key press can ask for gigabytes.
enum SandboxLimits {
    /// Why `layers` over `input` could not be a lesson, or nil when they could.
    static func problem(input: Grid, layers: [ConvLayer]) -> String? {
        for (index, layer) in layers.enumerated() {
            let settings = layer.settings
            if settings.stride > 1000 || settings.dilation > 1000 {
                return "layer \(index + 1): stride and dilation go up to 1000 in a lesson"
            }
            if case .zeros(let amount) = settings.padding, amount > 1000 {
                return "layer \(index + 1): padding goes up to 1000 in a lesson"
            }
        }
        // The same size check a lesson file gets from `convlab check`.
        guard let excess = LessonParser.firstSizeExcess(input: input, layers: layers) else {
            return nil
        }
        return "layer \(excess.layer + 1) would make \(excess.maps) map(s) of "
            + "\(excess.height)x\(excess.width), more than a lesson may hold; use less "
            + "padding, fewer filters or a smaller input"
    }
}
