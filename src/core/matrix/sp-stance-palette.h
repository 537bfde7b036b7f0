/* sp-stance-palette.h
 *
 * The stance colours, defined once: the matrix cells, the legend, the reader's highlights,
 * the claim badges and the stance buttons all take them from here (the window's CSS is
 * generated from sp_stance_palette_to_css()).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
} SpRgb;

/* Text on light fills, and on the palette's dark ends */
#define SP_STANCE_DARK_TEXT  { 0x1f / 255.0, 0x23 / 255.0, 0x28 / 255.0 }
#define SP_STANCE_LIGHT_TEXT { 1.0, 1.0, 1.0 }

void  sp_stance_color            (double       mean,
                                  SpRgb       *fill);
void  sp_stance_mark_color       (int          stance,
                                  SpRgb       *fill);
void  sp_stance_text_color       (const SpRgb *fill,
                                  SpRgb       *ink);
char *sp_stance_color_to_hex     (const SpRgb *color);
char *sp_stance_palette_to_css   (void);

G_END_DECLS
