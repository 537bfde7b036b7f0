/* sp-checkpointer.h
 *
 * Checkpoints of a project's write-ahead log in a thread of their own, for a connection that
 * commits many transactions in a row (an import).
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

typedef struct _SpCheckpointer SpCheckpointer;

SpCheckpointer *sp_checkpointer_new  (SpProject      *project);
void            sp_checkpointer_free (SpCheckpointer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCheckpointer, sp_checkpointer_free)

G_END_DECLS
