import Testing

@testable import ScreenModel

@Suite struct LayoutTests {
    let full = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test func insetTakesCellsOffEachSide() {
        #expect(full.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(full.inset(top: 2, right: 10) == Rect(x: 0, y: 2, width: 70, height: 22))
        #expect(Rect(x: 3, y: 3, width: 2, height: 1).inset(by: 2).width == 0)
        #expect(Rect(x: 3, y: 3, width: 2, height: 1).inset(by: 2).height == 0)
    }

    @Test func splitHorizontallyPutsPartsSideBySide() {
        let (left, right) = full.splitHorizontally(.first(30), gap: 1)
        #expect(left == Rect(x: 0, y: 0, width: 30, height: 24))
        #expect(right == Rect(x: 31, y: 0, width: 49, height: 24))

        let (rest, sidebar) = full.splitHorizontally(.last(20))
        #expect(rest == Rect(x: 0, y: 0, width: 60, height: 24))
        #expect(sidebar == Rect(x: 60, y: 0, width: 20, height: 24))
    }

    @Test func splitVerticallyStacksParts() {
        let (body, keyBar) = full.splitVertically(.last(1))
        #expect(body == Rect(x: 0, y: 0, width: 80, height: 23))
        #expect(keyBar == Rect(x: 0, y: 23, width: 80, height: 1))

        let (top, bottom) = Rect(x: 2, y: 5, width: 10, height: 9).splitVertically(.fraction(0.5))
        #expect(top == Rect(x: 2, y: 5, width: 10, height: 4))
        #expect(bottom == Rect(x: 2, y: 9, width: 10, height: 5))
    }

    @Test func splitsAreClampedToTheSpaceThereIs() {
        let small = Rect(x: 0, y: 0, width: 5, height: 3)
        #expect(small.splitHorizontally(.first(9)).right.width == 0)
        #expect(small.splitHorizontally(.first(9)).left.width == 5)
        #expect(small.splitHorizontally(.last(9)).left.width == 0)
        #expect(small.splitHorizontally(.first(-2)).left.width == 0)
        #expect(small.splitHorizontally(.fraction(1.5)).left.width == 5)
        #expect(small.splitHorizontally(.fraction(.nan)).left.width == 0)

        let (top, bottom) = small.splitVertically(.first(2), gap: 7)
        #expect(top.height == 0)
        #expect(bottom.height == 0)
    }

    @Test func partsAndGapAddUpToTheWhole() {
        for width in 0...12 {
            let rect = Rect(x: 4, y: 0, width: width, height: 1)
            for gap in 0...3 {
                let (left, right) = rect.splitHorizontally(.fraction(0.3), gap: gap)
                #expect(left.x == rect.x)
                #expect(right.maxX == rect.maxX)
                #expect(left.width + right.width + min(gap, width) == width)
            }
        }
    }

    @Test func centeredSitsInTheMiddleAndNeverOutgrowsItsParent() {
        #expect(full.centered(width: 20, height: 10) == Rect(x: 30, y: 7, width: 20, height: 10))
        #expect(full.centered(width: 21, height: 9) == Rect(x: 29, y: 7, width: 21, height: 9))
        #expect(full.centered(width: 100, height: 30) == full)

        let offset = Rect(x: 10, y: 4, width: 6, height: 2)
        #expect(offset.centered(width: 2, height: 0) == Rect(x: 12, y: 5, width: 2, height: 0))
    }
}
