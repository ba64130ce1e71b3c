import Testing

@testable import LessonFormat

/// Every kind of mistake in a lesson, each with the exact place it is reported.
@Suite struct LessonParserErrorTests {
    @Test func unknownKeyInLayerPointsAtTheKey() {
        let text = source(
            "# T", "", "```input", "1 2 3", "4 5 6", "7 8 9", "```", "",
            "```layer", "stride: 1", "   colour: red", "```", "",
            "```filter f", "1 0", "0 1", "```")
        #expect(
            problems(text) == [
                "lesson.md:11:4: unknown key 'colour' in layer; expected stride, padding, "
                    + "dilation, activation, kernel"
            ])
    }

    @Test func unknownKeyInFilterPointsAtTheKey() {
        let text = source(
            "# T", "", "```input", "1 2 3", "4 5 6", "7 8 9", "```", "",
            "```filter f", "bias: 1", "weight: 2", "1 0", "0 1", "```")
        #expect(
            problems(text) == [
                "lesson.md:11:1: unknown key 'weight' in filter; expected bias or preset"
            ])
    }

    @Test func unknownKeyInInputPointsAtTheKey() {
        let text = source(
            "# T", "", "```input", "  source: camera", "1 2 3", "4 5 6", "```", "",
            "```filter f", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:4:3: unknown key 'source' in input; expected file, resize, gray"
            ])
    }

    @Test func lineWithoutKeyInLayer() {
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```layer", "stride 2", "```", "",
            "```filter f", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:8:1: expected 'key: value' in a layer block (stride, padding, "
                    + "dilation, activation, kernel)"
            ])
    }

    @Test func unknownBlockKindPointsAtTheWord() {
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```filter f", "1", "```", "",
            "```matrix", "1", "```", "", "  ```  json", "{}", "```")
        #expect(
            problems(text) == [
                "lesson.md:11:4: unknown block 'matrix'; expected input, layer or filter NAME "
                    + "(or text/python/sh for a code sample)",
                "lesson.md:15:8: unknown block 'json'; expected input, layer or filter NAME "
                    + "(or text/python/sh for a code sample)",
            ])
    }

    @Test func raggedRowTooLongPointsAtTheFirstExtraValue() {
        let text = source(
            "# T", "", "```input", "1 2 3", "4 5 6 7", "```", "", "```filter f", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:5:7: ragged grid: this row has 4 values but the first row has 3"
            ])
    }

    @Test func raggedRowTooShortPointsAtTheRow() {
        let text = source(
            "# T", "", "```input", "1 2 3", "4 5 6", "```", "", "```filter f", "1 0",
            "  1", "```")
        #expect(
            problems(text) == [
                "lesson.md:10:3: ragged grid: this row has 1 values but the first row has 2"
            ])
    }

    @Test func nonNumberPointsAtTheToken() {
        let text = source(
            "# T", "", "```input", "1, two, 3", "```", "", "```filter f", "bias: abc", "1",
            "```")
        #expect(
            problems(text) == [
                "lesson.md:4:4: 'two' is not a number",
                "lesson.md:8:7: 'abc' is not a number",
            ])
    }

    @Test func nanInfinityAndOverflowAreRefused() {
        let notFinite = "is not a finite number (NaN and infinity are not allowed)"
        let text = source(
            "# T", "", "```input", "1 NaN 3", "4 5 -inf", "1e309 8 9", "```", "",
            "```filter f", "bias: inf", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:4:3: 'NaN' \(notFinite)",
                "lesson.md:5:5: '-inf' \(notFinite)",
                "lesson.md:6:1: '1e309' \(notFinite)",
                "lesson.md:10:7: 'inf' \(notFinite)",
            ])
    }

    @Test func filterChannelsMustMatchTheInput() {
        let text = source(
            "# T", "", "```input", "1 2", "3 4", "", "5 6", "7 8", "```", "",
            "```filter flat", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:11:1: filter 'flat' has 1 channel(s) but its input has 2; separate "
                    + "channels with a blank line"
            ])
    }

    @Test func secondLayerFiltersNeedOneChannelPerFirstLayerFilter() {
        let text = source(
            "# T", "", "```input", "1 2", "3 4", "```", "",
            "```filter a", "1", "```", "```filter b", "2", "```", "",
            "```layer", "activation: relu", "```", "",
            "```filter mix", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:19:1: filter 'mix' has 1 channel(s) but its input has 2; separate "
                    + "channels with a blank line"
            ])
    }

    @Test func channelsOfDifferentSizesPointAtTheOddChannel() {
        let text = source(
            "# T", "", "```input", "1 2", "3 4", "", " 5 6", "```", "",
            "```filter f", "1", "", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:7:2: channel 2 is 1x2 but channel 1 is 2x2; every channel has the "
                    + "same size"
            ])
    }

    @Test func missingDataFilePointsAtItsName() {
        let text = source(
            "# T", "", "```input", "file:   data/missing.txt", "```", "",
            "```filter f", "1", "```")
        // Reported once: not also as an input with no rows.
        #expect(
            problems(text) == [
                "lesson.md:4:9: data file 'data/missing.txt' does not exist or cannot be read"
            ])
    }

    @Test func problemsInsideADataFileNameTheDataFile() {
        let text = source(
            "# T", "", "```input", "file: data/x.txt", "```", "", "```filter f", "1", "```")
        let data = "# a comment line\n1 2 3\n4 5\n"
        #expect(
            problems(text, files: ["data/x.txt": data]) == [
                "data/x.txt:3:1: ragged grid: this row has 2 values but the first row has 3"
            ])
    }

    @Test func inputBlockWithFileAndRows() {
        let text = source(
            "# T", "", "```input", "file: data/x.txt", "1 2", "```", "",
            "```filter f", "1", "```")
        #expect(
            problems(text, files: ["data/x.txt": "1 2\n"]) == [
                "lesson.md:5:1: an input block holds either 'file:' or rows of numbers, not both"
            ])
    }

    @Test func inputBlockWithTwoFiles() {
        let text = source(
            "# T", "", "```input", "file: data/x.txt", "  file: data/y.txt", "```", "",
            "```filter f", "1", "```")
        #expect(
            problems(text, files: ["data/x.txt": "1 2\n", "data/y.txt": "3 4\n"]) == [
                "lesson.md:5:3: an input block names one file"
            ])
    }

    @Test func secondInputBlock() {
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```input", "3 4", "```", "",
            "```filter f", "1", "```")
        #expect(problems(text) == ["lesson.md:7:1: a lesson has one input block"])
    }

    @Test func unclosedFencePointsAtItsOpening() {
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "  ```filter f", "1", "", "## Later")
        #expect(
            problems(text) == [
                "lesson.md:7:3: this ``` block is never closed; add a line with ``` after it"
            ])
    }

    @Test func missingTitle() {
        let text = source(
            "Convolution, step by step", "", "```input", "1 2", "```", "",
            "```filter f", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:1:1: a lesson starts with its title on a line like "
                    + "'# The sliding filter'"
            ])
    }

    @Test func emptyFileNamesEverythingMissing() {
        #expect(
            problems("\n\n") == [
                "lesson.md:1:1: the lesson has no title; start it with a line like "
                    + "'# The sliding filter'",
                "lesson.md:1:1: the lesson has no ```input block",
                "lesson.md:1:1: the lesson has no ```filter block",
            ])
    }

    @Test func secondTitle() {
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```filter f", "1", "```", "",
            "# Another")
        #expect(
            problems(text) == [
                "lesson.md:11:1: a lesson has one title; use '## Scene title' for each scene"
            ])
    }

    @Test func layerWithoutFilters() {
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```filter f", "1", "```", "",
            "```layer", "activation: tanh", "```")
        #expect(
            problems(text) == [
                "lesson.md:11:1: this layer has no filters; put ```filter blocks after the layer "
                    + "they belong to"
            ])
    }

    @Test func badLayerValuesPointAtTheValue() {
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```layer", "stride: 0",
            "dilation: 1001", "padding: wide", "padding: -1", "activation: softmax",
            "kernel: sideways", "```", "", "```filter f", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:8:9: stride must be a whole number from 1 to 1000, not '0'",
                "lesson.md:9:11: dilation must be a whole number from 1 to 1000, not '1001'",
                "lesson.md:10:10: padding must be a whole number from 0 to 1000, 'same' or "
                    + "'valid', not 'wide'",
                "lesson.md:11:10: padding must be a whole number from 0 to 1000, 'same' or "
                    + "'valid', not '-1'",
                "lesson.md:12:13: unknown activation 'softmax'; expected none, relu, leaky-relu, "
                    + "sigmoid, tanh",
                "lesson.md:13:9: kernel must be 'cross-correlation' or 'convolution'",
            ])
    }

    /// A border of a million cells would ask for terabytes of map; it is refused as the
    /// command line refuses it.
    @Test func hugePaddingIsRefusedRatherThanAllocated() {
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```layer", "padding: 1000001", "```",
            "", "```filter f", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:8:10: padding must be a whole number from 0 to 1000, 'same' or "
                    + "'valid', not '1000001'"
            ])
    }

    @Test func badWhenPointsAtTheValue() {
        let forms =
            "start, end, step N, layer L, activation [L], cell ROW COL [filter F] "
            + "[layer L]"
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```filter f", "1", "```", "",
            "## Soon", "when:  sometime", "", "## Half a cell", "when: cell 1", "",
            "## Bad key", "when: cell 1 1 map 2")
        #expect(
            problems(text) == [
                "lesson.md:12:8: 'sometime' is not a moment; use one of: \(forms)",
                "lesson.md:15:7: 'cell 1' is not a moment; use one of: \(forms)",
                "lesson.md:18:7: 'cell 1 1 map 2' is not a moment; use one of: \(forms)",
            ])
    }

    @Test func whenBeforeTheFirstScene() {
        let text = source(
            "# T", "when: end", "", "```input", "1 2", "```", "", "```filter f", "1", "```")
        #expect(
            problems(text) == [
                "lesson.md:2:1: the text before the first '##' scene always starts the lesson; "
                    + "'when:' belongs under a '## Scene' heading"
            ])
    }

    /// The lesson below has a 1x2 map, 1x1 filter: 2 cells x (1 + 3) = 8 fine steps.
    @Test func whenPastTheEndPointsAtTheValue() {
        let moment = "this lesson has no such moment (it has 8 fine steps, 1 layer(s))"
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```filter f", "1", "```", "",
            "## Fine", "when: step 8", "", "## Too late", "when: step 9", "",
            "## No such cell", "when: cell 1 3", "", "## No activation", "when: activation",
            "", "## No second layer", "when: layer 2", "", "## No second map",
            "when: cell 1 1 filter 2")
        #expect(
            problems(text) == [
                "lesson.md:15:7: \(moment)",
                "lesson.md:18:7: \(moment)",
                "lesson.md:21:7: \(moment)",
                "lesson.md:24:7: \(moment)",
                "lesson.md:27:7: \(moment)",
            ])
    }

    @Test func kernelLargerThanInputIsReportedAtItsLayer() {
        let text = source(
            "# T", "", "```input", "1 2 3", "4 5 6", "7 8 9", "```", "",
            "```layer", "dilation: 3", "```", "", "```filter f", "1 0", "0 1", "```")
        #expect(
            problems(text) == [
                "lesson.md:9:1: the filter spans 4 rows (with dilation) but the padded input "
                    + "has only 3"
            ])
    }

    @Test func kernelLargerThanInputWithoutALayerBlockIsReportedAtTheFilter() {
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```filter f", "1 2 3",
            "```")
        #expect(
            problems(text) == [
                "lesson.md:7:1: the filter spans 3 columns (with dilation) but the padded input "
                    + "has only 2"
            ])
    }

    /// Six mistakes in one file: all are reported, in the order of the file, and none
    /// hides another.
    @Test func severalProblemsAreAllReportedInFileOrder() {
        let text = source(
            "# T",  // 1
            "",  // 2
            "```input",  // 3
            "1 2 3",  // 4
            "4 x 6",  // 5
            "```",  // 6
            "",  // 7
            "```layer",  // 8
            "padding: lots",  // 9
            "```",  // 10
            "",  // 11
            "```filter f",  // 12
            "bias: 1/0",  // 13
            "1 0",  // 14
            "0 1 1",  // 15
            "```",  // 16
            "",  // 17
            "## Scene",  // 18
            "when: later",  // 19
            "",  // 20
            "```svg",  // 21
            "```")  // 22
        #expect(
            problems(text) == [
                "lesson.md:5:3: 'x' is not a number",
                "lesson.md:9:10: padding must be a whole number from 0 to 1000, 'same' or "
                    + "'valid', not 'lots'",
                "lesson.md:13:7: '1/0' is not a number",
                "lesson.md:15:5: ragged grid: this row has 3 values but the first row has 2",
                "lesson.md:19:7: 'later' is not a moment; use one of: start, end, step N, "
                    + "layer L, activation [L], cell ROW COL [filter F] [layer L]",
                "lesson.md:21:4: unknown block 'svg'; expected input, layer or filter NAME "
                    + "(or text/python/sh for a code sample)",
            ])
    }

    /// A refused filter is reported once: the layer is not also said to lack filters, and
    /// the next layer's channel count is not judged against a map that was never made.
    @Test func aRefusedFilterIsNotReportedAgainFurtherOn() {
        let text = source(
            "# T", "", "```input", "1 2", "```", "", "```filter a", "1 ?", "```",
            "```filter b", "1", "```", "", "```layer", "```", "", "```filter mix", "1", "",
            "1", "```")
        #expect(problems(text) == ["lesson.md:8:3: '?' is not a number"])
    }

    @Test func tabsCountAsOneColumnAndCRLFDoesNotShiftColumns() {
        let tabbed = "# T\n\n```input\n1\t2\tx\n```\n\n```filter f\n1\n```\n"
        #expect(problems(tabbed) == ["lesson.md:4:5: 'x' is not a number"])
        let crlf = tabbed.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(problems(crlf) == ["lesson.md:4:5: 'x' is not a number"])
        #expect(problems("\u{FEFF}" + crlf) == ["lesson.md:4:5: 'x' is not a number"])
    }
}
