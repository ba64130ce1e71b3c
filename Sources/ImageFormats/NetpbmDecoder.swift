import ConvModel

/// Decodes netpbm graymaps and pixmaps: PGM (`P2` plain, `P5` binary) and PPM (`P3` plain,
/// `P6` binary), with any maxval from 1 to 65535 and `#` comments in the header.
///
/// Binary samples take one byte when maxval is below 256 and two (most significant first)
/// otherwise. Every sample is scaled to 0...255 as `sample * 255 / maxval`, so a maxval-16
/// digit and an 8-bit photograph land on the same scale.
enum NetpbmDecoder {
    /// Whether the bytes start like a netpbm file (`P1` to `P7`), supported kind or not.
    static func hasSignature(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == UInt8(ascii: "P")
            && (UInt8(ascii: "1")...UInt8(ascii: "7")).contains(bytes[1])
    }

    static func decode(_ bytes: [UInt8], file: String) throws(ImageError) -> Grid {
        guard hasSignature(bytes) else {
            throw ImageError(file: file, kind: .badSignature,
                             problem: "not a PGM or PPM file (it does not start with P2, P3, "
                                 + "P5 or P6)")
        }
        let kind = bytes[1]
        let plain: Bool
        let channels: Int
        switch kind {
        case UInt8(ascii: "2"): (plain, channels) = (true, 1)
        case UInt8(ascii: "3"): (plain, channels) = (true, 3)
        case UInt8(ascii: "5"): (plain, channels) = (false, 1)
        case UInt8(ascii: "6"): (plain, channels) = (false, 3)
        default:
            throw ImageError(
                file: file, kind: .badSignature,
                problem: "netpbm kind P\(Character(Unicode.Scalar(kind))) is not read; convlab "
                    + "reads PGM (P2, P5) and PPM (P3, P6)")
        }
        var reader = NetpbmReader(bytes: bytes, offset: 2, file: file)
        let width = try reader.headerNumber("width")
        let height = try reader.headerNumber("height")
        let maxval = try reader.headerNumber("maxval")
        guard (1...65535).contains(maxval) else {
            throw ImageError(file: file, kind: .malformed,
                             problem: "maxval is \(maxval); it must be from 1 to 65535")
        }
        try ImageLimits.check(width: width, height: height, channels: channels, file: file)

        var grid = Grid(height: height, width: width, channels: channels)
        if !plain {
            // Exactly one whitespace byte separates the header from the raster.
            try reader.skipOneWhitespace()
        }
        let scale = Double(maxval)
        for row in 0..<height {
            for column in 0..<width {
                for channel in 0..<channels {
                    let sample = plain
                        ? try reader.plainSample()
                        : try reader.binarySample(wide: maxval > 255)
                    guard sample <= maxval else {
                        throw ImageError(
                            file: file, kind: .malformed,
                            problem: "pixel (\(row + 1),\(column + 1)) has value \(sample), "
                                + "above the maxval \(maxval)")
                    }
                    grid[row, column, channel] = Double(sample) * 255 / scale
                }
            }
        }
        return grid
    }
}

/// A cursor over a netpbm file's bytes.
private struct NetpbmReader {
    let bytes: [UInt8]
    var offset: Int
    let file: String

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private func truncated(_ what: String) -> ImageError {
        ImageError(file: file, kind: .truncated,
                   problem: "the file ends early (truncated) while reading \(what)")
    }

    /// Skips whitespace and `#` comments (to the end of their line).
    private mutating func skipSpaceAndComments() {
        while offset < bytes.count {
            if isSpace(bytes[offset]) {
                offset += 1
            } else if bytes[offset] == UInt8(ascii: "#") {
                while offset < bytes.count && bytes[offset] != 0x0A && bytes[offset] != 0x0D {
                    offset += 1
                }
            } else {
                return
            }
        }
    }

    /// A decimal number; `what` names it in messages.
    private mutating func number(_ what: String) throws(ImageError) -> Int {
        skipSpaceAndComments()
        guard offset < bytes.count else { throw truncated(what) }
        var value = 0
        var digits = 0
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset])
        {
            // Past nine digits the number is over every limit anyway; stop before overflow.
            if digits < 9 { value = value * 10 + Int(bytes[offset] - UInt8(ascii: "0")) }
            digits += 1
            offset += 1
        }
        guard digits > 0 else {
            let found = Character(Unicode.Scalar(bytes[offset]))
            throw ImageError(file: file, kind: .malformed,
                             problem: "expected a number for \(what), found '\(found)'")
        }
        return digits > 9 ? Int.max : value
    }

    mutating func headerNumber(_ what: String) throws(ImageError) -> Int {
        let value = try number("the \(what) in the header")
        if offset < bytes.count, !isSpace(bytes[offset]), bytes[offset] != UInt8(ascii: "#") {
            let found = Character(Unicode.Scalar(bytes[offset]))
            throw ImageError(file: file, kind: .malformed,
                             problem: "unexpected '\(found)' after the \(what) in the header")
        }
        return value
    }

    mutating func skipOneWhitespace() throws(ImageError) {
        guard offset < bytes.count else { throw truncated("the pixels") }
        offset += 1
    }

    mutating func plainSample() throws(ImageError) -> Int {
        try number("the pixels")
    }

    mutating func binarySample(wide: Bool) throws(ImageError) -> Int {
        let size = wide ? 2 : 1
        guard offset + size <= bytes.count else { throw truncated("the pixels") }
        defer { offset += size }
        return wide ? Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) : Int(bytes[offset])
    }
}
