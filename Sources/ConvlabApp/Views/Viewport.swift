/// Which slice of a long axis to show so that a focus range stays in view.
enum Viewport {
    /// A range of `visible` indices out of `lower..<upper`, containing `focus` where possible
    /// and centred on it when the whole axis does not fit.
    static func range(lower: Int, upper: Int, visible: Int, focus: ClosedRange<Int>)
        -> Range<Int>
    {
        let total = upper - lower
        guard visible < total else { return lower..<upper }
        guard visible > 0 else { return lower..<lower }
        let centre = (focus.lowerBound + focus.upperBound) / 2
        var start = centre - visible / 2
        start = max(lower, min(start, upper - visible))
        return start..<(start + visible)
    }
}
