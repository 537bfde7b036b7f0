/* sp-removal.h
 *
 * A block of text that cleaning took out of a document on import (a share bar, a teaser, a
 * newsletter box…), kept so that the reader can show it and the analyst can put it back with
 * sp_project_restore_removal().
 */
#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_REMOVAL (sp_removal_get_type ())

G_DECLARE_FINAL_TYPE (SpRemoval, sp_removal, SP, REMOVAL, GObject)

gint64      sp_removal_get_id          (SpRemoval *self);
gint64      sp_removal_get_document_id (SpRemoval *self);
guint       sp_removal_get_offset      (SpRemoval *self);
const char *sp_removal_get_text        (SpRemoval *self);
const char *sp_removal_get_reason      (SpRemoval *self);

G_END_DECLS
