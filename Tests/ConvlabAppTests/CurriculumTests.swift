import ConvModel
import Foundation
import LessonFormat
import Testing

@testable import ConvlabApp

/// The bundled course: thirteen lessons that load cleanly, read well at 80x24, and compute the
/// numbers their narrative states. Expected numbers were worked out by hand or with NumPy,
/// outside this code base.
@Suite struct CurriculumTests {
    static let files = [
        "01-the-sliding-filter.md",
        "02-the-activation-map.md",
        "03-many-filters-many-maps.md",
        "04-channels.md",
        "05-stride-padding-dilation.md",
        "06-stacking-layers.md",
        "07-relu.md",
        "08-sigmoid-and-tanh.md",
        "09-vanishing-gradients.md",
        "10-dead-relus.md",
        "11-sparsity.md",
        "12-speed.md",
        "13-convolution-vs-cross-correlation.md",
    ]

    func load(_ file: String) throws -> Lesson {
        try LessonLoader.load(path: lessonsFolder + "/" + file)
    }

    /// Layer `layer`'s trace (from 1) in the lesson's network.
    func trace(_ file: String, layer: Int = 1) throws -> LayerTrace {
        try load(file).network().traces[layer - 1]
    }

    // MARK: - Every lesson

    @Test func theLessonListIsTheThirteenNumberedLessons() {
        let names = LessonLoader.lessonPaths(in: lessonsFolder)
            .map { ($0 as NSString).lastPathComponent }
        #expect(names == Self.files)
    }

    @Test func checkFindsNoProblemInAnyLesson() {
        let result = Command.check.run([lessonsFolder], CommandContext())
        #expect(result.status == ExitStatus.success, "\(result.errorOutput)")
        #expect(result.errorOutput == "")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == Self.files.count)
        #expect(lines.allSatisfy { $0.contains(": ok: ") })
    }

    /// Every scene starts at a real step, and scenes are written in the order they appear.
    @Test(arguments: files)
    func lessonLoadsAndEverySceneHasItsMoment(file: String) throws {
        let lesson = try load(file)
        let steps = StepSequence(network: try lesson.network(), granularity: .fine)
        let starts = lesson.scenes.map { $0.trigger.stepIndex(in: steps) }
        #expect(starts.allSatisfy { $0 != nil }, "\(file): a scene has no step")
        let known = starts.compactMap { $0 }
        #expect(known == known.sorted(), "\(file): scenes out of order")
    }

    // MARK: - Screens at 80x24

    /// First step, a mid step (often a prediction), the activation pass when there is one,
    /// and the last step.
    static let screens: [(String, [Int])] = [
        ("01-the-sliding-filter.md", [1, 73, 432]),
        ("02-the-activation-map.md", [1, 253, 432]),
        ("03-many-filters-many-maps.md", [1, 433, 864, 1296]),
        ("04-channels.md", [1, 29, 1080]),
        ("05-stride-padding-dilation.md", [1, 13, 781, 876]),
        ("06-stacking-layers.md", [1, 865, 949, 1211]),
        ("07-relu.md", [1, 437, 468]),
        ("08-sigmoid-and-tanh.md", [1, 433, 469, 648]),
        ("09-vanishing-gradients.md", [1, 6, 433, 468]),
        ("10-dead-relus.md", [1, 432, 601, 901, 936]),
        ("11-sparsity.md", [1, 433, 505, 648]),
        ("12-speed.md", [1, 433, 440, 468]),
        ("13-convolution-vs-cross-correlation.md", [1, 25, 432]),
    ]

    @Test(arguments: screens)
    func lessonScreensAt80x24(file: String, steps: [Int]) {
        let number = String(file.prefix(2))
        for step in steps {
            let result = Command.render.run(
                [lessonsFolder + "/" + file, "--step", String(step), "--size", "80x24"],
                CommandContext())
            #expect(result.status == 0, "\(result.errorOutput)")
            Snapshot.assert(result.output, named: "lesson-\(number)-step\(step)-80x24")
            #expect(!narrativeIsCut(result.output), "\(file) step \(step) is cut off")
        }
    }

    /// True when the scene text under the rule ends in an ellipsis, the mark of a scene too
    /// long for its room (the dot product's own ellipsis, above the rule, does not count).
    func narrativeIsCut(_ screen: String) -> Bool {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let rule = lines.firstIndex(where: { $0.hasPrefix("─") }) else { return true }
        return lines[(rule + 1)...].contains { line in
            line.split(separator: "│", maxSplits: 1).first?.contains("…") ?? false
        }
    }

