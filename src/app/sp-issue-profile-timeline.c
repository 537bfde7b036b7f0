/* sp-issue-profile-timeline.c
 *
 * The issue profile's timeline. A claim is placed at its document's date; claims in documents
 * without a date are counted apart and listed last. The chart has one bar per month from the
 * first dated claim to the last, empty months included so that time reads evenly: claims for
 * rise above the line, claims against hang below it, neutral ones sit on it. Its colours are the
 * matrix's.
 */
#define G_LOG_DOMAIN "sp-issue-profile"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "sp-issue-profile-private.h"
#include "sp-profile-rows.h"
#include "sp-stance-palette.h"

#define LABEL_HEIGHT 18
#define MAX_SLOT     72

static gboolean
parse_month (SpClaim *claim,
             int     *year,
             int     *month)
{
  const char *date = sp_claim_get_document_date (claim);

  return date != NULL && sscanf (date, "%4d-%2d", year, month) == 2 && *month >= 1 && *month <= 12;
}

/**
 * _sp_issue_timeline_count:
 * @claims: in time order (sp_matrix_issue_positions())
 *
 * Returns: (transfer full) (element-type SpTimelineMonth): every month from the first dated
 *   claim's to the last one's
 */
GArray *
_sp_issue_timeline_count (GListModel *claims,
                          guint      *n_undated)
{
  GArray *months = g_array_new (FALSE, TRUE, sizeof (SpTimelineMonth));

  *n_undated = 0;
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (claims, i);
      SpTimelineMonth *last;
      int stance = sp_claim_get_stance (claim);
      int year;
      int month;

      if (!parse_month (claim, &year, &month))
        {
          (*n_undated)++;
          continue;
        }

      /* In time order: a new month extends the run, with the empty ones in between */
      for (;;)
        {
          SpTimelineMonth next = { year, month, 0, 0, 0 };

          last = months->len > 0 ? &g_array_index (months, SpTimelineMonth, months->len - 1) : NULL;
          if (last != NULL && last->year == year && last->month == month)
            break;
          if (last != NULL)
            {
              next.year = last->year + (last->month == 12);
              next.month = last->month % 12 + 1;
            }
          g_array_append_val (months, next);
        }

      if (stance > 0)
        last->n_for++;
      else if (stance < 0)
        last->n_against++;
      else
        last->n_neutral++;
    }

  return months;
}

static char *
month_name (int      year,
            int      month,
            gboolean abbreviated)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, 15, 12, 0, 0);

  /* TRANSLATORS: strftime() formats of a month in the timeline: "Mar 2025" and "March 2025" */
  return time ? g_date_time_format (time, abbreviated ? _("%b %Y") : _("%B %Y"))
              : g_strdup_printf ("%04d-%02d", year, month);
}

/* Returns: (transfer full): what the chart shows, for the accessibility tree */
char *
_sp_issue_timeline_describe (GArray *months)
{
  SpTimelineMonth *first;
  SpTimelineMonth *last;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (months->len == 0)
    return g_strdup (_("No dated claims"));

  first = &g_array_index (months, SpTimelineMonth, 0);
  last = &g_array_index (months, SpTimelineMonth, months->len - 1);
  from = month_name (first->year, first->month, TRUE);
  to = month_name (last->year, last->month, TRUE);

  /* TRANSLATORS: the timeline chart's accessible description */
  return g_strdup_printf (_("Claims per month, for above the line and against below, from %s to %s"), from, to);
}

/* Sets the side's colour and says which ink goes on it */
static void
fill_rgb (cairo_t *cr,
          double   mean,
          SpRgb   *ink)
{
  SpRgb rgb;

  sp_stance_color (mean, &rgb);
  sp_stance_text_color (&rgb, ink);
  cairo_set_source_rgb (cr, rgb.red, rgb.green, rgb.blue);
}

