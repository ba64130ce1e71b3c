import CNcurses
import Glibc
import ScreenModel

/// How much colour the terminal gets.
enum ColorSupport: Sendable, Equatable {
    /// Attributes only: `NO_COLOR` is set, colour was turned off, or the terminal has none.
    case none
    case eight
    /// 256 colours or more.
    case full
}

/// Why the terminal could not be taken over, in words for the student.
struct TerminalError: Error, CustomStringConvertible {
    let description: String
}

/// The one place that talks to ncurses: flushes a `Screen` to the terminal and turns input
/// into `TerminalEvent`s. Everything above it works on plain values and never sees curses.
///
/// The terminal runs in cbreak mode, so Ctrl-C and Ctrl-Z keep their usual meaning: Ctrl-C
/// ends the program with status 130 after restoring the terminal (see `TerminalRestore`), and
/// Ctrl-Z suspends it through ncurses, which repaints on `fg`. Only the other control keys
/// arrive as `.key(.control(_))`.
final class CursesTerminal {
    let glyphs: Glyphs
    let colorSupport: ColorSupport

    private let terminal: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let looks: [Role: RoleLook]
    /// Colour pairs of heatmap shades, made as each shade first appears (after the roles').
    private var shadePairs: [Shade: Int16] = [:]
    private var lastDrawn: Screen?
    private var needsFullRepaint = true
    private var isShutDown = false

    /// The curses attributes and colour pair that draw one role.
    private struct RoleLook {
        var attributes: attr_t
        var pair: Int16
    }

    /// Takes over the terminal: alternate screen, no echo, keys one at a time, mouse clicks.
    ///
    /// - Parameter forceMonochrome: draw with attributes only, as for `NO_COLOR`.
    /// - Throws: `TerminalError` when input or output is not a terminal, or `TERM` names a
    ///   terminal that curses does not know.
    init(forceMonochrome: Bool) throws {
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(
                description: "convlab's lab needs a terminal: run it without "
                    + "redirecting its input or output, or use `convlab render` for text output.")
        }

        // Without the locale, curses treats every byte as a character and box drawing and
        // Braille come out as garbage.
        setlocale(LC_ALL, "")
        TerminalRestore.install(inputFD: STDIN_FILENO, outputFD: STDOUT_FILENO)

        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            let terminal = newterm(nil, output, input)
        else {
            TerminalRestore.uninstall()
            let name = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError(
                description: name.isEmpty
                    ? "TERM is not set, so there is no telling what this terminal can do; "
                        + "set it to the terminal's type, for example TERM=xterm-256color."
                    : "The terminal type TERM=\(ControlCharacters.visibleLine(name)) is unknown "
                        + "here; try TERM=xterm-256color.")
        }
        // A terminal that cannot move its cursor (TERM=dumb) would get the screen as one long
        // scroll of text; the headless commands serve it better.
        guard CursesTerminal.hasCapability("cup") else {
            endwin()
            delscreen(terminal)
            TerminalRestore.uninstall()
            throw TerminalError(
                description: "This terminal (TERM=dumb or alike) cannot move its cursor, "
                    + "which the lab needs. Set TERM to the terminal's type, for example "
                    + "TERM=xterm-256color, or read a lesson as text: "
                    + "convlab render LESSON --all")
        }
        self.terminal = terminal
        self.window = convlab_stdscr()

        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        leaveok(window, true)
        set_escdelay(25)
        // Finish every frame even when keys are waiting: a half-drawn frame (new header, old
        // map) would show the student numbers that belong to two different steps.
        typeahead(-1)
        curs_set(0)
        let mouseEvents =
            convlab_button1_clicked() | convlab_button1_pressed()
            | convlab_button1_released()
        let mouseGranted = mousemask(mouseEvents, nil)

