/* sp-reader.h
 *
 * Shows one document's body with its claims highlighted in their stance's colour, and
 * reports the user's selection as character offsets into the stored body.
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_READER (sp_reader_get_type ())

G_DECLARE_FINAL_TYPE (SpReader, sp_reader, SP, READER, GtkWidget)

GtkWidget   *sp_reader_new               (void);
void         sp_reader_set_document      (SpReader     *self,
                                          SpDocument   *document,
                                          const char   *body);
SpDocument  *sp_reader_get_document      (SpReader     *self);
void         sp_reader_set_claims        (SpReader     *self,
                                          GListModel   *claims);
gboolean     sp_reader_get_selection     (SpReader     *self,
                                          guint        *start,
                                          guint        *end);
void         sp_reader_select_range      (SpReader     *self,
                                          guint         start,
                                          guint         end);
void         sp_reader_scroll_to_range   (SpReader     *self,
                                          guint         start,
                                          guint         end,
                                          double        yalign);
char        *sp_reader_dup_text          (SpReader     *self,
                                          guint         start,
                                          guint         end);
gboolean     sp_reader_get_range_rect    (SpReader     *self,
                                          guint         start,
                                          guint         end,
                                          GdkRectangle *rect);
GtkTextView *sp_reader_get_text_view     (SpReader     *self);
void         sp_reader_set_extra_menu    (SpReader     *self,
                                          GMenuModel   *model);
guint        sp_reader_count_highlighted (SpReader     *self,
                                          guint         offset);

G_END_DECLS
