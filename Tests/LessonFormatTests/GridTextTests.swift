import ConvModel
import Testing

@testable import LessonFormat

@Suite struct GridTextTests {
    @Test func barSeparatesChannels() throws {
        let grid = try GridText.parse("1 2; 3 4 | 5 6; 7 8")
        #expect((grid.height, grid.width, grid.channels) == (2, 2, 2))
        #expect(rows(grid) == [[1, 2], [3, 4]])
        #expect(rows(grid, channel: 1) == [[5, 6], [7, 8]])
    }

    @Test func commasNewlinesTabsAndCarriageReturnsSeparate() throws {
        let expected = try Grid(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(try GridText.parse("1,2,3;4,5,6") == expected)
        #expect(try GridText.parse("1, 2, 3\n4, 5, 6\n") == expected)
        #expect(try GridText.parse("1\t2\t3\r\n4\t5\t6") == expected)
        #expect(try GridText.parse(" 1 2 3 ;; 4 5 6 ;") == expected)
    }

    @Test func numbersTakeEveryWrittenForm() throws {
        #expect(rows(try GridText.parse("1/4 -0.5 2e1 +3")) == [[0.25, -0.5, 20, 3]])
    }

    @Test func badTokenIsReportedAtItsColumn() {
        #expect(throws: GridText.Failure(column: 8, message: "'x' is not a number")) {
            try GridText.parse("1 2; 3 x")
        }
        #expect(
            throws: GridText.Failure(
                column: 3,
                message: "'nan' is not a finite number (NaN and infinity are not allowed)")
        ) {
            try GridText.parse("1 nan")
        }
    }

    @Test func raggedRowIsReportedAtItsStart() {
        #expect(
            throws: GridText.Failure(
                column: 7, message: "this row has 1 values but the first row of its channel has 2")
        ) {
            try GridText.parse("1 2;  3")
        }
    }

    @Test func emptyGridsAndChannelsAreRefused() {
        #expect(throws: GridText.Failure(column: 1, message: "the grid is empty")) {
            try GridText.parse(" ")
        }
        #expect(throws: GridText.Failure(column: 1, message: "a channel before '|' is empty")) {
            try GridText.parse("| 1 2")
        }
    }

    @Test func channelsOfDifferentSizesAreRefused() {
        #expect(
            throws: GridText.Failure(
                column: 1, message: "channel 2 is 1x2 but channel 1 is 2x2")
        ) {
            try GridText.parse("1 2; 3 4 | 5 6")
        }
    }
}
