#pragma once

#include "sp-document.h"

G_BEGIN_DECLS

SpDocument *_sp_document_new (gint64      id,
                              const char *file_name,
                              const char *title,
                              const char *date,
                              const char *source,
                              const char *url,
                              const char *author,
                              guint       length,
                              guint       claim_count);

G_END_DECLS
