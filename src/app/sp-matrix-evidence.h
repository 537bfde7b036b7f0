/* sp-matrix-evidence.h
 *
 * The claims behind a matrix cell, in a popover: each with its quote, document, date, stance
 * and status, the way to its sentence in the reader, and the cell's claims over time.
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_MATRIX_EVIDENCE (sp_matrix_evidence_get_type ())

G_DECLARE_FINAL_TYPE (SpMatrixEvidence, sp_matrix_evidence, SP, MATRIX_EVIDENCE, GtkPopover)

GtkWidget *sp_matrix_evidence_new        (void);
void       sp_matrix_evidence_set_claims (SpMatrixEvidence *self,
                                          const char       *heading,
                                          GPtrArray        *claims);
guint      sp_matrix_evidence_get_n_claims (SpMatrixEvidence *self);

G_END_DECLS
