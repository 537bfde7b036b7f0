/* sp-matrix-export-formats.c
 *
 * The matrix in every export format but the wide CSV and the PNG (sp-matrix-export.c,
 * sp-matrix-png.c): the long CSV, JSON with the claims behind every cell, and SVG and PDF
 * drawn by the same layout as the window. Every format is deterministic: the text ones are
 * written by hand in a fixed order with locale-independent numbers, and the vector ones fix
 * what cairo would otherwise take from the clock (the PDF's dates).
 *
 * cairo draws SVG text as glyph outlines; so that the labels of an SVG can still be searched
 * and copied, they are repeated in an invisible text layer over the drawing, as scanned PDFs
 * carry their recognised text. PDF keeps its text as text (embedded font subsets).
 */
#define G_LOG_DOMAIN "sp-matrix-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "sp-csv.h"
#include "sp-matrix-export-context.h"
#include "sp-matrix-export-private.h"
#include "sp-matrix-layout-private.h"
#include "sp-matrix-private.h"
#include "sp-output-file.h"

/* PDF points per layout unit: a layout unit is a pixel at 96 dpi */
#define PDF_POINTS_PER_UNIT 0.75

/* The date written into every PDF, instead of the time of the export */
#define PDF_FIXED_DATE "2000-01-01T00:00:00Z"

static const char * const formats[] = {
  [SP_MATRIX_FORMAT_CSV] = "csv",
  [SP_MATRIX_FORMAT_CSV_LONG] = "csv-long",
  [SP_MATRIX_FORMAT_JSON] = "json",
  [SP_MATRIX_FORMAT_PNG] = "png",
  [SP_MATRIX_FORMAT_SVG] = "svg",
  [SP_MATRIX_FORMAT_PDF] = "pdf",
};

const char *
sp_matrix_format_to_string (SpMatrixFormat format)
{
  g_return_val_if_fail ((guint)format < G_N_ELEMENTS (formats), NULL);
  return formats[format];
}

gboolean
sp_matrix_format_from_string (const char     *str,
                              SpMatrixFormat *format)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_equal (formats[i], str))
        {
          *format = (SpMatrixFormat)i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
append_uint (GString    *csv,
             guint       value)
{
  g_string_append_printf (csv, ",%u", value);
}

/**
 * sp_matrix_to_csv_long:
 *
 * The matrix as long CSV: a header `actor,issue,score,claims,support,oppose,neutral,
 * first_date,last_date`, then one line per cell with claims, rows then columns in the
 * matrix's order. `actor` and `issue` (the issue's key) are text and neutralised against
 * formulas; `score` is a number (a negative one keeps its minus sign: it is data, not a
 * formula); the dates are YYYY-MM-DD, empty when every claim is undated.
 *
 * Returns: (transfer full): the CSV text
 */
char *
sp_matrix_to_csv_long (SpMatrix *matrix)
{
  GString *csv;

  g_return_val_if_fail (matrix != NULL, NULL);

  csv = g_string_new ("actor,issue,score,claims,support,oppose,neutral,first_date,last_date\n");
  for (guint r = 0; r < sp_matrix_get_n_rows (matrix); r++)
    for (guint c = 0; c < sp_matrix_get_n_columns (matrix); c++)
      {
        SpMatrixCellInfo info;
        char score[SP_MATRIX_MEAN_TEXT_SIZE];
        char first[SP_MATRIX_DATE_TEXT_SIZE], last[SP_MATRIX_DATE_TEXT_SIZE];

        if (!sp_matrix_get_cell_info (matrix, r, c, &info))
          continue;

        sp_matrix_format_mean (info.score, FALSE, score);
        sp_matrix_format_date (info.first_date, first);
        sp_matrix_format_date (info.last_date, last);

        sp_csv_append_text_field (csv, sp_matrix_get_row_label (matrix, r), TRUE);
        sp_csv_append_text_field (csv, sp_matrix_get_column_key (matrix, c), FALSE);
        sp_csv_append_field (csv, score, FALSE);
        append_uint (csv, info.n_claims);
        append_uint (csv, info.n_support);
        append_uint (csv, info.n_oppose);
        append_uint (csv, info.n_neutral);
        sp_csv_append_field (csv, first, FALSE);
        sp_csv_append_field (csv, last, FALSE);
        g_string_append_c (csv, '\n');
      }

  return g_string_free (csv, FALSE);
}

/* JSON, written by hand: a fixed key order and numbers as the CSV writes them */

static void
json_string (GString    *json,
             const char *text)
{
  if (text == NULL)
    {
      g_string_append (json, "null");
      return;
    }

  g_string_append_c (json, '"');
  for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (json, "\\\""); break;
        case '\\': g_string_append (json, "\\\\"); break;
        case '\n': g_string_append (json, "\\n"); break;
        case '\r': g_string_append (json, "\\r"); break;
        case '\t': g_string_append (json, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (json, "\\u%04x", *p);
          else
            g_string_append_c (json, (char)*p);
        }
    }
  g_string_append_c (json, '"');
}

