/* sp-reader.h
 *
 * Shows one document's body with its claims highlighted in their stance's colour, and
 * reports the user's selection as character offsets into the stored body. Above the text:
 * where its date came from, whether its title is a headline, a near duplicate, and the
 * text cleaning removed (shown inside the text on demand); Ctrl+F finds words in it.
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
gboolean     sp_reader_is_match          (SpReader     *self,
                                          guint         offset);
char        *sp_reader_describe_date     (SpDocument   *document);
void         sp_reader_set_removals      (SpReader     *self,
                                          GListModel   *removals);
void         sp_reader_set_show_removed  (SpReader     *self,
                                          gboolean      show_removed);
gboolean     sp_reader_get_show_removed  (SpReader     *self);
void         sp_reader_set_can_restore   (SpReader     *self,
                                          gboolean      can_restore);
guint        sp_reader_get_n_shown_removals (SpReader  *self);
void         sp_reader_set_near_duplicate (SpReader    *self,
                                          gint64        other_id,
                                          const char   *other_title);
void         sp_reader_set_search_ranges (SpReader     *self,
                                          GArray       *ranges);
void         sp_reader_open_find         (SpReader     *self);
guint        sp_reader_get_find_count    (SpReader     *self,
                                          guint        *current);
GtkEditable *sp_reader_get_find_entry    (SpReader     *self);
void         sp_reader_set_suggestions   (SpReader     *self,
                                          GListModel   *suggestions);
void         sp_reader_set_current_suggestion (SpReader *self,
                                          gint64        suggestion_id);
gint64       sp_reader_get_suggestion_at (SpReader     *self,
                                          guint         offset);
gboolean     sp_reader_is_current_suggestion (SpReader *self,
                                          guint         offset);
gboolean     sp_reader_is_shown          (SpReader     *self,
                                          guint         offset);

G_END_DECLS
