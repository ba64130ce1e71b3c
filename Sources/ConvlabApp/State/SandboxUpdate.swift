import Foundation
import ConvModel
import ScreenModel

/// The one way the sandbox changes: a pure function of its state and an event.
///
/// Open things take the keys first: the key list, then the save prompt, then an edit field,
/// then the preset menu; only then do keys act on the set-up. Saving is asked for here and
/// carried out by `performSandboxEffects`, so this function never touches a file.
public func updateSandbox(_ state: SandboxState, _ event: TerminalEvent) -> SandboxState {
    guard case .key(let key) = event else { return state }
    var next = state
    next.message = nil
    if next.showingKeys {
        next.showingKeys = false
        return next
    }
    if next.prompt != nil { return handlePrompt(key, next) }
    if next.edit != nil { return handleEdit(key, next) }
    if next.showingPresets { return handlePresetMenu(key, next) }
    return handleSandboxKey(key, next)
}

/// Backspace, Ctrl-U (clear) and Ctrl-W (the last word, or the last folder of a path) on a
/// line being typed. Returns false for any other key.
private func editLine(_ text: inout String, _ key: Key) -> Bool {
    switch key {
    case .backspace, .delete:
        if !text.isEmpty { text.removeLast() }
    case .control("u"):
        text = ""
    case .control("w"):
        // Separators just before the cursor go with the word, as in a shell.
        let separators: Set<Character> = [" ", "/"]
        while let last = text.last, separators.contains(last) { text.removeLast() }
        while let last = text.last, !separators.contains(last) { text.removeLast() }
    default:
        return false
    }
    return true
}

private func handleSandboxKey(_ key: Key, _ state: SandboxState) -> SandboxState {
    var next = state
    switch key {
    case .character("q"), .control("c"):
        next.quitRequested = true
    case .escape:
        next.leaveRequested = true
    case .character("?"):
        next.showingKeys = true
    case .tab, .backTab:
        next.poolStep = nil
        let order = next.focusOrder
        let index = order.firstIndex(of: next.focus) ?? 0
        next.focus = order[(index + (key == .tab ? 1 : order.count - 1)) % order.count]
    case .up, .down, .left, .right, .character("h"), .character("j"), .character("k"),
         .character("l"):
        next.poolStep = nil
        next.move(key)
    case .character(" "), .backspace:
        if next.focus == .pool { next.stepPooling(by: key == .backspace ? -1 : 1) }
    case .enter:
        next.startEdit(with: "")
    case .character(let character)
    where "0123456789-.".contains(character) && next.focus != .map && next.focus != .pool:
        next.startEdit(with: String(character))
    case .character("p"):
        next.showingPresets = true
    case .character("w"):
        next.prompt = SandboxState.SavePrompt(text: "sandbox.md", suggested: true)
    case .character("s"): next.adjust(.stride, by: 1)
    case .character("S"): next.adjust(.stride, by: -1)
    case .character("d"): next.adjust(.dilation, by: 1)
    case .character("D"): next.adjust(.dilation, by: -1)
    case .character("z"): next.adjust(.padding, by: 1)
    case .character("Z"): next.adjust(.padding, by: -1)
    case .character("a"): next.adjust(.activation, by: 1)
    case .character("c"): next.adjust(.kernel, by: 1)
    case .character("o"): next.adjust(.pooling, by: 1)
    case .character("n"): next.addFilter()
    case .character("x"): next.removeFilter()
    case .character("N"): next.addLayer()
    case .character("X"): next.removeLastLayer()
    case .character("f"), .character("F"):
        let count = next.currentLayer.filters.count
        next.filter = (next.filter + (key == .character("f") ? 1 : count - 1)) % count
        next.clampCursors()
    case .character(">"), .character("<"):
        let step = key == .character(">") ? 1 : -1
        next.layer = max(0, min(next.layers.count - 1, next.layer + step))
        next.filter = 0
        next.clampCursors()
    case .character("]"), .character("["):
        let channels = next.trace.input.channels
        let channel = (next.inputCursor.channel + (key == .character("]") ? 1 : channels - 1))
            % channels
        next.inputCursor.channel = channel
        next.filterCursor.channel = channel
    default:
        break
    }
    return next
}

private func handleEdit(_ key: Key, _ state: SandboxState) -> SandboxState {
    var next = state
    guard var edit = next.edit else { return next }
    switch key {
    case .escape:
        next.edit = nil
    case .enter:
        next.commit(edit)
    case .character(let character):
        // Anything typed is kept, so a mistake stays on screen to be corrected after Enter
        // says what is wrong with it.
        if edit.text.count < 24 { edit.text.append(character) }
        next.edit = edit
    default:
        guard editLine(&edit.text, key) else {
            next.message = "type a number, Enter to set it, Esc to cancel"
            return next
        }
        next.edit = edit
    }
    return next
}

private func handlePresetMenu(_ key: Key, _ state: SandboxState) -> SandboxState {
    var next = state
    next.showingPresets = false
    guard case .character(let character) = key, let digit = character.wholeNumberValue else {
        return next
    }
    // Keys 1 to 9 and then 0, as on the keyboard's top row.
    let preset = FilterPreset.allCases[(digit + 9) % 10]
    let channels = next.trace.input.channels
    let index = next.filter
    let taken = next.changeLayer { layer in
        let bias = layer.filters[index].bias
        layer.filters[index] = preset.filter(channels: channels)
        layer.filters[index].bias = bias
    }
    if taken { next.message = "filter \(next.filter + 1) is now \(preset.rawValue)" }
    return next
}

private func handlePrompt(_ key: Key, _ state: SandboxState) -> SandboxState {
    var next = state
    guard var prompt = next.prompt else { return next }
    if prompt.confirmingOverwrite {
        next.prompt = nil
        if key == .character("y") || key == .character("Y") {
            next.pendingSave = SandboxState.SaveRequest(
                path: prompt.text, text: SandboxLessonText.lesson(from: next), overwrite: true)
        } else {
            next.message = "not saved"
        }
        return next
    }
    switch key {
    case .escape:
        next.prompt = nil
        next.message = "not saved"
    case .enter:
        let path = prompt.text.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else {
            next.message = "type a file name first"
            return next
        }
        prompt.text = path
        next.prompt = prompt
        next.pendingSave = SandboxState.SaveRequest(
            path: path, text: SandboxLessonText.lesson(from: next), overwrite: false)
    case .character(let character):
        if prompt.suggested { prompt.text = "" }
        if prompt.text.count < 240 { prompt.text.append(character) }
        prompt.suggested = false
        next.prompt = prompt
    default:
        // Backspace and the others edit the suggestion rather than replace it.
        if editLine(&prompt.text, key) { prompt.suggested = false }
        next.prompt = prompt
    }
    return next
}