static void
json_ids (GString      *json,
          const gint64 *ids,
          guint         n_ids)
{
  if (ids == NULL)
    {
      g_string_append (json, "null");
      return;
    }

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", ids[i]);
  g_string_append_c (json, ']');
}

static void
json_key (GString    *json,
          const char *indent,
          const char *key,
          gboolean    first)
{
  g_string_append_printf (json, "%s\n%s\"%s\": ", first ? "" : ",", indent, key);
}

static void
json_options (GString               *json,
              const SpMatrixOptions *options)
{
  const char * const *sources = sp_matrix_options_get_sources (options);
  const gint64 *ids;
  guint n;

  g_string_append_c (json, '{');
  json_key (json, "    ", "level", TRUE);
  json_string (json, sp_matrix_level_to_string (sp_matrix_options_get_level (options)));
  json_key (json, "    ", "aggregate", FALSE);
  json_string (json, sp_matrix_aggregate_to_string (sp_matrix_options_get_aggregate (options)));
  json_key (json, "    ", "per", FALSE);
  json_string (json, sp_matrix_unit_to_string (sp_matrix_options_get_unit (options)));
  json_key (json, "    ", "order", FALSE);
  json_string (json, sp_matrix_order_to_string (sp_matrix_options_get_order (options)));
  json_key (json, "    ", "from", FALSE);
  json_string (json, sp_matrix_options_get_date_from (options));
  json_key (json, "    ", "to", FALSE);
  json_string (json, sp_matrix_options_get_date_to (options));
  json_key (json, "    ", "include_suggestions", FALSE);
  g_string_append (json, sp_matrix_options_get_include_suggestions (options) ? "true" : "false");
  json_key (json, "    ", "all_rows", FALSE);
  g_string_append (json, sp_matrix_options_get_hide_empty (options) ? "false" : "true");
  json_key (json, "    ", "sources", FALSE);
  if (sources == NULL)
    g_string_append (json, "null");
  else
    {
      g_string_append_c (json, '[');
      for (guint i = 0; sources[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (json, ", ");
          json_string (json, sources[i]);
        }
      g_string_append_c (json, ']');
    }
  ids = sp_matrix_options_get_document_ids (options, &n);
  json_key (json, "    ", "documents", FALSE);
  json_ids (json, ids, n);
  ids = sp_matrix_options_get_actor_ids (options, &n);
  json_key (json, "    ", "actors", FALSE);
  json_ids (json, ids, n);
  ids = sp_matrix_options_get_issue_ids (options, &n);
  json_key (json, "    ", "issues", FALSE);
  json_ids (json, ids, n);
  ids = sp_matrix_options_get_expanded_groups (options, &n);
  json_key (json, "    ", "expanded_groups", FALSE);
  if (ids != NULL)
    json_ids (json, ids, n);
  else
    g_string_append (json, "[]");
  g_string_append (json, "\n  }");
}

static void
json_cell (GString  *json,
           SpMatrix *matrix,
           guint     r,
           guint     c,
           const SpMatrixCellInfo *info)
{
  const SpMatrixEvidence *evidence;
  char score[SP_MATRIX_MEAN_TEXT_SIZE];
  char date[SP_MATRIX_DATE_TEXT_SIZE];
  guint n;
  gboolean first;

  sp_matrix_format_mean (info->score, FALSE, score);
  g_string_append (json, "{");
  json_key (json, "      ", "row", TRUE);
  g_string_append_printf (json, "%u", r);
  json_key (json, "      ", "column", FALSE);
  g_string_append_printf (json, "%u", c);
  json_key (json, "      ", "actor", FALSE);
  json_string (json, sp_matrix_get_row_label (matrix, r));
  json_key (json, "      ", "issue", FALSE);
  json_string (json, sp_matrix_get_column_key (matrix, c));
  json_key (json, "      ", "score", FALSE);
  g_string_append (json, score);
  json_key (json, "      ", "claims", FALSE);
  g_string_append_printf (json, "%u", info->n_claims);
  json_key (json, "      ", "support", FALSE);
  g_string_append_printf (json, "%u", info->n_support);
  json_key (json, "      ", "oppose", FALSE);
  g_string_append_printf (json, "%u", info->n_oppose);
  json_key (json, "      ", "neutral", FALSE);
  g_string_append_printf (json, "%u", info->n_neutral);
  json_key (json, "      ", "pending", FALSE);
  g_string_append_printf (json, "%u", info->n_pending);
  json_key (json, "      ", "documents", FALSE);
  g_string_append_printf (json, "%u", info->n_documents);
  sp_matrix_format_date (info->first_date, date);
  json_key (json, "      ", "first_date", FALSE);
  json_string (json, date[0] != '\0' ? date : NULL);
  sp_matrix_format_date (info->last_date, date);
  json_key (json, "      ", "last_date", FALSE);
  json_string (json, date[0] != '\0' ? date : NULL);
  json_key (json, "      ", "disagreement", FALSE);
  g_string_append (json, info->flags & SP_MATRIX_CELL_DISAGREEMENT ? "true" : "false");
  json_key (json, "      ", "rests_on_pending", FALSE);
  g_string_append (json, info->flags & SP_MATRIX_CELL_PENDING ? "true" : "false");

  evidence = sp_matrix_get_cell_evidence (matrix, r, c, &n);
  for (guint pass = 0; pass < 2; pass++)
    {
      json_key (json, "      ", pass == 0 ? "claim_ids" : "suggestion_ids", FALSE);
      g_string_append_c (json, '[');
      first = TRUE;
      for (guint i = 0; i < n; i++)
        {
          if (evidence[i].pending != (pass == 1))
            continue;
          g_string_append_printf (json, "%s%" G_GINT64_FORMAT, first ? "" : ", ", evidence[i].id);
          first = FALSE;
        }
      g_string_append_c (json, ']');
    }
  g_string_append (json, "\n    }");
}

/**
 * sp_matrix_to_json:
 *
 * The matrix as JSON (README.md, "File formats"): `version` 1, the options it was computed
 * with, its counts, rows, columns, and every cell with claims, the ids of the claims (and
 * pending suggestions) behind it in time order.
 *
 * Returns: (transfer full): the JSON text, ending in a newline
 */
char *
sp_matrix_to_json (SpMatrix *matrix)
{
  const SpMatrixOptions *options;
  GString *json;
  gboolean first = TRUE;

  g_return_val_if_fail (matrix != NULL, NULL);

  options = sp_matrix_get_options (matrix);
  json = g_string_new ("{");
  json_key (json, "  ", "version", TRUE);
  g_string_append (json, "1");
  json_key (json, "  ", "title", FALSE);
  json_string (json, sp_matrix_options_get_title (options));
  json_key (json, "  ", "options", FALSE);
  json_options (json, options);
  json_key (json, "  ", "documents", FALSE);
  g_string_append_printf (json, "%u", sp_matrix_get_n_documents (matrix));
  json_key (json, "  ", "claims", FALSE);
  g_string_append_printf (json, "%u", sp_matrix_get_n_claims (matrix));
  json_key (json, "  ", "pending", FALSE);
  g_string_append_printf (json, "%u", sp_matrix_get_n_pending (matrix));
  json_key (json, "  ", "undated_left_out", FALSE);
  g_string_append_printf (json, "%u", sp_matrix_get_n_undated (matrix));

  json_key (json, "  ", "rows", FALSE);
  g_string_append_c (json, '[');
  for (guint r = 0; r < sp_matrix_get_n_rows (matrix); r++)
    {
      gint64 group = sp_matrix_get_row_group_id (matrix, r);

      g_string_append_printf (json, "%s\n    {\"id\": %" G_GINT64_FORMAT ", \"label\": ",
                              r > 0 ? "," : "", sp_matrix_get_row_id (matrix, r));
      json_string (json, sp_matrix_get_row_label (matrix, r));
      if (group != 0)
        g_string_append_printf (json, ", \"group_id\": %" G_GINT64_FORMAT "}", group);
      else
        g_string_append (json, ", \"group_id\": null}");
    }
  g_string_append (json, sp_matrix_get_n_rows (matrix) > 0 ? "\n  ]" : "]");

  json_key (json, "  ", "columns", FALSE);
  g_string_append_c (json, '[');
  for (guint c = 0; c < sp_matrix_get_n_columns (matrix); c++)
    {
      g_string_append_printf (json, "%s\n    {\"id\": %" G_GINT64_FORMAT ", \"key\": ",
                              c > 0 ? "," : "", sp_matrix_get_column_id (matrix, c));
      json_string (json, sp_matrix_get_column_key (matrix, c));
      g_string_append (json, ", \"label\": ");
      json_string (json, sp_matrix_get_column_label (matrix, c));
      g_string_append_c (json, '}');
    }
  g_string_append (json, sp_matrix_get_n_columns (matrix) > 0 ? "\n  ]" : "]");

  json_key (json, "  ", "cells", FALSE);
  g_string_append_c (json, '[');
  for (guint r = 0; r < sp_matrix_get_n_rows (matrix); r++)
    for (guint c = 0; c < sp_matrix_get_n_columns (matrix); c++)
      {
        SpMatrixCellInfo info;

        if (!sp_matrix_get_cell_info (matrix, r, c, &info))
          continue;
        g_string_append (json, first ? "\n    " : ",\n    ");
        json_cell (json, matrix, r, c, &info);
        first = FALSE;
      }
  g_string_append (json, first ? "]\n}\n" : "\n  ]\n}\n");

  return g_string_free (json, FALSE);
}

static cairo_status_t
append_to_string_cb (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_string_append_len (closure, (const char *)data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
svg_text (GString    *layer,
          double      x,
          double      y,
          const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (layer, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", x, y, escaped);
}

/* cairo numbers the SVG's surfaces ("surface505") with a counter shared by the whole
 * process, so the same chart would differ from one export to the next: the ids are
 * renumbered in their order of appearance. */
static GString *
renumber_surfaces (GString *svg)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out = g_string_sized_new (svg->len);
  const char *p = svg->str;
  const char *hit;

  while ((hit = strstr (p, "surface")) != NULL)
    {
      const char *digits = hit + strlen ("surface");
      const char *end = digits;

      while (g_ascii_isdigit (*end))
        end++;

      if (end == digits || hit == svg->str || (hit[-1] != '"' && hit[-1] != '#'))
        {
          g_string_append_len (out, p, digits - p);
          p = digits;
          continue;
        }

      {
        g_autofree char *old = g_strndup (digits, end - digits);
        guint id = GPOINTER_TO_UINT (g_hash_table_lookup (ids, old));

        if (id == 0)
          {
            id = g_hash_table_size (ids) + 1;
            g_hash_table_insert (ids, g_steal_pointer (&old), GUINT_TO_POINTER (id));
          }
        g_string_append_len (out, p, digits - p);
        g_string_append_printf (out, "%u", id);
        p = end;
      }
    }
  g_string_append (out, p);
  g_string_free (svg, TRUE);

  return out;
}

/* The labels and the caption as text, invisible, where they are drawn */
static char *
svg_text_layer (SpMatrixLayout *layout)
{
  SpMatrix *matrix = sp_matrix_layout_get_matrix (layout);
  GString *layer = g_string_new ("<g id=\"text\" fill-opacity=\"0\" font-family=\"sans-serif\" font-size=\"10\">\n");
  g_autofree char *scope = sp_matrix_dup_scope_description (matrix);
  const char *title = sp_matrix_options_get_title (sp_matrix_get_options (matrix));

  if (title != NULL)
    svg_text (layer, MARGIN, MARGIN + 12, title);
  svg_text (layer, MARGIN, layout->caption_info_y + 10, scope);

  for (guint r = 0; layout->empty_message == NULL && r < sp_matrix_get_n_rows (matrix); r++)
    {
      cairo_rectangle_t rect;

      _sp_matrix_layout_cell_rect (layout, r, 0, &rect);
      svg_text (layer, MARGIN, rect.y + rect.height / 2 + 4, sp_matrix_get_row_label (matrix, r));
    }
  for (guint c = 0; layout->empty_message == NULL && c < sp_matrix_get_n_columns (matrix); c++)
    {
      cairo_rectangle_t rect;

      _sp_matrix_layout_cell_rect (layout, 0, c, &rect);
      svg_text (layer, rect.x, layout->grid_y - LABEL_GAP, sp_matrix_get_column_label (matrix, c));
    }
  g_string_append (layer, "</g>\n");

  return g_string_free (layer, FALSE);
}

/**
 * _sp_matrix_render_vector:
 * @format: %SP_MATRIX_FORMAT_SVG or %SP_MATRIX_FORMAT_PDF
 *
 * Draws the chart with its caption, as the PNG export does, into an SVG or PDF document.
 *
 * Returns: (transfer full): the file's bytes, or %NULL on error
 */
GBytes *
_sp_matrix_render_vector (SpMatrix        *matrix,
                          SpMatrixFormat   format,
                          GError         **error)
{
  PangoContext *context = sp_matrix_create_export_context ();
  g_autoptr(SpMatrixLayout) layout = sp_matrix_layout_new_with_caption (matrix, context);
  GString *out = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int width, height;

  g_object_unref (context);  /* the layout keeps it */
  g_return_val_if_fail (format == SP_MATRIX_FORMAT_SVG || format == SP_MATRIX_FORMAT_PDF, NULL);

  sp_matrix_layout_get_size (layout, &width, &height);

  if (format == SP_MATRIX_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_to_string_cb, out, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      const char *title = sp_matrix_options_get_title (sp_matrix_get_options (matrix));

      surface = cairo_pdf_surface_create_for_stream (append_to_string_cb, out,
                                                     width * PDF_POINTS_PER_UNIT,
                                                     height * PDF_POINTS_PER_UNIT);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      title != NULL ? title : _("Position matrix"));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Standpoint");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, PDF_FIXED_DATE);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, PDF_FIXED_DATE);
    }

  cr = cairo_create (surface);
  if (format == SP_MATRIX_FORMAT_PDF)
    cairo_scale (cr, PDF_POINTS_PER_UNIT, PDF_POINTS_PER_UNIT);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  sp_matrix_layout_draw (layout, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_string_free (out, TRUE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the matrix as %s: %s"),
                   format == SP_MATRIX_FORMAT_SVG ? "SVG" : "PDF", cairo_status_to_string (status));
      return NULL;
    }

  if (format == SP_MATRIX_FORMAT_SVG)
    {
      g_autofree char *layer = svg_text_layer (layout);
      const char *end;

      out = renumber_surfaces (out);
      end = g_strrstr (out->str, "</svg>");

      if (end != NULL)
        g_string_insert (out, end - out->str, layer);
    }

  return g_string_free_to_bytes (out);
}

/**
 * sp_matrix_export_to_bytes:
 * @scale: device pixels per layout unit, for PNG only
 *
 * The matrix in @format, as the file sp_matrix_export() writes.
 *
 * Returns: (transfer full): the bytes, or %NULL on error
 */
GBytes *
sp_matrix_export_to_bytes (SpMatrix        *matrix,
                           SpMatrixFormat   format,
                           double           scale,
                           GError         **error)
{
  char *text;

  g_return_val_if_fail (matrix != NULL, NULL);

  switch (format)
    {
    case SP_MATRIX_FORMAT_CSV:
      text = sp_matrix_to_csv (matrix);
      break;
    case SP_MATRIX_FORMAT_CSV_LONG:
      text = sp_matrix_to_csv_long (matrix);
      break;
    case SP_MATRIX_FORMAT_JSON:
      text = sp_matrix_to_json (matrix);
      break;
    case SP_MATRIX_FORMAT_PNG:
      g_return_val_if_fail (scale > 0, NULL);
      return sp_matrix_render_png (matrix, scale, error);
    case SP_MATRIX_FORMAT_SVG:
    case SP_MATRIX_FORMAT_PDF:
      return _sp_matrix_render_vector (matrix, format, error);
    default:
      g_return_val_if_reached (NULL);
    }

  return g_bytes_new_take (text, strlen (text));
}

/**
 * sp_matrix_export:
 * @scale: device pixels per layout unit, for PNG only
 *
 * Writes sp_matrix_export_to_bytes() to @path through sp_output_file_replace(), after
 * checking @path before any work.
 *
 * Returns: %TRUE when @path holds the export; otherwise %FALSE with one sentence, and
 *   @path as it was
 */
gboolean
sp_matrix_export (SpMatrix        *matrix,
                  SpMatrixFormat   format,
                  const char      *path,
                  double           scale,
                  GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!sp_output_file_check (path, error) ||
      !(bytes = sp_matrix_export_to_bytes (matrix, format, scale, error)))
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  return sp_output_file_replace (path, data, size, error);
}
