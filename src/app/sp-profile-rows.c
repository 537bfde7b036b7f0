/* sp-profile-rows.c
 *
 * See sp-profile-rows.h. Quotes come from articles: they are set as plain text, never as
 * markup.
 */
#define G_LOG_DOMAIN "sp-profile-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-date-text.h"
#include "sp-matrix.h"
#include "sp-profile-rows.h"
#include "sp-stance-palette.h"

#define SWATCH_WIDTH  52
#define SWATCH_HEIGHT 28

typedef struct
{
  double mean;
  guint  n_claims;
} Swatch;

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  Swatch *swatch = data;
  GdkRGBA fg;
  SpRgb fill;
  SpRgb ink;
  g_autoptr(PangoLayout) layout = NULL;
  char text[SP_MATRIX_MEAN_TEXT_SIZE];
  int text_width;
  int text_height;
  double r = 6;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - r, r, r, -G_PI / 2, 0);
  cairo_arc (cr, width - r, height - r, r, 0, G_PI / 2);
  cairo_arc (cr, r, height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);

  if (swatch->n_claims == 0)
    {
      /* No claims: an outline, as the matrix leaves such a cell empty */
      static const double dashes[] = { 3, 3 };

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      return;
    }

  sp_stance_color (swatch->mean, &fill);
  sp_stance_text_color (&fill, &ink);
  cairo_set_source_rgb (cr, fill.red, fill.green, fill.blue);
  cairo_fill (cr);

  sp_matrix_format_mean (swatch->mean, TRUE, text);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), text);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_set_source_rgb (cr, ink.red, ink.green, ink.blue);
  cairo_move_to (cr, (width - text_width) / 2.0, (height - text_height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* The mean stance of @n_claims claims in the matrix's colour, with the mean written on it */
GtkWidget *
sp_profile_swatch_new (double mean,
                       guint  n_claims)
{
  GtkWidget *area = gtk_drawing_area_new ();
  Swatch *swatch = g_new0 (Swatch, 1);
  char text[SP_MATRIX_MEAN_TEXT_SIZE];
  g_autofree char *tooltip = NULL;

  swatch->mean = mean;
  swatch->n_claims = n_claims;
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), SWATCH_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), SWATCH_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch_cb, swatch, g_free);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (area, "caption-heading");

  if (n_claims == 0)
    tooltip = g_strdup (_("No claims"));
  else
    {
      sp_matrix_format_mean (mean, TRUE, text);
      /* TRANSLATORS: a stance swatch's tooltip: "For, mean +1.5" */
      tooltip = g_strdup_printf (_("%s, mean %s"), sp_profile_side_name (mean), text);
    }
  gtk_widget_set_tooltip_text (area, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  return area;
}

/* A wrapping label of plain text, as wide as the page lets it be */
GtkWidget *
sp_profile_text_label_new (const char *text,
                           const char *css_class)
{
  GtkWidget *label = sp_wrapping_label_new (text ? text : "", css_class);

  gtk_label_set_max_width_chars (GTK_LABEL (label), -1);
  return label;
}

/* Returns: (transfer full): the claim's date as the documents list writes it, or "No date" */
char *
sp_profile_dup_claim_date (SpClaim *claim)
{
  const char *date = sp_claim_get_document_date (claim);

  return date ? sp_date_text_format (date, SP_DATE_TEXT_SHORT) : g_strdup (_("No date"));
}

const char *
sp_profile_side_name (double mean)
{
  if (mean > 0)
    return _("For");
  if (mean < 0)
    return _("Against");
  return _("Neutral");
}

/**
 * sp_profile_claim_row_new:
 * @with_actor: say who made the claim (the issue profile's timeline)
 * @with_issue: say on which issue (the actor profile)
 *
 * A row with the claim's stance, its quote and where it comes from; activating it shows the
 * sentence in the reader (win.show-claim, as the matrix's cell popover does).
 */
GtkWidget *
sp_profile_claim_row_new (SpClaim  *claim,
                          gboolean  with_actor,
                          gboolean  with_issue)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *quote = sp_profile_text_label_new (sp_claim_get_quote (claim), "claim-quote");
  g_autofree char *date = sp_profile_dup_claim_date (claim);
  g_autoptr(GString) from = g_string_new (NULL);
  GtkWidget *from_label;

  if (with_actor)
    g_string_append_printf (from, "%s · ", sp_claim_get_actor_name (claim));
  if (with_issue)
    g_string_append_printf (from, "%s · ", sp_claim_get_issue_label (claim));
  g_string_append_printf (from, "%s · %s", sp_claim_get_document_title (claim), date);
  from_label = sp_profile_text_label_new (from->str, "caption");
  gtk_widget_add_css_class (from_label, "dim-label");

  gtk_label_set_lines (GTK_LABEL (quote), 4);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), quote);
  gtk_box_append (GTK_BOX (text), from_label);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), sp_stance_badge_new (sp_claim_get_stance (claim)));
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_tooltip_text (row, _("Show in the document"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-claim");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (sp_claim_get_id (claim)));

  return row;
}

void
sp_profile_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}
