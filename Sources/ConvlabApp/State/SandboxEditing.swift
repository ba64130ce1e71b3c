import ConvModel
import Foundation
import LessonFormat
import ScreenModel

/// The sandbox's changes to its set-up: cursor moves, typed values, settings, filters and
/// layers. Each goes through `apply`, so a change that would not run is refused.
extension SandboxState {
    /// Activations in the order `a` and the settings row cycle through them.
    static let activations: [Activation] = [
        .identity, .relu, .leakyReLU(slope: Activation.defaultLeakySlope), .sigmoid, .tanh,
    ]

    /// Moves the cursor of the focused area; in the settings row, left and right choose a
    /// setting and up and down change it.
    mutating func move(_ key: Key) {
        var rows = 0
        var columns = 0
        switch key {
        case .up, .character("k"): rows = -1
        case .down, .character("j"): rows = 1
        case .left, .character("h"): columns = -1
        default: columns = 1
        }
        let cursors: [Focus: WritableKeyPath<SandboxState, Cursor>] = [
            .input: \.inputCursor, .filter: \.filterCursor, .map: \.mapCursor,
            .pool: \.poolCursor,
        ]
        if let cursor = cursors[focus] {
            self[keyPath: cursor].row += rows
            self[keyPath: cursor].column += columns
        } else {
            let all = Setting.allCases
            let index = all.firstIndex(of: setting) ?? 0
            setting = all[max(0, min(all.count - 1, index + columns))]
            if rows != 0 { adjust(setting, by: -rows) }
        }
        clampCursors()
    }

    /// Steps pooling one value at a time, like the convolution: the first press places the
    /// window of the selected pooled cell, each next one visits a value of it, then the
    /// result is written and the next cell's window is placed. Steps stay within the map
    /// of the filter on show.
    mutating func stepPooling(by delta: Int) {
        guard let steps = poolingSteps else { return }
        let cells = steps.trace.output.height * steps.trace.output.width
        let first = filter * cells * steps.stepsPerCell
        let last = first + cells * steps.stepsPerCell - 1
        let start = steps.writeStep(channel: filter, outRow: poolCursor.row,
                                    outColumn: poolCursor.column) - steps.stepsPerCell + 1
        let index = poolStep.map { $0 + delta } ?? start
        poolStep = max(first, min(last, index))
        let step = steps.step(at: poolStep ?? start)
        poolCursor.row = step.outRow
        poolCursor.column = step.outColumn
    }

    /// Opens the edit field for what the cursor is on, starting with `text`.
    mutating func startEdit(with text: String) {
        switch focus {
        case .input:
            guard layer == 0 else {
                message = "this is layer \(layer)'s output; edit the input on layer 1 (<)"
                return
            }
            edit = EditField(target: .input(inputCursor), text: text)
        case .filter:
            let onBias = filterCursor.row == currentFilter.height
            edit = EditField(target: onBias ? .bias : .weight(filterCursor), text: text)
        case .settings:
            switch setting {
            case .stride, .padding, .dilation, .poolWindow, .poolStride:
                edit = EditField(target: .setting(setting), text: text)
            default:
                // A word setting: Enter steps to its next value.
                if text.isEmpty { adjust(setting, by: 1) }
            }
        case .map, .pool:
            break
        }
    }

    /// Sets the value typed into `field`, or says why it cannot.
    mutating func commit(_ field: EditField) {
        if case .setting(let which) = field.target {
            guard let number = Int(field.text), number >= (which == .padding ? 0 : 1),
                  number <= 1000
            else {
                message = "\(which.rawValue): '\(field.text)' is not a whole number from "
                    + "\(which == .padding ? 0 : 1) to 1000"
                return
            }
            edit = nil
            set(which, to: number)
            return
        }
        guard case .success(let value) = NumberText.parse(Substring(field.text)) else {
            message = Self.numberProblem(field.text)
            return
        }
        edit = nil
        let index = filter
        switch field.target {
        case .input(let cursor):
            var changed = input
            changed[cursor.row, cursor.column, cursor.channel] = value
            apply(input: changed)
        case .weight(let cursor):
            changeLayer { $0.filters[index].weights[cursor.row, cursor.column, cursor.channel] =
                value }
        case .bias:
            changeLayer { $0.filters[index].bias = value }
        case .setting:
            break
        }
    }

