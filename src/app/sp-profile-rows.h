/* sp-profile-rows.h
 *
 * The pieces the actor and issue profiles share: a stance swatch in the matrix's colours, a
 * claim's row that opens its sentence in the reader, and the words for sides and dates.
 */
#pragma once

#include <adwaita.h>

#include "sp-list-labels.h"
#include "sp-project.h"

G_BEGIN_DECLS

GtkWidget  *sp_profile_swatch_new      (double       mean,
                                        guint        n_claims);
GtkWidget  *sp_profile_claim_row_new   (SpClaim     *claim,
                                        gboolean     with_actor,
                                        gboolean     with_issue);
GtkWidget  *sp_profile_text_label_new  (const char  *text,
                                        const char  *css_class);
char       *sp_profile_dup_claim_date  (SpClaim     *claim);
const char *sp_profile_side_name       (double       mean);
void        sp_profile_clear_list      (GtkListBox  *list);

G_END_DECLS
