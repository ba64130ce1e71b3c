import ConvModel
import Foundation

/// The sandbox written out as a lesson file that `convlab check` accepts, so an experiment
/// can be kept, shared and replayed step by step.
enum SandboxLessonText {
    static func lesson(from state: SandboxState) -> String {
        let title = state.title.replacingOccurrences(of: "\n", with: " ")
        var text = "# " + (title == "sandbox" ? "Sandbox"
            : title.lowercased().hasPrefix("sandbox") ? title : "Sandbox: " + title)
        text += "\n\nSaved from the convlab sandbox."
        if let pooling = state.pooling {
            // The lesson format has no pooling yet; say what was on so nothing is lost silently.
            text += " In the sandbox, \(pooling.kind.rawValue) pooling with a "
                + "\(pooling.window)x\(pooling.window) window and stride \(pooling.stride) "
                + "followed the last layer; lesson files do not hold pooling, so it is left out."
        }
        text += "\n\n```input\n" + rows(state.input) + "```\n"
        for layer in state.layers {
            let settings = layer.settings
            text += "\n```layer\nstride: \(settings.stride)\npadding: \(settings.padding)\n"
                + "dilation: \(settings.dilation)\nactivation: \(layer.activation)\n"
                + "kernel: \(settings.flipsKernel ? "convolution" : "cross-correlation")\n```\n"
            for filter in layer.filters {
                let name = filter.name.replacingOccurrences(of: "`", with: "'")
                    .replacingOccurrences(of: "\n", with: " ")
                text += "\n```filter \(name)\nbias: \(number(filter.bias))\n"
                if let preset = FilterPreset.matching(filter.weights) {
                    text += "preset: \(preset.rawValue)\n"
                } else {
                    text += rows(filter.weights)
                }
                text += "```\n"
            }
        }
        return text
    }

    /// Rows of exact numbers, a blank line between channels.
    static func rows(_ grid: Grid) -> String {
        (0..<grid.channels).map { channel in
            grid.rows(channel: channel).map { $0.map(number).joined(separator: " ") + "\n" }
                .joined()
        }.joined(separator: "\n")
    }

    /// A number the lesson reader gives back exactly: an integer, a short decimal, a small
    /// fraction such as 1/9 (blur weights read better that way), or Swift's shortest exact
    /// decimal, however long.
    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        let decimal = "\(value)"
        if decimal.count <= 8 { return decimal }
        for denominator in 2...64 {
            let numerator = (value * Double(denominator)).rounded()
            if abs(numerator) < 1e6, numerator / Double(denominator) == value {
                return "\(Int64(numerator))/\(denominator)"
            }
        }
        return decimal
    }
}
