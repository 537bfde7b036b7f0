/* sp-gui-test-util.h
 *
 * Helpers for the GUI suites under Xvfb: letting a window lay out and paint, screenshots
 * saved next to the test binary, finding widgets, and pressing keys through the shortcuts a
 * real key press would meet.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        sp_gui_test_load_css          (void);
void        sp_gui_test_iterate_until     (gboolean  (*done) (gpointer),
                                           gpointer    data);
void        sp_gui_test_settle            (GtkWidget  *widget);
void        sp_gui_test_destroy_window    (GtkWindow  *window);
GdkTexture *sp_gui_test_screenshot        (GtkWidget  *widget,
                                           const char *name);
void        sp_gui_test_screenshot_with   (GtkWidget  *window,
                                           GtkWidget  *popover,
                                           const char *name);
void        sp_gui_test_read_pixel        (GdkTexture *texture,
                                           int         x,
                                           int         y,
                                           double      rgb[3]);
typedef gboolean (*SpGuiTestPredicate) (GtkWidget *widget,
                                        gpointer   data);

GtkWidget  *sp_gui_test_find              (GtkWidget  *widget,
                                           SpGuiTestPredicate predicate,
                                           gpointer    data);
GtkWidget  *sp_gui_test_find_label        (GtkWidget  *widget,
                                           const char *text);
GtkWidget  *sp_gui_test_find_type         (GtkWidget  *widget,
                                           GType       type);
gboolean    sp_gui_test_is_inside         (GtkWidget  *widget,
                                           GtkWidget  *ancestor);
gboolean    sp_gui_test_press_key         (GtkWindow  *window,
                                           guint       keyval,
                                           GdkModifierType modifiers);
gboolean    sp_gui_test_surface_bounds    (GtkWidget  *widget,
                                           graphene_rect_t *bounds);

G_END_DECLS
