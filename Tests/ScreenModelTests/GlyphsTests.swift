import Testing

@testable import ScreenModel

@Suite struct GlyphsTests {
    @Test func utf8LocalesGetUnicode() {
        #expect(Glyphs.forTerminal(codeset: "UTF-8", term: "tmux-256color") == .unicode)
        #expect(Glyphs.forTerminal(codeset: "utf8", term: nil) == .unicode)
    }

    @Test func otherLocalesAndDumbTerminalsGetASCII() {
        #expect(Glyphs.forTerminal(codeset: "ANSI_X3.4-1968", term: "xterm") == .ascii)
        #expect(Glyphs.forTerminal(codeset: "ISO-8859-1", term: "xterm") == .ascii)
        #expect(Glyphs.forTerminal(codeset: "UTF-8", term: "dumb") == .ascii)
    }

    @Test func asciiGlyphsAreAllASCII() {
        let glyphs = Glyphs.ascii
        let characters: [Character] =
            [
                glyphs.topLeft, glyphs.topRight, glyphs.bottomLeft, glyphs.bottomRight,
                glyphs.horizontal, glyphs.vertical, glyphs.teeLeft, glyphs.teeRight,
                glyphs.arrowUp, glyphs.arrowDown, glyphs.arrowLeft, glyphs.arrowRight,
                glyphs.plotMark, glyphs.plotLowMark,
            ] + Array(glyphs.ellipsis)
        #expect(characters.allSatisfy { $0.isASCII })
        #expect(!glyphs.usesBraille)
    }
}
