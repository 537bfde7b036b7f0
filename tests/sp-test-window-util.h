/* sp-test-window-util.h
 *
 * Helpers shared by the GUI tests: running the main loop until something happened or a few
 * frames were drawn, opening a project in a window and waiting for it, screenshots, and
 * finding widgets in a window's tree by what they show.
 */
#pragma once

#include <adwaita.h>

#include "sp-window.h"

G_BEGIN_DECLS

typedef gboolean (*SpTestCondition) (gpointer data);

void           sp_test_window_init           (int          *argc,
                                              char       ***argv);
void           sp_test_iterate_until         (SpTestCondition done,
                                              gpointer     data);
void           sp_test_settle                (GtkWidget   *widget);
gboolean       sp_test_transitions_done      (gpointer     widget);
void           sp_test_open_project          (SpWindow    *window,
                                              const char  *path);
void           sp_test_wait_for_open         (SpWindow    *window);
void           sp_test_destroy_window        (GtkWindow   *window);
GdkTexture    *sp_test_take_screenshot       (GtkWidget   *widget,
                                              const char  *name);

GtkWidget     *sp_test_find_widget_of_type   (GtkWidget   *widget,
                                              GType        type);
gboolean       sp_test_draws_widget_of_type  (GtkWidget   *widget,
                                              GType        type);
gboolean       sp_test_shows_text            (GtkWidget   *widget,
                                              const char  *text);
GtkWidget     *sp_test_find_label            (GtkWidget   *widget,
                                              const char  *text);
GtkWidget     *sp_test_find_label_starting   (GtkWidget   *widget,
                                              const char  *prefix);
GtkWidget     *sp_test_find_drawn_actionable (GtkWidget   *widget,
                                              const char  *action_name,
                                              const char  *target);
AdwStatusPage *sp_test_find_drawn_status_page (GtkWidget  *widget);
void           sp_test_assert_action_buttons (GtkWidget   *widget,
                                              const char  *action_name,
                                              gboolean     sensitive);
void           sp_test_wait_for_label        (GtkWidget   *widget,
                                              const char  *text);
void           sp_test_dismiss_toast         (GtkWidget   *widget);
GtkWindow     *sp_test_find_dialog           (GtkWindow   *parent);
void           sp_test_close_dialog          (GtkWindow   *dialog);

G_END_DECLS