    // MARK: - The numbers the lessons state

    /// The window under map cell (2, 1) of the handwritten 3: rows 2-4, columns 1-3.
    @Test func slidingFilterFirstCellOfRowTwo() throws {
        let map = try trace(Self.files[0]).preactivation
        // -1*(0+0+0) + 0*(8+2+0) + 1*(13+1+2) = 16
        #expect(map[1, 0, 0] == 16)
    }

    @Test func activationMapTracesTheSevensStroke() throws {
        let map = try trace(Self.files[1]).preactivation
        #expect(map[3, 3, 0] == 45)  // the prediction at (4, 4)
        #expect(map[5, 5, 0] == 0)  // blank paper at (6, 6)
        // The cells of 33 or more, (2,5) (3,4) (4,4) (5,3) (6,3), follow the stroke.
        var strong: [[Int]] = []
        for row in 0..<6 {
            for column in 0..<6 where map[row, column, 0] >= 33 {
                strong.append([row + 1, column + 1])
            }
        }
        #expect(strong == [[2, 5], [3, 4], [4, 4], [5, 3], [6, 3]])
    }

    @Test func manyFiltersMakeAMapEach() throws {
        let layer = try trace(Self.files[2])
        #expect(layer.output.channels == 3)
        #expect(layer.preactivation[0, 0, 1] == -1)  // the prediction: one inked cell x -1
        #expect(layer.preactivation.channel(0).values.max() == 54)
        #expect(layer.preactivation[3, 4, 0] == 54)
        #expect(layer.preactivation.channel(1).rows()[4] == [17, 36, 44, 36, 13, 2])
        #expect(layer.preactivation.channel(2).values.max() == 43)
    }

