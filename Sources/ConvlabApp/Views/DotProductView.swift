import ConvModel
import ScreenModel

/// The current dot product written out: every weight x value product, the running sum, the
/// bias and the result, with the product being added picked out.
struct DotProductView {
    let layout: LessonLayout
    let session: LessonSession
    let glyphs: GlyphSet

    /// A piece of the line: its text and how it is drawn.
    struct Token: Equatable {
        var text: String
        var style: Style
    }

    func draw(into screen: inout Screen) {
        let rect = Rect(x: 1, y: layout.productsTop, width: layout.width - 2, height: 2)
        let lines = Self.wrap(tokens(), width: rect.width, rows: rect.height,
                              focus: focusIndex, ellipsis: glyphs.ellipsis)
        for (offset, line) in lines.enumerated() {
            var x = rect.x
            for token in line {
                x = screen.put(token.text, x: x, y: rect.y + offset, style: token.style,
                               maxWidth: rect.maxX - x)
            }
        }
    }

    private var step: Step { layout.step }

    /// Index of the token to keep visible when the line must be shortened.
    private var focusIndex: Int {
        if case .product(let index) = step.kind { return 1 + index * 2 }
        return Int.max
    }

    func tokens() -> [Token] {
        let trace = layout.trace
        let filter = trace.appliedFilters[step.filter]
        let where_ = "(\(step.outRow + 1),\(step.outColumn + 1))"
        if step.kind == .activate {
            let activation = trace.layer.activation
            let before = step.runningSum
            let after = activation.value(before)
            var text = "\(activation.description)(\(NumberFormat.format(before))) = "
                + NumberFormat.format(after)
            if session.currentCellIsHidden {
                return [Token(text: "map \(where_): ", style: Style(.dim)),
                        Token(text: "\(activation.description)(\(NumberFormat.format(before))) = ?",
                              style: Style(.accent, bold: true))]
            }
            var style = Style(.accent, bold: true)
            if activation == .relu || activation.description.hasPrefix("leaky") {
                if before < 0 {
                    text += "   negative: " + (activation == .relu ? "set to 0" : "scaled down")
                    style = Style(.zeroed, bold: true)
                } else {
                    text += "   not negative: passes unchanged"
                }
            }
            return [Token(text: "map \(where_): ", style: Style(.dim)),
                    Token(text: text, style: style)]
        }

        // While the student predicts this very cell, the products are theirs to work out from
        // the window and the filter; the terms appear with the answer.
        if session.currentCellIsHidden {
            return [Token(text: "out \(where_) = ?", style: Style(.accent, bold: true)),
                    Token(text: "   work it out from the window and the filter, plus the bias "
                              + NumberFormat.format(filter.bias), style: Style(.dim))]
        }
        let products = session.steps.products(
            layer: step.layer, filter: step.filter, outRow: step.outRow,
            outColumn: step.outColumn)
        let added: Int
        switch step.kind {
        case .place: added = 0
        case .product(let index): added = index + 1
        default: added = products.count
        }
        var result = [Token(text: "out \(where_) = ", style: Style(.dim))]
        for (index, product) in products.enumerated() {
            let text = "(" + NumberFormat.format(product.weight) + String(glyphs.times)
                + NumberFormat.format(product.value) + ")"
            let style: Style
            if index == added - 1 && step.kind == .product(index: index) {
                style = Style(.current, bold: true, reverse: true)
            } else if index < added {
                style = Style(.normal)
            } else {
                style = Style(.dim)
            }
            result.append(Token(text: text, style: style))
            if index < products.count - 1 {
                result.append(Token(text: " + ", style: Style(.dim)))
            }
        }
        let biasDone = step.kind == .bias || step.kind == .write
        result.append(Token(text: " + ", style: Style(.dim)))
        result.append(Token(
            text: "b " + NumberFormat.format(filter.bias),
            style: step.kind == .bias ? Style(.current, bold: true, reverse: true)
                : Style(biasDone ? .normal : .dim)))
        let sumText: String
        switch step.kind {
        case .place: sumText = "   sum so far 0"
        case .product: sumText = "   sum so far " + NumberFormat.format(step.runningSum)
        case .bias: sumText = " = " + NumberFormat.format(step.runningSum)
        default: sumText = " = " + NumberFormat.format(step.runningSum) + "  written"
        }
        let hidden = session.currentCellIsHidden
        result.append(Token(text: hidden ? "   = ?" : sumText, style: Style(.accent, bold: true)))
        return result
    }

    /// Lays tokens into at most `rows` lines of `width`, never splitting a token. When they do
    /// not fit, tokens are dropped from the middle (keeping the head, the focus and the tail)
    /// and an ellipsis marks the gap.
    static func wrap(_ tokens: [Token], width: Int, rows: Int, focus: Int, ellipsis: String)
        -> [[Token]]
    {
        // Widths counted once, and each candidate first tried on widths alone: the search
        // below may try dozens of shortened lines before one fits.
        let gap = Token(text: " " + ellipsis + " ", style: Style(.dim))
        let all = tokens + [gap]
        let gapIndex = tokens.count
        let widths = all.map(\.text.count)
        let leadingSpaces = all.map { $0.text.prefix { $0 == " " }.count }

        /// Where each of `picks` (indices into `all`) goes: its line, or nil when more than
        /// `rows` lines would be needed. A token never splits; one that starts a line loses
        /// its leading spaces.
        func lineNumbers(_ picks: [Int]) -> [Int]? {
            var numbers: [Int] = []
            numbers.reserveCapacity(picks.count)
            var line = 0
            var used = 0
            for pick in picks {
                if used + widths[pick] > width && !numbers.isEmpty && numbers.last == line {
                    line += 1
                    used = 0
                    if line >= rows { return nil }
                }
                let startsLine = numbers.last != line
                used += widths[pick] - (startsLine ? leadingSpaces[pick] : 0)
                numbers.append(line)
            }
            return numbers
        }
        func layout(_ picks: [Int]) -> [[Token]]? {
            guard let numbers = lineNumbers(picks) else { return nil }
            var lines: [[Token]] = [[]]
            for (pick, line) in zip(picks, numbers) {
                if line == lines.count { lines.append([]) }
                var placed = all[pick]
                if lines[line].isEmpty && leadingSpaces[pick] > 0 {
                    placed.text = String(placed.text.dropFirst(leadingSpaces[pick]))
                }
                lines[line].append(placed)
            }
            return lines
        }
        if let fitted = layout(Array(tokens.indices)) { return fitted }
        // Keep the label and first product, a window around the focus, and the last few
        // tokens (last product, bias, sum); shrink the window until it fits.
        let tail = 4
        let tailStart = tokens.count - tail
        let head = Array(tokens.indices.prefix(2))
        let tailPicks = Array(tokens.indices.suffix(tail))
        if focus > 1 && focus < tailStart {
            for reach in stride(from: tokens.count, through: 0, by: -1) {
                let low = max(2, focus - reach)
                let high = min(tailStart - 1, focus + reach)
                var shortened = head
                if low > 2 { shortened.append(gapIndex) }
                shortened += low...high
                if high < tailStart - 1 { shortened.append(gapIndex) }
                shortened += tailPicks
                if let fitted = layout(shortened) { return fitted }
            }
        }
        return layout(head + [gapIndex] + tailPicks) ?? [Array(tokens.suffix(tail))]
    }
}
