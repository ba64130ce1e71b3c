/// How big the first part of a split is.
public enum SplitSize: Sendable, Hashable {
    /// The first part gets this many cells; the second gets the rest.
    case first(Int)
    /// The second part gets this many cells; the first gets the rest. A key bar of one row at
    /// the bottom is `.last(1)`.
    case last(Int)
    /// The first part gets this share of the space, rounded down, between 0 and 1.
    case fraction(Double)
}

extension Rect {
    /// The rect with `amount` cells taken off every side; never negative in size.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The rect with a different number of cells taken off each side; never negative in size.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// Splits into a left and a right part, side by side, with `gap` columns between them.
    ///
    /// Sizes are clamped to what there is, so a split never produces a part outside `self`.
    ///
    ///     Rect(x: 0, y: 0, width: 80, height: 24).splitHorizontally(.first(30), gap: 1)
    ///     // left: x 0, width 30; right: x 31, width 49
    public func splitHorizontally(_ size: SplitSize, gap: Int = 0) -> (left: Rect, right: Rect) {
        let (first, gapShown, second) = Rect.partition(width, size: size, gap: gap)
        let left = Rect(x: x, y: y, width: first, height: height)
        let right = Rect(x: x + first + gapShown, y: y, width: second, height: height)
        return (left, right)
    }

    /// Splits into a top and a bottom part, one above the other, with `gap` rows between them.
    ///
    /// Sizes are clamped to what there is, so a split never produces a part outside `self`.
    public func splitVertically(_ size: SplitSize, gap: Int = 0) -> (top: Rect, bottom: Rect) {
        let (first, gapShown, second) = Rect.partition(height, size: size, gap: gap)
        let top = Rect(x: x, y: y, width: width, height: first)
        let bottom = Rect(x: x, y: y + first + gapShown, width: width, height: second)
        return (top, bottom)
    }

    /// A rect of at most `width` x `height` centred in this one; when the space left over is
    /// odd, the extra cell goes to the right and bottom.
    public func centered(width: Int, height: Int) -> Rect {
        let shownWidth = min(max(0, width), self.width)
        let shownHeight = min(max(0, height), self.height)
        return Rect(
            x: x + (self.width - shownWidth) / 2, y: y + (self.height - shownHeight) / 2,
            width: shownWidth, height: shownHeight)
    }

    /// Divides `total` cells into a first part, a gap and a second part that add up to `total`.
    private static func partition(_ total: Int, size: SplitSize, gap: Int)
        -> (first: Int, gap: Int, second: Int)
    {
        let gap = min(max(0, gap), total)
        let room = total - gap
        let first: Int
        switch size {
        case .first(let cells):
            first = cells
        case .last(let cells):
            first = room - cells
        case .fraction(let share):
            // A NaN share would trap in the conversion to Int; treat it as nothing. The product
            // is never negative, so converting to Int rounds down without needing libm.
            let clampedShare = share.isNaN ? 0 : min(max(share, 0), 1)
            first = Int(Double(room) * clampedShare)
        }
        let clampedFirst = min(max(0, first), room)
        return (clampedFirst, gap, room - clampedFirst)
    }
}
