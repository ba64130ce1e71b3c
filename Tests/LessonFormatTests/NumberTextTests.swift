import Testing

@testable import LessonFormat

@Suite struct NumberTextTests {
    func value(_ text: String) -> Double? {
        try? NumberText.parse(Substring(text)).get()
    }

    func failure(_ text: String) -> NumberText.Failure? {
        guard case .failure(let failure) = NumberText.parse(Substring(text)) else { return nil }
        return failure
    }

    @Test func readsIntegersDecimalsAndExponents() {
        #expect(value("3") == 3)
        #expect(value("+4") == 4)
        #expect(value("-2") == -2)
        #expect(value("0.25") == 0.25)
        #expect(value(".5") == 0.5)
        #expect(value("2.5e-3") == 0.0025)
        #expect(value("1E2") == 100)
        #expect(value("1e308") == 1e308)
    }

    @Test func readsFractions() {
        #expect(value("1/9") == 1.0 / 9.0)
        #expect(value("-3/4") == -0.75)
        #expect(value("1/-8") == -0.125)
        #expect(value("1e2/4") == 25)
    }

    @Test func negativeZeroReadsAsZero() {
        #expect(value("-0")?.sign == .plus)
        #expect(value("-0.0")?.sign == .plus)
        #expect(value("0/-5")?.sign == .plus)
        #expect(value("-0") == 0)
    }

    @Test func refusesOtherNotations() {
        for text in [
            "0x10", "0x1p3", "1_000", "one", "", "-", "1.2.3", "1/0", "/2", "1/",
            "1/2/3", "1,5",
        ] {
            #expect(failure(text) == .notANumber, "\(text)")
        }
    }

    @Test func refusesNaNAndInfinity() {
        for text in [
            "nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e309", "-1e309",
            "1/inf", "nan/2", "1e308/1e-10",
        ] {
            #expect(failure(text) == .notFinite, "\(text)")
        }
    }

    @Test func messagesQuoteTheToken() {
        #expect(NumberText.message(for: "x1", .notANumber) == "'x1' is not a number")
        #expect(
            NumberText.message(for: "inf", .notFinite)
                == "'inf' is not a finite number (NaN and infinity are not allowed)")
    }
}