    /// NumPy on the photograph's crop: red sum 77, green 56, blue 36 under the first window.
    @Test func channelsSumOverDepthWithOneBias() throws {
        let layer = try trace(Self.files[3])
        #expect(layer.input.channels == 3)
        #expect(layer.input[0, 0, 0] == 11 && layer.input[0, 0, 1] == 8
                && layer.input[0, 0, 2] == 6)  // pixel (9, 12): RGB 170 127 93, x 16/255
        #expect(layer.preactivation[0, 0, 0] == -77 + 56 + 0 * 36 + 10)
        #expect(layer.preactivation.rows() == [
            [-11, -6, -3, -2, -5, -10],
            [-10, -3, 1, 3, -2, -7],
            [-8, -1, 2, 3, -1, -4],
            [-9, -3, 1, 2, -1, -4],
            [-12, -8, -4, -2, -3, -6],
            [-15, -13, -10, -9, -10, -12],
        ])
    }

    @Test func strideLessonSizesFollowTheFormula() throws {
        let network = try load(Self.files[4]).network()
        // floor((n + 2p - d(k-1) - 1) / s) + 1 per side.
        func size(n: Int, p: Int, d: Int, k: Int, s: Int) -> Int {
            (n + 2 * p - d * (k - 1) - 1) / s + 1
        }
        let first = network.traces[0].geometry
        #expect(first.paddingTop == 2 && first.paddingLeft == 2)
        #expect(first.outputHeight == size(n: 8, p: 2, d: 2, k: 3, s: 1))
        #expect(first.outputHeight == 8 && first.outputWidth == 8)
        let second = network.traces[1].geometry
        #expect(second.outputHeight == size(n: 8, p: 0, d: 1, k: 3, s: 2))
        #expect(second.outputHeight == 3 && second.outputWidth == 3)
        // Windows start on rows 1, 3, 5: row 8 and column 8 are never read.
        #expect(second.unreachedRows == [7] && second.unreachedColumns == [7])
        // The centre filter samples layer 1's map at rows and columns 2, 4, 6.
        #expect(network.traces[1].output.rows() == [[15, 19, -15], [15, 27, -15], [13, 12, -13]])
    }

    @Test func stackedLayerReadsTwoMapsAsChannels() throws {
        let network = try load(Self.files[5]).network()
        #expect(network.traces[1].input.channels == 2)
        #expect(network.traces[1].output.rows() == [
            [175, 128, 62, 57, 37],
            [146, 107, 23, 4, 16],
            [91, 86, 49, 29, 40],
            [54, 77, 108, 72, 26],
            [91, 141, 172, 91, 2],
        ])
        // What each map gives (NumPy): 175 at (1, 1) is 167 vertical + 8 horizontal, and
        // 172 at (5, 3) is 98 + 74, both kinds of edge.
        let maps = network.traces[0].output
        func part(_ channel: Int, _ row: Int, _ column: Int) -> Double {
            maps[row, column, channel] + maps[row, column + 1, channel]
                + maps[row + 1, column, channel] + maps[row + 1, column + 1, channel]
        }
        #expect(part(0, 0, 0) == 167 && part(1, 0, 0) == 8)
        #expect(part(0, 4, 2) == 98 && part(1, 4, 2) == 74)
    }

    @Test func reluLeavesFifteenZeros() throws {
        let layer = try trace(Self.files[6])
        #expect(layer.preactivation.values.filter { $0 < 0 }.count == 14)
        #expect(layer.output.values.filter { $0 == 0 }.count == 15)
        #expect(layer.preactivation[5, 4, 0] == -2 && layer.output[5, 4, 0] == 0)
    }

    @Test func tanhIsCentredAndSigmoidIsNot() throws {
        let network = try load(Self.files[7]).network()
        let tanh = network.traces[0].output
        #expect(abs(tanh[0, 0, 0] - 0.970451936613454) < 1e-12)  // tanh(2.1)
        // The first prediction, (3, 1): a sum of 0.3, and tanh(0.3) on screen as 0.29.
        #expect(abs(network.traces[0].preactivation[2, 0, 0] - 0.3) < 1e-12)
        #expect(abs(tanh[2, 0, 0] - 0.2913126124515909) < 1e-12)
        #expect(abs(tanh[4, 4, 0]) < 1e-12)  // a sum of 0 stays 0
        let sigmoid = network.traces[1].output
        // The second, (1, 1) of layer 2: sigmoid(tanh(2.1)) = sigmoid(0.97), on screen 0.73.
        #expect(abs(sigmoid[0, 0, 0] - 0.7252095691778621) < 1e-12)
        #expect(abs(sigmoid[4, 4, 0] - 0.5) < 1e-12)
        // Every output lies between sigmoid(-1) and sigmoid(1): 0.27 to 0.73.
        #expect(abs(sigmoid.values.min()! - 0.26904940575331965) < 1e-12)
        #expect(abs(sigmoid.values.max()! - 0.7305240409109371) < 1e-12)
    }

    @Test func vanishingLessonLayerIsSigmoid() throws {
        let layer = try trace(Self.files[8])
        #expect(abs(layer.output[0, 0, 0] - 0.8909031788043871) < 1e-12)  // sigmoid(2.1)
        #expect(layer.output.values.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func deadUnitNeverFires() throws {
        let layer = try trace(Self.files[9])
        let dead = layer.output.channel(1)
        #expect(dead.values.allSatisfy { $0 == 0 })
        // Its best sum is the live map's best, 33, less the bias of 50, at (3, 3).
        let best: Double = 33 - 50
        #expect(layer.preactivation.channel(1).values.max() == best)
        #expect(layer.preactivation[2, 2, 1] == best)
        #expect(layer.output.channel(0).values.filter { $0 == 0 }.count == 15)
    }

    @Test func reluIsSparseAndSigmoidIsNot() throws {
        let network = try load(Self.files[10]).network()
        #expect(network.traces[0].output.values.filter { $0 == 0 }.count == 17)
        #expect(network.traces[0].preactivation[4, 2, 0] == -1)
        let sigmoid = network.traces[1].output
        #expect(sigmoid.values.filter { $0 == 0 }.isEmpty)
        #expect(sigmoid[0, 4, 0] == 0.5)
    }

    @Test func speedLessonPredictionIsAZero() throws {
        let layer = try trace(Self.files[11])
        #expect(layer.preactivation[0, 2, 0] == -8 && layer.output[0, 2, 0] == 0)
        #expect(layer.output.values.filter { $0 == 0 }.count == 18)
    }

    /// SciPy's convolve2d(digit, corner, 'valid') is the digit moved up and left by two.
    @Test func convolutionTurnsTheFilter() throws {
        let layer = try trace(Self.files[12])
        #expect(layer.appliedFilters[0].weights.rows() == [[0, 0, 0], [0, 0, 0], [0, 0, 1]])
        #expect(layer.preactivation[0, 2, 0] == 13)
        for row in 0..<6 {
            for column in 0..<6 {
                #expect(layer.preactivation[row, column, 0] == layer.input[row + 2, column + 2, 0])
            }
        }
    }
}
