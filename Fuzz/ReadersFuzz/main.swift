// libFuzzer entry point for everything convlab reads from outside: lesson files, data files,
// the command line's grid text and numbers. Built by `Fuzz/run`, not by SwiftPM.
//
// The first byte picks the reader, so one corpus and one run cover them all; the rest is the
// input. Besides "does not crash", each mode checks a promise the rest of the app relies on,
// and traps (a finding) when it is broken.
import ConvModel
import ConvlabApp
import Foundation
import ImageFormats
@testable import LessonFormat
import ScreenModel

/// The readers, by the first byte of an input modulo their count.
enum Reader: UInt8, CaseIterable {
    /// Lesson text, then optionally NUL and the text of the data file it names.
    case lesson
    /// `--input "1 2; 3 4 | 5 6; 7 8"`.
    case gridText
    /// A data file on its own.
    case dataFile
    /// Eight bytes of a Double's bit pattern and one byte of cell width.
    case numberFormat
    /// A PNG, PGM or PPM file's bytes.
    case image
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    guard count >= 1 else { return 0 }
    let reader = Reader(rawValue: bytes[0] % UInt8(Reader.allCases.count))!
    let body = UnsafeBufferPointer(start: bytes + 1, count: count - 1)
    switch reader {
    case .lesson: fuzzLesson(body)
    case .gridText: _ = try? GridText.parse(String(decoding: body, as: UTF8.self))
    case .dataFile: fuzzDataFile(String(decoding: body, as: UTF8.self))
    case .numberFormat: fuzzNumberFormat(body)
    case .image: fuzzImage(Array(body))
    }
    return 0
}

func fuzzDataFile(_ text: String) {
    var problems: [LessonProblem] = []
    let grid = GridBlock.parseFile(text, file: "data.txt", problems: &problems)
    // Either a grid or a reason, never both and never neither.
    precondition((grid == nil) != problems.isEmpty, "data file: grid and problems disagree")
    if let grid { precondition(grid.values.allSatisfy(\.isFinite), "non-finite value read") }
}

func fuzzLesson(_ body: UnsafeBufferPointer<UInt8>) {
    let split = body.firstIndex(of: 0) ?? body.count
    let lessonText = String(decoding: body[..<split], as: UTF8.self)
    let dataText = split < body.count
        ? String(decoding: body[(split + 1)...], as: UTF8.self) : nil
    let parser = LessonParser(path: "fuzz.md") { name in
        guard let dataText else { return nil }
        var problems: [LessonProblem] = []
        let grid = GridBlock.parseFile(dataText, file: name, problems: &problems)
        let contents: Result<Grid, LessonProblems> =
            grid.map { .success($0) } ?? .failure(LessonProblems(problems))
        return LessonParser.DataFile(path: name, contents: contents)
    }
    let lesson: Lesson
    do {
        lesson = try parser.parse(lessonText)
    } catch {
        precondition(!error.problems.isEmpty, "a refused lesson must say why")
        for problem in error.problems {
            precondition(problem.location.line >= 1 && problem.location.column >= 1,
                         "problem without a location: \(problem)")
        }
        return
    }
    renderEverywhere(lesson)
}

/// Opens a lesson that parsed and draws its first, middle and last steps at a normal and a
/// tiny size; no cell may hold a character that would act on the terminal.
func renderEverywhere(_ lesson: Lesson) {
    let entry = LessonEntry(path: lesson.path, content: .success(lesson))
    for (width, height) in [(80, 24), (7, 3)] {
        var state = opening(0, in: AppState(lessons: [entry], width: width, height: height))
        guard var session = state.session else {
            preconditionFailure("a lesson that parsed must open")
        }
        for index in [0, session.steps.count / 2, session.steps.count - 1] {
            session.go(to: index)
            state.session = session
            checkPrintable(view(state))
        }
        state.mode = .lessonList
        checkPrintable(view(state))
    }
}

func checkPrintable(_ screen: Screen) {
    for cell in screen.cells {
        for scalar in cell.character.unicodeScalars {
            let value = scalar.value
            precondition(value >= 0x20 && value != 0x7F && !(0x80..<0xA0).contains(value),
                         "control character U+\(String(value, radix: 16)) reached a cell")
        }
    }
}

func fuzzNumberFormat(_ body: UnsafeBufferPointer<UInt8>) {
    guard body.count >= 9 else { return }
    var bits: UInt64 = 0
    for index in 0..<8 { bits = bits << 8 | UInt64(body[index]) }
    let value = Double(bitPattern: bits)
    let width = Int(body[8] % 16)
    let text = NumberFormat.format(value, width: width)
    precondition(text.count <= max(width, 0), "'\(text)' is wider than \(width) for \(value)")
    precondition(text.allSatisfy { $0.isASCII }, "non-ASCII number text '\(text)'")
}

func fuzzImage(_ bytes: [UInt8]) {
    guard let grid = try? ImageFile.decode(bytes, file: "fuzz.png") else { return }
    precondition(grid.channels == 1 || grid.channels == 3, "\(grid.channels) channels")
    precondition(grid.height * grid.width * grid.channels <= ImageLimits.maximumValues,
                 "an image over the size limit was decoded")
    precondition(grid.values.allSatisfy { $0 >= 0 && $0 <= 255 }, "a value off the 0...255 scale")
    // What a lesson's `gray:` and `resize:` keys do next.
    let options = ImageOptions(resize: ImageSize(width: 7, height: 5), gray: true)
    guard case .success(let small) = options.apply(to: grid) else {
        preconditionFailure("gray refused a decoded image")
    }
    precondition(small.height == 5 && small.width == 7 && small.channels == 1,
                 "resize gave \(small.height)x\(small.width)x\(small.channels)")
}
