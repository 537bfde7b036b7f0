/* sp-list-labels.c
 *
 * Labels of the lists of claims and suggestions.
 */
#define G_LOG_DOMAIN "sp-list-labels"

#include "config.h"

#include "sp-list-labels.h"
#include "sp-types.h"

/* A label for a narrow panel: left-aligned, wrapping between words (or inside a word too
 * long for the line), about 30 characters wide at its natural size. @text is shown as
 * plain text, never as markup: it comes from articles. */
GtkWidget *
sp_wrapping_label_new (const char *text,
                       const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * sp_stance_css_class:
 *
 * Returns: (transfer full): the CSS class of a stance's colour: "stancem2" … "stancep0" …
 *   "stancep2" (style.css takes the colours from the stance palette)
 */
char *
sp_stance_css_class (int stance)
{
  stance = CLAMP (stance, SP_STANCE_MIN, SP_STANCE_MAX);
  return g_strdup_printf ("stance%c%d", stance < 0 ? 'm' : 'p', ABS (stance));
}

/* Returns: (transfer full): a stance as a signed number: "+2", "0", "−1" (a minus sign, not
 *   a hyphen) */
char *
sp_stance_text (int stance)
{
  return g_strdup_printf ("%s%d", stance > 0 ? "+" : stance < 0 ? "−" : "", ABS (stance));
}

/* A stance as a badge: its signed number on its colour, aligned with the first line of the
 * text beside it */
GtkWidget *
sp_stance_badge_new (int stance)
{
  g_autofree char *css = NULL;
  g_autofree char *text = NULL;
  GtkWidget *badge;

  stance = CLAMP (stance, SP_STANCE_MIN, SP_STANCE_MAX);
  css = sp_stance_css_class (stance);
  text = sp_stance_text (stance);
  badge = gtk_label_new (text);
  gtk_widget_add_css_class (badge, "stance-badge");
  gtk_widget_add_css_class (badge, css);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);

  return badge;
}

/* Empties @list of its rows; its placeholder (what an empty list says) stays */
void
sp_list_box_remove_rows (GtkListBox *list)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      child = next;
    }
}
