/* sp-gui-test-talks.h
 *
 * The fixture the window, claim, codebook and matrix tests start from: a window 1200 px
 * wide showing a small project, one article about talks in Portbridge, three actors (Ana
 * Berg, of Northland, and Tomas Reyes) and two issues, without claims.
 */
#pragma once

#include "sp-window.h"

G_BEGIN_DECLS

/* The article's text */
extern const char sp_gui_test_talks_body[];

typedef struct
{
  char      *dir;
  char      *path;
  SpWindow  *window;
  gint64     document;
  gint64     berg;
  gint64     reyes;
  gint64     northland;
  gint64     ceasefire;
  gint64     membership;
} SpGuiTestTalks;

void sp_gui_test_talks_setup    (SpGuiTestTalks *f,
                                 gconstpointer   data);
void sp_gui_test_talks_teardown (SpGuiTestTalks *f,
                                 gconstpointer   data);

#define SP_GUI_TEST_ADD_TALKS(path, func) \
  g_test_add (path, SpGuiTestTalks, NULL, sp_gui_test_talks_setup, func, sp_gui_test_talks_teardown)

G_END_DECLS
