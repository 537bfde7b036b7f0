/* sp-list-labels.h
 *
 * The pieces every list of claims and suggestions is made of, so that they look and wrap the
 * same in the documents view, the review and the matrix: a label that wraps in a narrow
 * panel, and a claim's stance as a coloured badge ("+2", "−1") in the stance palette's CSS
 * classes; and emptying such a list but for its placeholder.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *sp_wrapping_label_new  (const char *text,
                                   const char *css_class);
GtkWidget *sp_stance_badge_new    (int         stance);
char      *sp_stance_text         (int         stance);
char      *sp_stance_css_class    (int         stance);
void       sp_list_box_remove_rows (GtkListBox *list);

G_END_DECLS
