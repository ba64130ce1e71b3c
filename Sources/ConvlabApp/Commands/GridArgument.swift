import ConvModel
import Foundation
import ImageFormats
import LessonFormat

/// Reads a `--input`/`--filter` value: a file path if one exists by that name, else GRID text.
enum GridArgument {
    static func read(_ flag: String, _ text: String, workingDirectory: String) throws -> Grid {
        let path = text.hasPrefix("/") ? text
            : (workingDirectory as NSString).appendingPathComponent(text)
        let looksLikePath = !text.contains(";") && !text.contains(" ") && !text.contains(",")
            && !text.contains("|")
        let isImageName = ImageFile.extensions.contains(
            (text as NSString).pathExtension.lowercased())
        if looksLikePath && isImageName && !FileManager.default.fileExists(atPath: path) {
            throw MissingFileError("\(flag): no such image file '\(text)'")
        }
        if looksLikePath && FileManager.default.fileExists(atPath: path) {
            // Told by its first bytes, so a PGM saved as .txt still reads as an image.
            if ImageFile.isImage(path: path) {
                do {
                    return try ImageFile.read(path: path, name: text)
                } catch {
                    throw DataError(error.description)
                }
            }
            guard let data = LessonLoader.readDataFile(path) else {
                throw UsageError("\(flag): cannot read '\(text)'")
            }
            switch data.contents {
            case .success(let grid): return grid
            case .failure(let problems): throw DataError(problems.description)
            }
        }
        do {
            return try GridText.parse(text)
        } catch {
            if looksLikePath && text.contains(where: { $0.isLetter }) {
                throw UsageError("\(flag): '\(text)' is neither an existing file nor a grid"
                                 + (flag == "--filter" ? " nor a preset ("
                                    + FilterPreset.names.joined(separator: ", ") + ")" : ""))
            }
            throw UsageError("\(flag): \(error.description) of '\(text)'; a grid is written "
                             + "like \"1 2; 3 4\" (rows split by ';', channels by '|')")
        }
    }
}

/// A file named on the command line that does not exist (exit 66).
struct MissingFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Bad data in a file named on the command line (exit 65).
struct DataError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
