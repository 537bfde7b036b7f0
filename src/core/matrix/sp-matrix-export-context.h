/* sp-matrix-export-context.h
 *
 * The PangoContext an exported image is measured and drawn with.
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

PangoContext *sp_matrix_create_export_context (void);

G_END_DECLS
