/* sp-gui-test-util.h
 *
 * The helpers of the GUI tests, which drive the real window under Xvfb: running the main
 * loop until something happened and the window has laid out and painted it, opening a
 * project in a window, screenshots saved next to the test binary, finding widgets by what
 * they show, pressing keys through the shortcuts a real key press would meet, toasts and
 * dialogs, and an application run that closes its window while a job goes on.
 */
#pragma once

#include <adwaita.h>

#include "sp-matrix-view.h"
#include "sp-reader.h"
#include "sp-window.h"

G_BEGIN_DECLS

typedef gboolean (*SpGuiTestCondition) (gpointer   data);
typedef gboolean (*SpGuiTestPredicate) (GtkWidget *widget,
                                        gpointer   data);
typedef void     (*SpGuiTestWindowFunc) (SpWindow *window,
                                         gpointer  data);

void           sp_gui_test_init                 (int          *argc,
                                                 char       ***argv);

/* The main loop */
void           sp_gui_test_iterate_until        (SpGuiTestCondition done,
                                                 gpointer      data);
void           sp_gui_test_settle               (GtkWidget    *widget);
gboolean       sp_gui_test_transitions_done     (gpointer      widget);

/* Windows and what they do in workers */
void           sp_gui_test_open_project         (SpWindow     *window,
                                                 const char   *path);
void           sp_gui_test_wait_for_open        (SpWindow     *window);
void           sp_gui_test_wait_for_export      (SpMatrixView *view);
void           sp_gui_test_destroy_window       (GtkWindow    *window);
void           sp_gui_test_tear_down            (SpWindow     *window,
                                                 char         *dir);
GtkWindow     *sp_gui_test_find_dialog          (GtkWindow    *parent);
void           sp_gui_test_close_mid_job        (const char   *path,
                                                 SpGuiTestWindowFunc start_job,
                                                 gpointer      data);

/* Screenshots and pixels */
GdkTexture    *sp_gui_test_screenshot           (GtkWidget    *widget,
                                                 const char   *name);
void           sp_gui_test_screenshot_with      (GtkWidget    *window,
                                                 GtkWidget    *popover,
                                                 const char   *name);
void           sp_gui_test_read_pixel           (GdkTexture   *texture,
                                                 int           x,
                                                 int           y,
                                                 double        rgb[3]);
gboolean       sp_gui_test_surface_bounds       (GtkWidget    *widget,
                                                 graphene_rect_t *bounds);

/* Finding widgets */
GtkWidget     *sp_gui_test_find                 (GtkWidget    *widget,
                                                 SpGuiTestPredicate predicate,
                                                 gpointer      data);
GtkWidget     *sp_gui_test_find_type            (GtkWidget    *widget,
                                                 GType         type);
GtkWidget     *sp_gui_test_find_drawn_type      (GtkWidget    *widget,
                                                 GType         type);
GtkWidget     *sp_gui_test_find_label           (GtkWidget    *widget,
                                                 const char   *text);
GtkWidget     *sp_gui_test_find_label_starting  (GtkWidget    *widget,
                                                 const char   *prefix);
gboolean       sp_gui_test_shows_text           (GtkWidget    *widget,
                                                 const char   *text);
GtkWidget     *sp_gui_test_find_drawn_actionable (GtkWidget   *widget,
                                                 const char   *action_name,
                                                 const char   *target);
void           sp_gui_test_assert_action_button (GtkWidget    *widget,
                                                 const char   *action_name,
                                                 gboolean      sensitive);
GtkWidget     *sp_gui_test_find_claim_row       (GtkWidget    *widget,
                                                 gint64        claim_id);
gboolean       sp_gui_test_is_inside            (GtkWidget    *widget,
                                                 GtkWidget    *ancestor);

/* Acting as a user */
guint          sp_gui_test_offset_of            (const char   *body,
                                                 const char   *text);
void           sp_gui_test_select_text          (SpReader     *reader,
                                                 guint         start,
                                                 guint         end);
gboolean       sp_gui_test_press_key            (GtkWindow    *window,
                                                 guint         keyval,
                                                 GdkModifierType modifiers);

/* Toasts */
void           sp_gui_test_wait_for_label       (GtkWidget    *widget,
                                                 const char   *text);
void           sp_gui_test_animate_for       (GtkWidget   *widget,
                                              guint        msec);
GtkWidget     *sp_gui_test_find_toast_action    (GtkWidget    *widget,
                                                 const char   *action_name);
void           sp_gui_test_dismiss_toast        (GtkWidget    *widget);

G_END_DECLS
