#ifndef OVERLAP_CNCURSESW_SHIM_H
#define OVERLAP_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600; without this the wide-character API disappears.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <curses.h>
#include <term.h>

// Swift 6 rejects curses' global variables as shared mutable state, and function-like
// macros do not import at all, so both are reached through these getters.

static inline WINDOW *overlap_stdscr(void) { return stdscr; }
static inline WINDOW *overlap_curscr(void) { return curscr; }
static inline int overlap_colors(void) { return COLORS; }
static inline int overlap_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t overlap_attr_normal(void) { return A_NORMAL; }
static inline attr_t overlap_attr_bold(void) { return A_BOLD; }
static inline attr_t overlap_attr_dim(void) { return A_DIM; }
static inline attr_t overlap_attr_reverse(void) { return A_REVERSE; }
static inline attr_t overlap_attr_underline(void) { return A_UNDERLINE; }

static inline int overlap_key_f(int n) { return KEY_F(n); }

static inline mmask_t overlap_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t overlap_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t overlap_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t overlap_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Opens the screen on the process's own stdin and stdout; NULL when TERM is unusable
/// (unlike initscr, which would exit the process).
static inline SCREEN *overlap_newterm(void) { return newterm(NULL, stdout, stdin); }

/// A terminfo string capability, or NULL when the terminal lacks it.
static inline const char *overlap_capability(const char *name) {
  const char *value = tigetstr(name);
  if (value == NULL || value == (const char *)-1) return NULL;
  return value;
}

#endif