    /// Why `text` is not a value for a cell or weight, and what would be: the edit field stays
    /// open with the text, so this is what the student reads to correct it.
    static func numberProblem(_ text: String) -> String {
        let example = "type a number such as 2, -0.5 or 1/9"
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return example + ", or Esc to cancel" }
        let quoted = "'\(text)'"
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, case .success = NumberText.parse(parts[0]),
           case .success(0) = NumberText.parse(parts[1]) {
            return quoted + " divides by zero; " + example
        }
        guard case .failure(.notFinite) = NumberText.parse(Substring(trimmed)) else {
            return quoted + " is not a number; " + example
        }
        let lowered = trimmed.lowercased()
        if lowered.contains("nan") || lowered.contains("inf") {
            return quoted + " is not a finite number; " + example
        }
        return quoted + " is too large (over 1.8e308); " + example
    }

    /// Sets a numeric setting to a typed whole number.
    mutating func set(_ which: Setting, to number: Int) {
        switch which {
        case .stride: changeLayer { $0.settings.stride = number }
        case .dilation: changeLayer { $0.settings.dilation = number }
        case .padding: changeLayer { $0.settings.padding = number == 0 ? .valid : .zeros(number) }
        case .poolWindow, .poolStride:
            guard !refusesPoolingOffTheLastLayer() else { return }
            guard var changed = pooling else {
                message = "pooling is off; press o to turn it on"
                return
            }
            if which == .poolWindow { changed.window = number } else { changed.stride = number }
            apply(pooling: .some(changed))
        default:
            break
        }
    }

    /// Steps one setting up or down (words cycle).
    mutating func adjust(_ which: Setting, by delta: Int) {
        let settings = currentLayer.settings
        switch which {
        case .stride:
            changeLayer { $0.settings.stride = max(1, settings.stride + delta) }
        case .dilation:
            changeLayer { $0.settings.dilation = max(1, settings.dilation + delta) }
        case .padding:
            // valid, same, 1, 2, 3, ...
            let order: Int
            switch settings.padding {
            case .valid, .zeros(0): order = 0
            case .same: order = 1
            case .zeros(let amount): order = amount + 1
            }
            let target = max(0, order + delta)
            changeLayer {
                $0.settings.padding = target == 0 ? .valid : target == 1 ? .same
                    : .zeros(target - 1)
            }
        case .activation:
            let all = Self.activations
            let index = all.firstIndex(of: currentLayer.activation) ?? 0
            changeLayer { $0.activation = all[(index + delta + all.count) % all.count] }
        case .kernel:
            changeLayer { $0.settings.flipsKernel.toggle() }
        case .pooling:
            guard !refusesPoolingOffTheLastLayer() else { return }
            let kinds: [Pooling.Kind?] = [nil, .max, .average]
            let index = kinds.firstIndex(of: pooling?.kind) ?? 0
            let kind = kinds[(index + delta + kinds.count) % kinds.count]
            let changed = kind.map { Pooling(kind: $0, window: pooling?.window ?? 2,
                                             stride: pooling?.stride ?? 2) }
            apply(pooling: .some(changed))
        case .poolWindow, .poolStride:
            guard !refusesPoolingOffTheLastLayer() else { return }
            guard let current = pooling else {
                message = "pooling is off; press o to turn it on"
                return
            }
            let value = which == .poolWindow ? current.window : current.stride
            set(which, to: max(1, value + delta))
        }
    }

    /// Pooling runs after the last layer only (a pooled map between layers would need the
    /// next layer to read it, which lesson files cannot hold yet), so on any other layer a
    /// pooling change is refused with the reason. Returns whether it was refused.
    mutating func refusesPoolingOffTheLastLayer() -> Bool {
        guard !isLastLayer else { return false }
        message = "pooling goes after the last layer only; > to layer \(layers.count) to change it"
        return true
    }

    /// Adds a filter to the layer on show: the identity for a 3x3 layer, else a copy. The
    /// next layer's filters get one more channel, of zeros, for the new map.
    mutating func addFilter() {
        var newLayers = layers
        let channels = trace.input.channels
        var added = currentFilter
        if added.height == 3 && added.width == 3 {
            added = FilterPreset.identity.filter(channels: channels)
        }
        added.name = "filter \(newLayers[layer].filters.count + 1)"
        newLayers[layer].filters.append(added)
        if layer + 1 < newLayers.count {
            newLayers[layer + 1].filters = newLayers[layer + 1].filters.map { filter in
                var widened = filter
                let zeros = Grid(height: filter.height, width: filter.width)
                widened.weights = Grid.stacked([filter.weights, zeros])
                return widened
            }
        }
        if apply(layers: newLayers) {
            filter = newLayers[layer].filters.count - 1
            clampCursors()
        }
    }

    /// Removes the filter on show (a layer keeps at least one), and the matching channel of
    /// the next layer's filters.
    mutating func removeFilter() {
        guard currentLayer.filters.count > 1 else {
            message = "a layer needs at least one filter"
            return
        }
        var newLayers = layers
        let removed = filter
        newLayers[layer].filters.remove(at: removed)
        if layer + 1 < newLayers.count {
            newLayers[layer + 1].filters = newLayers[layer + 1].filters.map { filter in
                var narrowed = filter
                narrowed.weights = Grid.stacked((0..<filter.channels).filter { $0 != removed }
                    .map { filter.weights.channel($0) })
                return narrowed
            }
        }
        if apply(layers: newLayers) { clampCursors() }
    }

    /// Adds a layer after the last one: one identity filter over all its maps, padded to
    /// keep the size, so it always fits.
    mutating func addLayer() {
        guard layers.count < 8 else {
            message = "the sandbox holds at most 8 layers"
            return
        }
        let channels = layers[layers.count - 1].filters.count
        var filter = FilterPreset.identity.filter(channels: channels)
        filter.name = "filter 1"
        let added = ConvLayer(filters: [filter], settings: ConvolutionSettings(padding: .same))
        if apply(layers: layers + [added]) {
            layer = layers.count - 1
            self.filter = 0
            clampCursors()
        }
    }

    /// Removes the last layer (the sandbox keeps at least one).
    mutating func removeLastLayer() {
        guard layers.count > 1 else {
            message = "the sandbox needs at least one layer"
            return
        }
        if apply(layers: Array(layers.dropLast())) { clampCursors() }
    }
}
