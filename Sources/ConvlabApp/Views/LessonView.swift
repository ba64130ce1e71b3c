import ConvModel
import LessonFormat
import ScreenModel

/// The lesson screen: header, the three grids, the dot product, the narrative, the gradient
/// panel and the key bar.
struct LessonView {
    let state: AppState
    let session: LessonSession

    func draw(into screen: inout Screen) {
        let layout = LessonLayout(state: state, session: session)
        let lessonTrace = session.steps.network.traces[session.step.layer]
        drawHeader(into: &screen)
        if state.gradients.fullScreen {
            GradientPanelView(
                rect: Rect(x: 1, y: 2, width: screen.width - 2, height: screen.height - 3),
                panel: state.gradients, glyphs: state.glyphs, lessonTrace: lessonTrace
            ).draw(into: &screen)
            KeyBar.draw(KeyBar.gradients, into: &screen, glyphs: state.glyphs)
            return
        }
        GridViews(layout: layout, session: session, glyphs: state.glyphs).draw(into: &screen)
        DotProductView(layout: layout, session: session, glyphs: state.glyphs)
            .draw(into: &screen)
        let rule = String(repeating: state.glyphs.horizontal,
                          count: max(0, layout.narrative.width + 1))
        screen.put(rule, x: 0, y: layout.narrative.y - 1, style: Style(.border))
        drawNarrative(into: &screen, rect: layout.narrative)
        GradientPanelView(rect: layout.panel, panel: state.gradients, glyphs: state.glyphs,
                          lessonTrace: lessonTrace).draw(into: &screen)
        KeyBar.draw(KeyBar.lesson, into: &screen, glyphs: state.glyphs)
    }

    private func drawHeader(into screen: inout Screen) {
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1), style: Style(.title,
                    reverse: true))
        let lessonNumber = "\(state.selection + 1)/\(state.lessons.count)"
        let prefix = " convlab " + String(state.glyphs.vertical) + " " + lessonNumber + " "
        let step = session.step
        var right = ""
        let layerCount = session.steps.network.traces.count
        if layerCount > 1 { right += "layer \(step.layer + 1)/\(layerCount)  " }
        let maps = session.steps.network.traces[step.layer].appliedFilters.count
        if maps > 1 { right += "map \(step.filter + 1)/\(maps)  " }
        right += state.playing ? "▶ \(state.stepsPerSecond)/s  " : ""
        if session.questionCount > 0 && state.quizzes {
            let score = session.score
            right += "quiz \(score.right)/\(session.questionCount)  "
        }
        right += "\(session.granularity.rawValue)  step \(session.stepIndex + 1)/"
            + "\(session.steps.count) "
        let rightX = max(0, screen.width - right.count)
        let left = prefix + Self.shortened(session.lesson.title,
                                           to: rightX - 2 - prefix.count, glyphs: state.glyphs)
        screen.put(left, x: 0, y: 0, style: Style(.title, bold: true, reverse: true),
                   maxWidth: max(0, rightX - 1))
        screen.put(right, x: rightX, y: 0, style: Style(.title, bold: true, reverse: true))
    }

    private func drawNarrative(into screen: inout Screen, rect: Rect) {
        guard let story = NarrativeLayout(state: state, session: session, rect: rect) else {
            return
        }
        if let title = story.title {
            screen.put(title, x: rect.x, y: rect.y, style: Style(.accent, bold: true),
                       maxWidth: rect.width)
        }
        for (offset, line) in story.quizLines.enumerated() {
            screen.put(line.0, x: rect.x, y: rect.maxY - story.quizLines.count + offset,
                       style: line.1, maxWidth: rect.width)
        }
        let y = story.textTop
        for (offset, line) in story.lines.dropFirst(story.first).prefix(story.textRows)
            .enumerated()
        {
            screen.put(line, x: rect.x, y: y + offset, maxWidth: rect.width)
        }
        if story.overflows && story.room > 1 {
            let shown = "lines \(story.first + 1)-"
                + "\(min(story.lines.count, story.first + story.textRows)) of \(story.lines.count)"
            let hint = story.first + story.textRows < story.lines.count
                ? "  PgDn more" : "  PgUp back"
            screen.put(shown + hint, x: rect.x, y: y + story.textRows, style: Style(.dim),
                       maxWidth: rect.width)
        }
    }
}

/// Where the scene's text goes in the narrative area: its title, the question block at the
/// foot, and which lines of a long scene are in view. `update` pages by the same numbers.
struct NarrativeLayout {
    var title: String?
    var lines: [String]
    var quizLines: [(String, Style)]
    var textTop: Int
    /// Rows for the story between the title and the question block.
    var room: Int
    /// Rows of story text shown; one less than `room` when a scroll line is needed.
    var textRows: Int
    var overflows: Bool
    /// The first line in view.
    var first: Int

