import ConvModel
import Foundation
import Testing
@testable import ConvlabApp

@Suite struct PlaceholderTests {
    let lessonText = """
        # Placeholders

        ```input
        1 2 0 1
        0 1 3 1
        2 0 1 1
        ```

        ```layer
        stride: 2
        padding: 1
        ```

        ```filter
        1 0
        0 1
        ```

        ## Shapes
        when: step 2

        {pytorch}

        ## Speed
        when: step 3

        {bench}
        """

    func state(at key: Int) throws -> AppState {
        let path = try writeLesson(lessonText)
        var state = AppState(lessons: InteractiveOptions.load([path]), width: 120, height: 40)
        state = opening(0, in: state)
        for _ in 0..<key { state = update(state, .key(.right)) }
        return state
    }

    @Test func pytorchBecomesTheCallAndItsShape() throws {
        let screen = try view(state(at: 1)).plainText().replacingOccurrences(of: "\n", with: " ")
        // Output size per side: floor((n + 2 - 1 - 1) / 2) + 1: 3 rows -> 2, 4 columns -> 3.
        #expect(screen.contains("nn.Conv2d(in_channels=1, out_channels=1"), "\(screen)")
        #expect(screen.contains("stride=2"))
        #expect(screen.contains("gives an output of shape (1, 1, 2, 3)."), "\(screen)")
    }

    @Test func benchWaitsForTheRunLoopThenShowsTheFigures() throws {
        var state = try state(at: 2)
        #expect(state.needsLiveBench)
        #expect(view(state).plainText().contains("The live timing appears here"))
        state.liveBench = LiveBench.describe([
            "memcpy": 4e9, "relu-forward": 3e9, "sigmoid-forward": 5e8,
        ])
        #expect(!state.needsLiveBench)
        let screen = view(state).plainText().replacingOccurrences(of: "\n", with: " ")
        #expect(screen.contains("ReLU 3000 million per second"), "\(screen)")
        #expect(screen.contains("6.0x as fast here"))
    }
}
