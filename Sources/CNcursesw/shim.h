#ifndef OVERLAP_CNCURSESW_SHIM_H
#define OVERLAP_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600; without this the wide-character API disappears.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <curses.h>
#endif
