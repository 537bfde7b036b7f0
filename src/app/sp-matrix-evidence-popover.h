/* sp-matrix-evidence-popover.h
 *
 * The claims behind a matrix cell, in a popover: each with its quote, document, date, stance
 * and status, the way to its sentence in the reader, and the cell's claims over time.
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"
#include "sp-suggestion.h"

G_BEGIN_DECLS

#define SP_TYPE_MATRIX_EVIDENCE_POPOVER (sp_matrix_evidence_popover_get_type ())

G_DECLARE_FINAL_TYPE (SpMatrixEvidencePopover, sp_matrix_evidence_popover, SP, MATRIX_EVIDENCE_POPOVER, GtkPopover)

GtkWidget *sp_matrix_evidence_popover_new        (void);
void       sp_matrix_evidence_popover_set_claims (SpMatrixEvidencePopover *self,
                                          const char       *heading,
                                          GPtrArray        *claims);
void       sp_matrix_evidence_popover_set_profiles (SpMatrixEvidencePopover *self,
                                                    gint64                   actor_id,
                                                    gint64                   issue_id);
guint      sp_matrix_evidence_popover_get_n_claims (SpMatrixEvidencePopover *self);

G_END_DECLS
