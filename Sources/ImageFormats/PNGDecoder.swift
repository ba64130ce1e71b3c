import CPNG
import ConvModel

/// Decodes PNG files through libpng: 1-, 2-, 4-, 8- and 16-bit grayscale, gray with alpha,
/// RGB, RGBA and palette images, interlaced or not.
///
/// Palette entries become RGB and alpha is dropped, so the grid has one channel (gray) or
/// three (red, green, blue). Samples are scaled to 0...255 as `sample * 255 / (2^depth - 1)`:
/// 8-bit values stay as they are, a 16-bit sample `s` becomes `s / 257` (not rounded), and
/// 1-, 2- and 4-bit gray is spread over 0...255 by libpng (1-bit: 0 and 255).
enum PNGDecoder {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func decode(_ bytes: [UInt8], file: String) throws(ImageError) -> Grid {
        try checkHeaderSize(bytes, file: file)
        var image = convlab_png_image()
        let status = bytes.withUnsafeBufferPointer { buffer in
            convlab_png_decode(buffer.baseAddress, buffer.count,
                               UInt32(ImageLimits.maximumSide),
                               UInt64(ImageLimits.maximumValues), &image)
        }
        defer { convlab_png_free(&image) }
        let message = withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch Int(status) {
        case CONVLAB_PNG_OK: break
        case CONVLAB_PNG_NOT_PNG:
            throw ImageError(file: file, kind: .badSignature,
                             problem: "not a PNG file (the PNG signature is missing)")
        case CONVLAB_PNG_TOO_LARGE:
            let channels = image.file_color_type & PNG_COLOR_MASK_COLOR != 0 ? 3 : 1
            try ImageLimits.check(width: Int(image.width), height: Int(image.height),
                                  channels: channels, file: file)
            throw ImageError(file: file, kind: .tooLarge, problem: "the image is too large")
        case CONVLAB_PNG_NO_MEMORY:
            throw ImageError(file: file, kind: .unreadable,
                             problem: "out of memory while decoding the PNG")
        default:
            throw Self.error(libpngMessage: message, file: file)
        }
        return try grid(from: image, file: file)
    }

    /// libpng reports a zero width only as a warning followed by "Invalid IHDR data", so the
    /// size is read from the header chunk, which the format fixes at bytes 16 to 23.
    private static func checkHeaderSize(_ bytes: [UInt8], file: String) throws(ImageError) {
        guard bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) else { return }
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        if width == 0 || height == 0 {
            throw ImageError(file: file, kind: .zeroSize,
                             problem: "the image is \(width)x\(height); it has no pixels")
        }
    }

    /// Sorts libpng's own words into our kinds; the message itself is kept for the student.
    private static func error(libpngMessage message: String, file: String) -> ImageError {
        let lowered = message.lowercased()
        if lowered.contains("truncated") {
            // Our own reader's words (see the shim), already complete.
            return ImageError(file: file, kind: .truncated, problem: message)
        }
        if lowered.contains("not enough image data") || lowered.contains("read error") {
            return ImageError(file: file, kind: .truncated,
                              problem: "the PNG data ends early (truncated): libpng says "
                                  + "'\(message)'")
        }
        return ImageError(file: file, kind: .malformed,
                          problem: "bad PNG data: libpng says '\(message)'")
    }

    private static func grid(from image: convlab_png_image, file: String) throws(ImageError)
        -> Grid
    {
        let width = Int(image.width)
        let height = Int(image.height)
        let samples = Int(image.channels)
        // Two samples mean gray + alpha, four RGB + alpha: the alpha sample is skipped.
        let channels = samples >= 3 ? 3 : 1
        try ImageLimits.check(width: width, height: height, channels: channels, file: file)
        guard let pixels = image.pixels else {
            throw ImageError(file: file, kind: .malformed, problem: "libpng returned no pixels")
        }
        let wide = image.bytes_per_sample == 2
        let maxval = wide ? 65535.0 : 255.0
        var grid = Grid(height: height, width: width, channels: channels)
        for row in 0..<height {
            let rowStart = pixels + row * image.row_bytes
            for column in 0..<width {
                for channel in 0..<channels {
                    let index = column * samples + channel
                    let sample = wide
                        ? Int(rowStart[2 * index]) << 8 | Int(rowStart[2 * index + 1])
                        : Int(rowStart[index])
                    grid[row, column, channel] = Double(sample) * 255 / maxval
                }
            }
        }
        return grid
    }
}
