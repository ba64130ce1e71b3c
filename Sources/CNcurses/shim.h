/* The wide-character curses API (cchar_t, get_wch, setcchar) is only declared when this is
   set, and SwiftPM drops the -D flags pkg-config gives, so it has to be set here, first. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* Swift cannot import function-like or cast macros, nor (in Swift 6 mode) C globals such as
   COLORS. Each accessor below hands Swift the value ncurses itself defines, so no bit value
   is ever written down on the Swift side. */

static inline attr_t convlab_attr_normal(void) { return A_NORMAL; }
static inline attr_t convlab_attr_bold(void) { return A_BOLD; }
static inline attr_t convlab_attr_dim(void) { return A_DIM; }
static inline attr_t convlab_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t convlab_attr_reverse(void) { return A_REVERSE; }

static inline mmask_t convlab_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t convlab_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t convlab_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t convlab_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t convlab_button1_released(void) { return BUTTON1_RELEASED; }

/* The key code of function key n, F1 to F63. */
static inline int convlab_key_f(int n) { return KEY_F(n); }

/* Colours and colour pairs the terminal offers, read after start_color(). */
static inline int convlab_colors(void) { return COLORS; }
static inline int convlab_color_pairs(void) { return COLOR_PAIRS; }

/* The standard screen of the current terminal, as set by newterm(). */
static inline WINDOW *convlab_stdscr(void) { return stdscr; }

/* The character set of the current locale, for example "UTF-8". */
static inline const char *convlab_codeset(void) { return nl_langinfo(CODESET); }

/* How many columns a character takes on the terminal: 1 for most, 2 for wide CJK, 0 for
   combining marks, -1 for unprintable. */
static inline int convlab_char_width(wchar_t character) { return wcwidth(character); }

/* sigaction's handler sits in a union whose member names are macros in glibc; these two
   helpers keep that detail on the C side. */
static inline int convlab_set_signal_handler(int signal_number, void (*handler)(int),
                                             int flags, struct sigaction *previous) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    action.sa_handler = handler;
    return sigaction(signal_number, &action, previous);
}

/* The same with a three-argument handler that receives the siginfo_t (SA_SIGINFO). */
static inline int convlab_set_signal_info_handler(int signal_number,
                                                  void (*handler)(int, siginfo_t *, void *),
                                                  int flags, struct sigaction *previous) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags | SA_SIGINFO;
    action.sa_sigaction = handler;
    return sigaction(signal_number, &action, previous);
}

static inline int convlab_handler_is_ignore(const struct sigaction *action) {
    return !(action->sa_flags & SA_SIGINFO) && action->sa_handler == SIG_IGN;
}

/* term.h comes last: it defines short macros (lines, columns, bell, ...) that must not touch
   the functions above. */
#include <ncursesw/term.h>

/* Whether TERM names a terminal that can move its cursor ("cup"). Unknown or unset TERM
   answers 1, so that opening curses reports that case with its own message. */
static inline int convlab_terminal_can_address_cursor(void) {
    int status = 0;
    if (setupterm(NULL, STDOUT_FILENO, &status) != OK) return 1;
    const char *address = tigetstr("cup");
    int can = address != NULL && address != (char *)-1;
    del_curterm(cur_term);
    return can;
}