/* The number of claims in a bar, in the palette's ink for its colour, where it fits */
static void
draw_count (GtkDrawingArea *area,
            cairo_t        *cr,
            guint           count,
            const SpRgb    *ink,
            double          x,
            double          width,
            double          y,
            double          height)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), text);
  int text_width;
  int text_height;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  if (text_width + 4 > width || text_height > height)
    return;

  cairo_set_source_rgb (cr, ink->red, ink->green, ink->blue);
  cairo_move_to (cr, x + (width - text_width) / 2, y + (height - text_height) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* @months: (type GArray**): where the profile keeps the counts of the issue shown */
void
_sp_issue_timeline_draw_cb (GtkDrawingArea *area,
                            cairo_t        *cr,
                            int             width,
                            int             height,
                            gpointer        data)
{
  GArray *months = *(GArray **)data;
  GdkRGBA fg;
  double chart_height = height - 2 * LABEL_HEIGHT;
  double axis = LABEL_HEIGHT + chart_height / 2;
  double scale;
  double slot;
  double origin;
  double last_label_end = -1;
  guint peak = 1;

  if (months == NULL || months->len == 0 || width <= 0 || chart_height <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);

  for (guint i = 0; i < months->len; i++)
    {
      SpTimelineMonth *m = &g_array_index (months, SpTimelineMonth, i);

      peak = MAX (peak, 2 * m->n_for + m->n_neutral);
      peak = MAX (peak, 2 * m->n_against + m->n_neutral);
    }

  /* A claim is this high; a month's neutral claims straddle the line. A few months do not
   * stretch across the page: their bars keep a readable width, centred. */
  scale = (chart_height / 2) / (peak / 2.0);
  slot = MIN ((double)width / months->len, MAX_SLOT);
  origin = (width - slot * months->len) / 2;

  for (guint i = 0; i < months->len; i++)
    {
      SpTimelineMonth *m = &g_array_index (months, SpTimelineMonth, i);
      double bar = MAX (1.0, slot * 0.7);
      double x = origin + i * slot + (slot - bar) / 2;
      double half_neutral = m->n_neutral * scale / 2;
      SpRgb ink;

      if (m->n_for > 0)
        {
          fill_rgb (cr, 1.5, &ink);
          cairo_rectangle (cr, x, axis - half_neutral - m->n_for * scale, bar, m->n_for * scale);
          cairo_fill (cr);
          draw_count (area, cr, m->n_for, &ink, x, bar, axis - half_neutral - m->n_for * scale, m->n_for * scale);
        }
      if (m->n_against > 0)
        {
          fill_rgb (cr, -1.5, &ink);
          cairo_rectangle (cr, x, axis + half_neutral, bar, m->n_against * scale);
          cairo_fill (cr);
          draw_count (area, cr, m->n_against, &ink, x, bar, axis + half_neutral, m->n_against * scale);
        }
      if (m->n_neutral > 0)
        {
          /* The palette's neutral is nearly the page's own colour: a grey of the text's */
          SpRgb text = { fg.red, fg.green, fg.blue };

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.22);
          cairo_rectangle (cr, x, axis - half_neutral, bar, 2 * half_neutral);
          cairo_fill (cr);
          draw_count (area, cr, m->n_neutral, &text, x, bar, axis - half_neutral, 2 * half_neutral);
        }

      /* The month under its bar where there is room: always the first and each January */
      if (i == 0 || m->month == 1 || i == months->len - 1 || slot >= 60)
        {
          g_autofree char *name = month_name (m->year, m->month, TRUE);
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), name);
          int text_width;
          int text_height;
          double tx;

          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          tx = CLAMP (origin + i * slot + slot / 2 - text_width / 2.0, 0, width - text_width);
          if (tx > last_label_end + 8)
            {
              cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
              cairo_move_to (cr, tx, height - text_height);
              pango_cairo_show_layout (cr, layout);
              last_label_end = tx + text_width;
            }
        }
    }

  /* The line of neutrality */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.4);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, floor (axis) + 0.5);
  cairo_line_to (cr, width, floor (axis) + 0.5);
  cairo_stroke (cr);
}

static GtkWidget *
month_heading (const char *title,
               guint       n_for,
               guint       n_against,
               guint       n_neutral)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = sp_profile_text_label_new (title, "heading");
  g_autofree char *counts = NULL;
  GtkWidget *counts_label;

  /* TRANSLATORS: a month's claims in the timeline, by side */
  counts = g_strdup_printf (_("%u for · %u against · %u neutral"), n_for, n_against, n_neutral);
  counts_label = sp_profile_text_label_new (counts, "caption");
  gtk_widget_add_css_class (counts_label, "dim-label");
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), counts_label);

  return box;
}

/* Appends one section to @box: @title, and @claims (newest last in the array) newest first */
static void
append_section (GtkBox     *box,
                const char *title,
                GPtrArray  *claims)
{
  GtkWidget *list = gtk_list_box_new ();
  guint counts[3] = { 0, 0, 0 };

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = claims->len; i > 0; i--)
    {
      SpClaim *claim = g_ptr_array_index (claims, i - 1);
      int stance = sp_claim_get_stance (claim);

      counts[stance > 0 ? 0 : stance < 0 ? 1 : 2]++;
      gtk_list_box_append (GTK_LIST_BOX (list), sp_profile_claim_row_new (claim, TRUE, FALSE));
    }

  gtk_box_append (box, month_heading (title, counts[0], counts[1], counts[2]));
  gtk_box_append (box, list);
}

/**
 * _sp_issue_timeline_fill_list:
 * @box: where the sections go, after what it holds already
 * @claims: in time order
 *
 * The claims grouped by month, the latest month first, then those without a date.
 */
void
_sp_issue_timeline_fill_list (GtkBox     *box,
                              GListModel *claims)
{
  g_autoptr(GPtrArray) undated = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) month = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (claims);
  int year = 0;
  int month_number = 0;

  /* Backwards in time, a section each time the month changes */
  for (guint i = n; i > 0; i--)
    {
      SpClaim *claim = g_list_model_get_item (claims, i - 1);
      int y;
      int m;

      if (!parse_month (claim, &y, &m))
        {
          g_ptr_array_insert (undated, 0, claim);
          continue;
        }

      if (month->len > 0 && (y != year || m != month_number))
        {
          g_autofree char *title = month_name (year, month_number, FALSE);

          append_section (box, title, month);
          g_ptr_array_set_size (month, 0);
        }

      year = y;
      month_number = m;
      g_ptr_array_insert (month, 0, claim);
    }

  if (month->len > 0)
    {
      g_autofree char *title = month_name (year, month_number, FALSE);

      append_section (box, title, month);
    }

  if (undated->len > 0)
    append_section (box, _("No Date"), undated);
}
