import ConvModel
import ImageFormats

/// The `resize: WxH` and `gray: yes` lines of an input block, which convert the image (or
/// grid) named by its `file:` line after it is read.
struct InputImageKeys {
    static let names: Set<String> = ["resize", "gray"]

    private(set) var options = ImageOptions()
    /// Where the first of these keys was written, to point at when there is no `file:`.
    private(set) var firstKey: SourceLocation?
    private var grayValue: SourceLocation?

    /// Reads one `resize:` or `gray:` line, reporting a bad value at its column.
    mutating func read(_ pair: KeyValue, line: LessonLine, file: String,
                       problems: inout [LessonProblem]) {
        firstKey = firstKey ?? SourceLocation(file: file, line: line.number, column: pair.keyColumn)
        let valueAt = SourceLocation(file: file, line: line.number, column: pair.valueColumn)
        if pair.key == "resize" {
            guard let size = ImageSize(pair.value) else {
                problems.append(LessonProblem(
                    valueAt, "resize must be \(ImageSize.form), not '\(pair.value)'"))
                return
            }
            options.resize = size
            return
        }
        switch pair.value.lowercased() {
        case "yes", "true": options.gray = true
        case "no", "false": options.gray = false
        default:
            problems.append(LessonProblem(
                valueAt, "gray must be 'yes' or 'no', not '\(pair.value)'"))
            return
        }
        grayValue = valueAt
    }

    /// Reports keys written without a `file:` line to act on.
    func checkHasFile(problems: inout [LessonProblem]) {
        guard let firstKey else { return }
        problems.append(LessonProblem(
            firstKey, "'resize:' and 'gray:' convert a file; add a 'file:' line naming an image"))
    }

    /// The grid after the conversions, or nil (reported) when gray does not apply.
    func apply(to grid: Grid, problems: inout [LessonProblem]) -> Grid? {
        switch options.apply(to: grid) {
        case .success(let converted): return converted
        case .failure(let problem):
            if let grayValue { problems.append(LessonProblem(grayValue, problem.message)) }
            return nil
        }
    }
}
