#ifndef CLINIC_CNCURSES_SHIM_H
#define CLINIC_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

/* Macros Swift cannot import become functions. */
static inline int clinic_key_f(int n) { return KEY_F(n); }
static inline unsigned int clinic_a_bold(void) { return A_BOLD; }
static inline unsigned int clinic_a_reverse(void) { return A_REVERSE; }
static inline unsigned int clinic_a_underline(void) { return A_UNDERLINE; }
static inline unsigned int clinic_a_dim(void) { return A_DIM; }
static inline unsigned int clinic_a_normal(void) { return A_NORMAL; }
static inline unsigned int clinic_color_pair(int n) { return COLOR_PAIR(n); }
static inline int clinic_key_code_yes(void) { return KEY_CODE_YES; }
extern int wcwidth(wchar_t c);

#include <sys/ioctl.h>
#include <unistd.h>
/* ioctl is variadic, which Swift cannot call: ask the terminal for its size here. */
static inline int clinic_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}
#endif
