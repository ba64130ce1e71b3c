import ConvModel
import Foundation

/// Reads PNG, PGM and PPM files into grids: H x W x C with C = 1 (gray) or 3 (red, green,
/// blue), values on the 0...255 scale whatever the file's bit depth or maxval.
///
/// The format is told by the file's first bytes, not its name, so a photograph saved with the
/// wrong extension still reads, and a text file called `.png` is reported as not a PNG.
public enum ImageFile {
    /// File name endings that mean "this should be an image" even when the bytes disagree.
    public static let extensions: Set<String> = ["png", "pgm", "ppm", "pnm"]

    /// Whether `path` should be read as an image: its bytes start with a PNG or netpbm
    /// signature, or its name ends in an image extension.
    public static func isImage(path: String) -> Bool {
        let ending = (path as NSString).pathExtension.lowercased()
        if extensions.contains(ending) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        return hasSignature(head)
    }

    /// Whether the bytes start with the PNG signature or a netpbm `P1`...`P7` magic number.
    public static func hasSignature(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: PNGDecoder.signature) || NetpbmDecoder.hasSignature(bytes)
    }

    /// Reads and decodes the image at `path`; `name` is how messages call it (by default
    /// the path).
    ///
    /// - Throws: `ImageError` naming the file and the problem.
    public static func read(path: String, name: String? = nil) throws(ImageError) -> Grid {
        let shown = name ?? path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImageError(file: shown, kind: .unreadable,
                             problem: "cannot be read (missing, a folder, or no permission)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: ImageLimits.maximumFileBytes + 1) ?? Data()
        } catch {
            throw ImageError(file: shown, kind: .unreadable,
                             problem: "cannot be read (is it a folder?)")
        }
        guard data.count <= ImageLimits.maximumFileBytes else {
            throw ImageError(file: shown, kind: .tooLarge,
                             problem: "the file is larger than "
                                 + "\(ImageLimits.maximumFileBytes >> 20) MiB")
        }
        return try decode([UInt8](data), file: shown)
    }

    /// Decodes a whole file held in memory.
    public static func decode(_ bytes: [UInt8], file: String) throws(ImageError) -> Grid {
        if bytes.isEmpty {
            throw ImageError(file: file, kind: .truncated, problem: "the file is empty")
        }
        if bytes.starts(with: PNGDecoder.signature) {
            return try PNGDecoder.decode(bytes, file: file)
        }
        if NetpbmDecoder.hasSignature(bytes) {
            return try NetpbmDecoder.decode(bytes, file: file)
        }
        if PNGDecoder.signature.starts(with: bytes) {
            throw ImageError(file: file, kind: .truncated,
                             problem: "the file ends inside the PNG signature (truncated)")
        }
        throw ImageError(file: file, kind: .badSignature,
                         problem: "not a PNG, PGM or PPM image (unknown signature)")
    }
}