    init?(state: AppState, session: LessonSession, rect: Rect) {
        guard let scene = session.scene else { return nil }
        var y = rect.y
        if !scene.title.isEmpty && scene.title != session.lesson.title {
            title = scene.title
            y += 1
        }
        textTop = y
        lines = LessonView.narrativeLines(scene, width: rect.width, session: session,
                                          liveBench: state.liveBench)
        // A question on screen has the last rows; the story above it gives way. An open
        // question shows even when a later scene starts on the same step (coarse steps make
        // that common); `go(to:)` drops an answered one once its scene is left.
        quizLines = []
        if let prompt = session.prompt, prompt.isShown(in: session) {
            quizLines = Array(QuizView(prompt: prompt, network: session.steps.network,
                                       glyphs: state.glyphs).lines(width: rect.width)
                .prefix(max(0, rect.maxY - y)))
        }
        room = max(0, rect.maxY - y - quizLines.count - (quizLines.isEmpty ? 0 : 1))
        overflows = lines.count > room
        // With no room at all (a tall question in a short area) the story waits for the answer
        // rather than being drawn over it.
        textRows = room == 0 ? 0 : (overflows ? max(1, room - 1) : room)
        first = min(session.narrativeOffset, max(0, lines.count - textRows))
    }

    /// The furthest a scene can be scrolled: its last page in view.
    var lastOffset: Int { max(0, lines.count - textRows) }
}

extension LessonView {
    /// `title` cut at a word boundary with an ellipsis when it is longer than `width`, so a
    /// header never shows half a word.
    static func shortened(_ title: String, to width: Int, glyphs: GlyphSet) -> String {
        guard title.count > width else { return title }
        let room = width - glyphs.ellipsis.count
        guard room > 0 else { return "" }
        var cut = String(title.prefix(room))
        if let space = cut.lastIndex(of: " "), title[title.index(title.startIndex,
                                                                  offsetBy: room)] != " " {
            cut = String(cut[..<space])
        }
        while cut.last == "," || cut.last == " " { cut.removeLast() }
        return cut + glyphs.ellipsis
    }

    /// A scene's text as screen lines: paragraphs wrapped, code lines kept as written.
    static func narrativeLines(_ scene: Scene, width: Int, session: LessonSession,
                               liveBench: String?) -> [String] {
        var lines: [String] = []
        let text = expand(scene.text, session: session, liveBench: liveBench)
        for paragraph in paragraphs(of: text) {
            if paragraph.hasPrefix("    ") {
                lines.append(String(paragraph))
            } else {
                lines += wrapWords(String(paragraph), width: width)
            }
        }
        return lines
    }
}

extension LessonView {
    /// `text.split(separator: "\n")`, found on the bytes when no "\r" is there to make
    /// "\r\n" one character: a line feed is then always a character of its own, and the
    /// scene's text is split again every frame.
    static func paragraphs(of text: String) -> [Substring] {
        let utf8 = text.utf8
        guard !utf8.contains(UInt8(ascii: "\r")) else { return text.split(separator: "\n") }
        return utf8.split(separator: UInt8(ascii: "\n")).map {
            text[$0.startIndex..<$0.endIndex]
        }
    }
}

extension LessonView {
    /// Fills in `{pytorch}` (the lesson's first layer as a PyTorch call, with its output
    /// shape) and `{bench}` (speed figures measured on this machine).
    static func expand(_ text: String, session: LessonSession, liveBench: String?) -> String {
        // Most scenes have no placeholder; they skip Foundation's search and copy, which
        // would otherwise run every frame.
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var text = text
        if text.contains("{pytorch}"), let layer = session.lesson.layers.first,
           let call = try? PyTorchCall(layer: layer, input: session.lesson.input)
        {
            text = text.replacingOccurrences(
                of: "{pytorch}", with: call.call + " gives an output of shape " + call.shapeText
                    + (call.note.map { " (" + $0 + ")" } ?? "") + ".")
        }
        return text.replacingOccurrences(of: "{bench}", with: liveBench ?? LiveBench.pending)
    }
}

/// Greedy word wrap; a word longer than the width is cut into pieces.
func wrapWords(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    if let lines = wrapASCIIWords(text, width: width) { return lines }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        var word = Substring(word)
        while word.count > width {
            if !current.isEmpty {
                lines.append(current)
                current = ""
            }
            lines.append(String(word.prefix(width)))
            word = word.dropFirst(width)
        }
        if current.isEmpty {
            current = String(word)
        } else if current.count + 1 + word.count <= width {
            current += " " + word
        } else {
            lines.append(current)
            current = String(word)
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}

/// `wrapWords` for ASCII text, where a character is a byte: the same lines, worked out on
/// the bytes, since the narrative is wrapped again every frame. Nil for any other text.
private func wrapASCIIWords(_ text: String, width: Int) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var lines: [String] = []
        // The bytes of the line being built; words join with single spaces.
        var line: [UInt8] = []
        var start = 0
        let space = UInt8(ascii: " ")
        while start < bytes.count {
            guard bytes[start] != space else {
                start += 1
                continue
            }
            var end = start
            while end < bytes.count && bytes[end] != space { end += 1 }
            var word = start..<end
            while word.count > width {
                if !line.isEmpty {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                }
                lines.append(String(decoding: bytes[word.lowerBound..<(word.lowerBound + width)],
                                    as: UTF8.self))
                word = (word.lowerBound + width)..<word.upperBound
            }
            if line.isEmpty {
                line.append(contentsOf: bytes[word])
            } else if line.count + 1 + word.count <= width {
                line.append(space)
                line.append(contentsOf: bytes[word])
            } else {
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: bytes[word])
            }
            start = end
        }
        if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }
}
