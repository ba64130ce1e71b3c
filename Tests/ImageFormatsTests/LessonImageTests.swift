import ConvModel
import Foundation
import ImageFormats
import LessonFormat
import Testing

/// `file: data/x.png` in a lesson's input block, with `resize:` and `gray:`.
@Suite struct LessonImageTests {
    /// A lesson folder with `data/` holding copies of the named fixtures.
    private func lessonFolder(_ fixtures: [String]) throws -> String {
        let folder = NSTemporaryDirectory() + "convlab-images-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/data",
                                                withIntermediateDirectories: true)
        for name in fixtures {
            let target = folder + "/data/" + (name as NSString).lastPathComponent
            try FileManager.default.copyItem(atPath: fixture(name), toPath: target)
        }
        return folder
    }

    /// Writes lesson.md (input block from `inputLines`, then a 3x3 edge filter) and loads it.
    private func load(_ inputLines: [String], fixtures: [String]) throws
        -> Result<Lesson, LessonProblems>
    {
        let folder = try lessonFolder(fixtures)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = (["# Edges", "", "```input"] + inputLines
            + ["```", "", "```filter", "-1 0 1", "-1 0 1", "-1 0 1", "```", ""])
            .joined(separator: "\n")
        let path = folder + "/lesson.md"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            return .success(try LessonLoader.load(path: path))
        } catch {
            // Locations name the temporary folder; keep the part a reader checks.
            let shortened = error.problems.map { problem in
                var copy = problem
                copy.location.file = (problem.location.file as NSString).lastPathComponent
                return copy
            }
            return .failure(LessonProblems(shortened))
        }
    }

    private func messages(_ result: Result<Lesson, LessonProblems>) -> [String] {
        guard case .failure(let problems) = result else { return [] }
        return problems.problems.map(\.description)
    }

    @Test func readsAPNGAsTheInput() throws {
        let lesson = try load(["file: data/camera-64.png"], fixtures: ["camera-64.png"]).get()
        expectMatches(lesson.input, expectedFiles["camera-64.png"]!, "lesson input")
        #expect(lesson.inputSource == "data/camera-64.png")
    }

    @Test func resizeAndGrayApply() throws {
        let lesson = try load(["file: data/chelsea-binary.ppm", "resize: 17x13", "gray: yes"],
                              fixtures: ["chelsea-binary.ppm"]).get()
        expectMatches(lesson.input, expectedDerived["chelsea-gray-17x13"]!, "lesson input")
        let resized = try load(["  resize: 24x20", "file: data/camera-64.png"],
                               fixtures: ["camera-64.png"]).get()
        expectMatches(resized.input, expectedDerived["camera-24x20"]!, "lesson input")
    }

    @Test func problemsPointAtTheLessonLine() throws {
        #expect(messages(try load(["file: data/truncated.png"],
                                  fixtures: ["broken/truncated.png"]))
                == ["lesson.md:4:7: image 'data/truncated.png': the file ends early (truncated)"])
        #expect(messages(try load(["file: data/not-an-image.png"],
                                  fixtures: ["broken/not-an-image.png"]))
                == ["lesson.md:4:7: image 'data/not-an-image.png': not a PNG, PGM or PPM image "
                    + "(unknown signature)"])
        #expect(messages(try load(["file: data/camera-64.png", "resize: 0x9", "gray: maybe"],
                                  fixtures: ["camera-64.png"]))
                == ["lesson.md:5:9: resize must be WIDTHxHEIGHT with whole numbers from 1 to "
                    + "4096, such as 32x24, not '0x9'",
                    "lesson.md:6:7: gray must be 'yes' or 'no', not 'maybe'"])
        #expect(messages(try load(["1 2", "3 4", "gray: yes"], fixtures: []))
                == ["lesson.md:6:1: 'resize:' and 'gray:' convert a file; add a 'file:' line "
                    + "naming an image"])
        #expect(messages(try load(["file: data/camera-64.png", "scale: 2"],
                                  fixtures: ["camera-64.png"]))
                == ["lesson.md:5:1: unknown key 'scale' in input; expected file, resize, gray"])
    }
}
