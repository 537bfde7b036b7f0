/* sp-matrix-export-context.c
 *
 * The fonts of an exported image. The window measures and draws with its widget's
 * PangoContext, which follows the desktop; an export must not: it fixes everything that
 * would change its geometry or its pixels, so that the same project gives the same bytes.
 */
#define G_LOG_DOMAIN "sp-matrix-export"

#include "config.h"

#include <pango/pangocairo.h>

#include "sp-matrix-export-context.h"


/**
 * sp_matrix_create_export_context:
 *
 * A #PangoContext for image exports: a fixed font, resolution and language, and no hinting,
 * so that the geometry does not depend on the desktop's settings and the text scales
 * cleanly with the image.
 *
 * It may be made in any thread, and is then used only there: pango gives each thread a
 * default font map of its own (pango_cairo_font_map_get_default()), so an export worker
 * shares nothing with the window's fonts; fontconfig and cairo's font caches are
 * thread-safe. The same fonts give the same bytes in every thread.
 *
 * Returns: (transfer full): the context
 */
PangoContext *
sp_matrix_create_export_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("en"));
  pango_context_set_base_dir (context, PANGO_DIRECTION_LTR);
  pango_context_set_font_description (context, font);

  pango_font_description_free (font);
  cairo_font_options_destroy (options);

  return context;
}
