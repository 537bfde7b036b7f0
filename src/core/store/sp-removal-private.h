#pragma once

#include "sp-removal.h"

G_BEGIN_DECLS

SpRemoval *_sp_removal_new (gint64      id,
                            gint64      document_id,
                            guint       offset,
                            const char *text,
                            const char *reason);

G_END_DECLS
