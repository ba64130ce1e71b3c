import Foundation
import ScreenModel
import Testing
@testable import ConvlabApp

@Suite struct NarrativeScrollTests {
    /// A lesson whose opening scene has twelve numbered sentences, far more than 80x24 shows.
    let lessonText = """
        # Long story

        \((1...12).map { "Sentence number \($0) of the opening scene, long enough to wrap." }
            .joined(separator: "\n\n"))

        ```input
        1 2 0
        0 1 3
        2 0 1
        ```

        ```filter
        1 0
        0 1
        ```

        ## Next scene
        when: cell 1 2

        Short.
        """

    @Test func aLongSceneScrollsAndSaysHowMuchIsLeft() throws {
        let path = try writeLesson(lessonText)
        var state = AppState(lessons: InteractiveOptions.load([path]), width: 80, height: 24)
        state = opening(0, in: state)
        var screen = view(state).plainText()
        #expect(screen.contains("Sentence number 1 of"))
        #expect(!screen.contains("Sentence number 12 of"))
        let hint = try #require(screen.split(separator: "\n").first { $0.contains("PgDn more") })
        #expect(hint.contains("lines 1-9 of 24"))
        // One PgDn moves a page less one line: the last line in view stays as the first.
        state = update(state, .key(.pageDown))
        #expect(view(state).plainText().contains("lines 9-17 of 24"))
        state = update(state, .key(.pageUp))

        // Paging down far enough shows the end, and the hint points back up.
        for _ in 0..<20 { state = update(state, .key(.pageDown)) }
        screen = view(state).plainText()
        #expect(screen.contains("Sentence number 12 of"))
        #expect(!screen.contains("Sentence number 1 of"))
        #expect(screen.contains("PgUp back"))
        // 24 lines, 9 in view (a row goes to the scroll line): the last page starts at line
        // 16 (offset 15), and PgUp goes back a page less one line, 8.
        #expect(state.session?.narrativeOffset == 15)
        state = update(state, .key(.pageUp))
        #expect(state.session?.narrativeOffset == 7)
        #expect(view(state).plainText().contains("lines 8-16 of 24"))

        // A new scene starts at its top.
        state = update(state, .key(.character("G")))
        #expect(state.session?.narrativeOffset == 0)
        #expect(view(state).plainText().contains("Short."))
    }
}
