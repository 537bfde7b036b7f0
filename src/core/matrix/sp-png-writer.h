/* sp-png-writer.h
 *
 * A PNG encoder fed one row of cairo pixels at a time, so that an image never has to be in
 * memory whole: 8-bit RGB, no interlace, no timestamp (the same rows give the same bytes).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The PNG format's limit for either side of an image */
#define SP_PNG_MAX_SIDE G_MAXINT32

typedef struct _SpPngWriter SpPngWriter;

SpPngWriter *sp_png_writer_new     (guint32       width,
                                    guint32       height,
                                    GError      **error);
gboolean     sp_png_writer_add_row (SpPngWriter    *self,
                                    const guint32  *pixels,
                                    GError        **error);
GBytes      *sp_png_writer_finish  (SpPngWriter  *self,
                                    GError      **error);
void         sp_png_writer_free    (SpPngWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPngWriter, sp_png_writer_free)

G_END_DECLS
