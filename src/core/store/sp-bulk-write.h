/* sp-bulk-write.h
 *
 * How a project's connection is set up while it commits many transactions in a row (an
 * import): see sp-bulk-write.c.
 */
#pragma once

#include "sp-project.h"

G_BEGIN_DECLS

typedef struct _SpBulkWrite SpBulkWrite;

SpBulkWrite *sp_bulk_write_begin (SpProject   *project);
void         sp_bulk_write_end   (SpBulkWrite *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBulkWrite, sp_bulk_write_end)

G_END_DECLS