        let term = getenv("TERM").map { String(cString: $0) }
        glyphs = Glyphs.forTerminal(codeset: String(cString: convlab_codeset()), term: term)
        colorSupport = CursesTerminal.startColors(forceMonochrome: forceMonochrome)
        looks = CursesTerminal.prepareLooks(for: colorSupport)
        TerminalRestore.setResetSequence(TerminalRestore.resetSequence(mouse: mouseGranted != 0))
        TerminalRestore.setResumeSequence(TerminalRestore.terminfoBytes("smkx"))
    }

    deinit {
        shutdown()
    }

    var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Flushes `screen` to the terminal, sending only the cells that changed since the last
    /// draw; after a resize or a resume from Ctrl-Z, every cell is sent again.
    func draw(_ screen: Screen) {
        guard !isShutDown else { return }
        if TerminalRestore.takeResume() { needsFullRepaint = true }

        let (width, height) = size
        let previous = lastDrawn
        let repaintAll =
            needsFullRepaint || previous?.width != screen.width
            || previous?.height != screen.height
        if repaintAll {
            // Makes the next refresh clear the terminal and rewrite it, not trust what
            // curses believes is already there (wrong after a suspend or a resize).
            werase(window)
            clearok(window, true)
        }

        for y in 0..<min(screen.height, height) {
            for x in 0..<min(screen.width, width) {
                let cell = screen[x, y]
                if !repaintAll && previous?[x, y] == cell { continue }
                put(cell, x: x, y: y)
            }
        }
        wnoutrefresh(window)
        doupdate()
        lastDrawn = screen
        needsFullRepaint = false
    }

    /// Waits for the next input.
    ///
    /// - Parameter timeoutMilliseconds: how long to wait before returning `.tick`; nil waits
    ///   for input without a timer, using no CPU.
    /// - Returns: the event, or nil when input has ended (the terminal went away).
    func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent? {
        guard !isShutDown else { return nil }
        let deadline = timeoutMilliseconds.map { CursesTerminal.nowMilliseconds() + max(0, $0) }

        while true {
            if TerminalRestore.takeResume() { return resumed() }
            let wait = deadline.map { max(0, $0 - CursesTerminal.nowMilliseconds()) } ?? -1
            wtimeout(window, Int32(clamping: wait))

            var input: wint_t = 0
            // errno is only set on failure, so clear it to tell an interruption from a stale
            // value.
            errno = 0
            let status = wget_wch(window, &input)
            if status == KEY_CODE_YES {
                if let event = keyCodeEvent(Int32(bitPattern: input)) { return event }
            } else if status == OK {
                if let event = CursesTerminal.characterEvent(input) { return event }
            } else {
                // ERR: the timer ran out, a signal interrupted the wait, or input ended. A
                // hang-up ends the process through SIGHUP, so ended input is rare; with a timer
                // it reads as a tick, without one as the end.
                if errno == EINTR {
                    // ncurses queues the failed read as an ERR that the next call would
                    // return with errno 0, as if input had ended; drop it.
                    flushinp()
                    continue
                }
                if deadline == nil && CursesTerminal.inputHungUp() {
                    // With SIGHUP ignored (nohup), a closed terminal would otherwise make every
                    // blocking read fail at once: a busy loop with nobody to see it.
                    inputEnded = true
                    return nil
                }
                return deadline == nil ? nil : .tick
            }
        }
    }

    /// True once the terminal has gone away (its input hung up); the run loop then quits.
    private(set) var inputEnded = false

    private static func inputHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Leaves curses and puts the terminal back as it was; safe to call more than once.
    func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        endwin()
        delscreen(terminal)
        TerminalRestore.uninstall()
    }

    // MARK: - Drawing

    private func put(_ cell: Cell, x: Int, y: Int) {
        var look = looks[cell.style.role] ?? RoleLook(attributes: convlab_attr_normal(), pair: 0)
        var character = cell.character
        if let shade = cell.style.shade {
            look.pair = shadePair(shade)
            // Without a pair for its colours a half-block shows nothing; use its density.
            if look.pair == 0 { character = cell.monochromeCharacter }
        }
        var attributes = look.attributes
        if cell.style.bold { attributes |= convlab_attr_bold() }
        if cell.style.underline { attributes |= convlab_attr_underline() }
        if cell.style.reverse { attributes |= convlab_attr_reverse() }

        // One base character plus at most a few combining marks, zero-terminated.
        var characters: [wchar_t] = []
        for scalar in shown(character).unicodeScalars.prefix(4) {
            characters.append(wchar_t(bitPattern: scalar.value))
        }
        characters.append(0)
        var complex = cchar_t()
        setcchar(&complex, characters, attributes, look.pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }

    /// What the terminal can show for `character` in exactly one column.
    private func shown(_ character: Character) -> Character {
        // ASCII glyphs mean a locale that is not UTF-8 (dumb terminals were refused), where
        // curses could not encode anything else.
        let printable = Screen.printable(character)
        if !glyphs.usesBraille && !printable.isASCII { return "?" }

        // A wide character would push the rest of the row one column right, and a lone
        // combining mark has nothing to sit on.
        let scalars = printable.unicodeScalars
        guard let first = scalars.first,
            convlab_char_width(wchar_t(bitPattern: first.value)) == 1
        else { return "?" }
        let marksFit = scalars.dropFirst().allSatisfy {
            convlab_char_width(wchar_t(bitPattern: $0.value)) == 0
        }
        return marksFit ? printable : Character(first)
    }

    // MARK: - Input

    private func resumed() -> TerminalEvent {
        // The shell may have changed the terminal modes while we were stopped.
        reset_prog_mode()
        // Curses' suspend turned the keypad's application mode off and forgot it was on; the
        // SIGCONT handler already sent it again (see `setResumeSequence`), this tells curses.
        keypad(window, true)
        needsFullRepaint = true
        let (width, height) = size
        return .resize(width: width, height: height)
    }

    private func keyCodeEvent(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_RESIZE:
            needsFullRepaint = true
            let (width, height) = size
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var mouse = MEVENT()
            guard getmouse(&mouse) == OK else { return nil }
            // A quick press and release arrives as one click; a slow one as a press (reported)
            // and a release (dropped), so each click is reported once.
            let clicked = convlab_button1_clicked() | convlab_button1_pressed()
            guard mouse.bstate & clicked != 0 else { return nil }
            return .mouseClick(x: Int(mouse.x), y: Int(mouse.y))
        default:
            return CursesTerminal.namedKey(code).map { .key($0) }
        }
    }

    private static func namedKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        default:
            for number in 1...63 where convlab_key_f(Int32(number)) == code {
                return .function(number)
            }
            return nil
        }
    }

    private static func characterEvent(_ input: wint_t) -> TerminalEvent? {
        guard let scalar = Unicode.Scalar(UInt32(input)) else { return nil }
        switch scalar.value {
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x1B: return .key(.escape)
        case 0x08, 0x7F: return .key(.backspace)
        case 0x01...0x1A:
            // Ctrl-letter arrives as the letter's place in the alphabet: Ctrl-C is 0x03.
            let letter = Unicode.Scalar(UInt8(scalar.value + 0x60))
            return .key(.control(Character(letter)))
        case 0x00, 0x1C...0x1F:
            // Ctrl-@ (Ctrl-space), Ctrl-\, Ctrl-], Ctrl-^ and Ctrl-_.
            return .key(.control(Character(Unicode.Scalar(UInt8(scalar.value + 0x40)))))
        case 0x80..<0xA0:
            return nil
        default:
            return .key(.character(Character(scalar)))
        }
    }

    private static func nowMilliseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }

    // MARK: - Colours

    /// Starts colour when the terminal has it and the user has not asked for none.
    private static func startColors(forceMonochrome: Bool) -> ColorSupport {
        // https://no-color.org: set and not empty means no colour.
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        guard !forceMonochrome, !noColor, has_colors() else { return .none }
        guard start_color() == OK else { return .none }

        let colors = convlab_colors()
        if colors >= 256 && convlab_color_pairs() > Role.allCases.count { return .full }
        if colors >= 8 && convlab_color_pairs() > Role.allCases.count { return .eight }
        return .none
    }

    /// One colour pair per role, numbered from 1 (pair 0 is the terminal's default).
    private static func prepareLooks(for support: ColorSupport) -> [Role: RoleLook] {
        let palette: Palette
        switch support {
        case .none: palette = .monochrome
        case .eight: palette = .color8
        case .full: palette = .color256
        }
        // With default colours, "no colour" (-1) keeps the user's own foreground and
        // background; without them, fall back to white on black.
        let hasDefaults = support != .none && use_default_colors() == OK

        var looks: [Role: RoleLook] = [:]
        for (index, role) in Role.allCases.enumerated() {
            let look = palette.appearance(for: role)
            var attributes = convlab_attr_normal()
            if look.bold { attributes |= convlab_attr_bold() }
            if look.dim { attributes |= convlab_attr_dim() }
            if look.underline { attributes |= convlab_attr_underline() }
            if look.reverse { attributes |= convlab_attr_reverse() }

            var pair: Int16 = 0
            if support != .none && (look.foreground != nil || look.background != nil) {
                pair = Int16(index + 1)
                let foreground = Int16(look.foreground ?? (hasDefaults ? -1 : Int(COLOR_WHITE)))
                let background = Int16(look.background ?? (hasDefaults ? -1 : Int(COLOR_BLACK)))
                init_pair(pair, foreground, background)
            }
            looks[role] = RoleLook(attributes: attributes, pair: pair)
        }
        return looks
    }

    /// The colour pair of a heatmap shade, or 0 when colours are off or pairs run out.
    private func shadePair(_ shade: Shade) -> Int16 {
        guard colorSupport != .none else { return 0 }
        if let pair = shadePairs[shade] { return pair }
        let next = Role.allCases.count + 1 + shadePairs.count
        guard next < min(Int(convlab_color_pairs()), Int(Int16.max)) else { return 0 }
        let colorCount = colorSupport == .full ? 256 : 8
        let foreground = Int16(shade.color(shade.top, colorCount: colorCount))
        // -1 is the terminal's own background (when it has default colours).
        let background = Int16(shade.bottom.map { shade.color($0, colorCount: colorCount) } ?? -1)
        guard init_pair(Int16(next), foreground, background) == OK else { return 0 }
        shadePairs[shade] = Int16(next)
        return Int16(next)
    }

    /// Whether the terminal named by TERM can move its cursor. An unknown or missing TERM
    /// answers true, so that opening curses reports it with its own message.
    static func canAddressCursor() -> Bool {
        convlab_terminal_can_address_cursor() != 0
    }

    private static func hasCapability(_ capability: String) -> Bool {
        !TerminalRestore.terminfoBytes(capability).isEmpty
    }
}
