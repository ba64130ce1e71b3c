/// A key the user pressed, already decoded from the terminal's byte sequences.
///
/// Views and `update(state, event)` match on these, so they never see curses key codes.
public enum Key: Sendable, Hashable {
    /// A printable character, including space.
    case character(Character)
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case enter
    case escape
    case backspace
    case tab
    /// Shift-Tab.
    case backTab
    case delete
    /// F1 is `.function(1)`.
    case function(Int)
    /// Ctrl held with a letter, as the lowercase letter: Ctrl-C is `.control("c")`.
    case control(Character)
}

/// Everything that can change the app's state from outside: the animation timer is just one
/// more event, so a lesson can be stepped through in a test without a terminal.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    /// The terminal now has this many columns and rows; the next draw repaints everything.
    case resize(width: Int, height: Int)
    /// A left-button click at a screen cell, 0-based from the top-left corner.
    case mouseClick(x: Int, y: Int)
    /// The animation timer's interval has elapsed with no other input.
    case tick
}
