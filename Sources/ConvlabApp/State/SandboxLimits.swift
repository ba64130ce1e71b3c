import ConvModel
import LessonFormat

/// The sandbox keeps to what a lesson file may hold, so that every set-up it shows can be
/// saved with `w` and read back by `convlab check`, and no key press can ask for gigabytes.
enum SandboxLimits {
    /// Why `layers` over `input` could not be a lesson, or nil when they could.
    static func problem(input: Grid, layers: [ConvLayer]) -> String? {
        var (height, width, channels) = (input.height, input.width, input.channels)
        var values = input.values.count
        var products = 0
        for (index, layer) in layers.enumerated() {
            let settings = layer.settings
            if settings.stride > 1000 || settings.dilation > 1000 {
                return "layer \(index + 1): stride and dilation go up to 1000 in a lesson"
            }
            if case .zeros(let amount) = settings.padding, amount > 1000 {
                return "layer \(index + 1): padding goes up to 1000 in a lesson"
            }
            // A layer that does not fit is reported by the network itself.
            guard let geometry = try? layer.geometry(forInputHeight: height, width: width,
                                                     channels: channels),
                  let filter = layer.filters.first
            else { return nil }
            let cells = geometry.outputHeight * geometry.outputWidth * layer.filters.count
            values += 2 * cells
            products += cells * filter.weights.values.count
            if values > LessonParser.maximumValues || products > LessonParser.maximumProducts {
                return "layer \(index + 1) would make \(layer.filters.count) map(s) of "
                    + "\(geometry.outputHeight)x\(geometry.outputWidth), more than a lesson may "
                    + "hold; use less padding, fewer filters or a smaller input"
            }
            (height, width, channels) =
                (geometry.outputHeight, geometry.outputWidth, layer.filters.count)
        }
        return nil
    }
}
