/* sp-renderer.h: which GSK renderer paints the windows */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean sp_renderer_is_software  (const char *name);
char    *sp_renderer_dup_gl_name  (GdkDisplay *display);
void     sp_renderer_choose       (GdkDisplay *display);

G_END_DECLS
