/* sp-stance-palette.c
 *
 * ColorBrewer's diverging RdBu scale in five classes, red for opposition and blue for
 * support: its classes stay apart for the common forms of colour blindness. Mean stances
 * between two classes are interpolated.
 */
#define G_LOG_DOMAIN "sp-stance-palette"

#include "config.h"

#include <math.h>

#include "sp-stance-palette.h"
#include "sp-types.h"

/* −2 … +2 */
static const SpRgb stance_stops[5] = {
  { 0xca / 255.0, 0x00 / 255.0, 0x20 / 255.0 },
  { 0xf4 / 255.0, 0xa5 / 255.0, 0x82 / 255.0 },
  { 0xf7 / 255.0, 0xf7 / 255.0, 0xf7 / 255.0 },
  { 0x92 / 255.0, 0xc5 / 255.0, 0xde / 255.0 },
  { 0x05 / 255.0, 0x71 / 255.0, 0xb0 / 255.0 },
};

/* A single claim's neutral mark: the scale's neutral is near-white, which does not show as a
 * highlight or a badge on a white page. */
static const SpRgb neutral_mark = { 0xc0 / 255.0, 0xc0 / 255.0, 0xc0 / 255.0 };

static const SpRgb dark_text = SP_STANCE_DARK_TEXT;
static const SpRgb light_text = SP_STANCE_LIGHT_TEXT;

/**
 * sp_stance_color:
 * @mean: a mean stance, −2 (strongly oppose) … +2 (strongly support)
 * @fill: (out): its colour
 *
 * 0 is a light neutral grey; empty cells are not drawn with this scale at all.
 */
void
sp_stance_color (double  mean,
                 SpRgb  *fill)
{
  double t;
  double f;
  guint i;

  g_return_if_fail (fill != NULL);

  if (!isfinite (mean))
    mean = 0.0;

  t = CLAMP (mean, SP_STANCE_MIN, SP_STANCE_MAX) - SP_STANCE_MIN;
  i = MIN ((guint)floor (t), G_N_ELEMENTS (stance_stops) - 2);
  f = t - i;

  fill->red = stance_stops[i].red + (stance_stops[i + 1].red - stance_stops[i].red) * f;
  fill->green = stance_stops[i].green + (stance_stops[i + 1].green - stance_stops[i].green) * f;
  fill->blue = stance_stops[i].blue + (stance_stops[i + 1].blue - stance_stops[i].blue) * f;
}

/**
 * sp_stance_mark_color:
 * @stance: one claim's stance, −2 … +2
 * @fill: (out): the colour that marks it in text and badges
 *
 * The scale's class for @stance, except that neutral is a visible grey.
 */
void
sp_stance_mark_color (int    stance,
                      SpRgb *fill)
{
  g_return_if_fail (fill != NULL);

  if (stance == 0)
    *fill = neutral_mark;
  else
    sp_stance_color (stance, fill);
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const SpRgb *c)
{
  return 0.2126 * linear_channel (c->red) +
         0.7152 * linear_channel (c->green) +
         0.0722 * linear_channel (c->blue);
}

/**
 * sp_stance_text_color:
 * @ink: (out): the text colour, dark or white, with the higher WCAG contrast on @fill
 */
void
sp_stance_text_color (const SpRgb *fill,
                      SpRgb       *ink)
{
  double l;
  double on_dark;
  double on_light;

  g_return_if_fail (fill != NULL && ink != NULL);

  l = luminance (fill);
  on_dark = (luminance (&light_text) + 0.05) / (l + 0.05);
  on_light = (l + 0.05) / (luminance (&dark_text) + 0.05);
  *ink = on_dark > on_light ? light_text : dark_text;
}

/**
 * sp_stance_color_to_hex:
 *
 * Returns: (transfer full): "#rrggbb"
 */
char *
sp_stance_color_to_hex (const SpRgb *color)
{
  g_return_val_if_fail (color != NULL, NULL);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) lround (CLAMP (color->red, 0.0, 1.0) * 255.0),
                          (guint) lround (CLAMP (color->green, 0.0, 1.0) * 255.0),
                          (guint) lround (CLAMP (color->blue, 0.0, 1.0) * 255.0));
}

/**
 * sp_stance_palette_to_css:
 *
 * The stance colours as CSS rules for the window: `.stance-badge.stancem2` … `.stancep2` for
 * claim badges, and the same classes on toggle buttons (the claim popover's stance buttons):
 * filled when checked, with an edge of the colour when not. Each fill comes with the text
 * colour that reads best on it.
 *
 * Returns: (transfer full): CSS text
 */
char *
sp_stance_palette_to_css (void)
{
  GString *css = g_string_new (NULL);

  for (int stance = SP_STANCE_MIN; stance <= SP_STANCE_MAX; stance++)
    {
      g_autofree char *fill_hex = NULL;
      g_autofree char *ink_hex = NULL;
      SpRgb fill;
      SpRgb ink;
      char sign = stance < 0 ? 'm' : 'p';

      sp_stance_mark_color (stance, &fill);
      sp_stance_text_color (&fill, &ink);
      fill_hex = sp_stance_color_to_hex (&fill);
      ink_hex = sp_stance_color_to_hex (&ink);

      g_string_append_printf (css,
                              ".stance-badge.stance%c%d,\n"
                              "button.toggle.stance%c%d:checked "
                              "{ background-color: %s; color: %s; }\n"
                              "button.toggle.stance%c%d:not(:checked) "
                              "{ box-shadow: inset 0 -4px %s; }\n",
                              sign, ABS (stance), sign, ABS (stance), fill_hex, ink_hex,
                              sign, ABS (stance), fill_hex);
    }

  return g_string_free (css, FALSE);
}
