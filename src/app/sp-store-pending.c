/* sp-store-pending.c: weak stand-ins for the store functions the window calls that the store
 * does not define yet, so that the window links meanwhile; a real definition replaces each. */
#include "config.h"
#include "sp-project.h"

#define WEAK __attribute__((weak))
#define PENDING(error) (g_set_error_literal (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_FAILED, "not available yet"), 0)

WEAK gboolean sp_project_update_document (SpProject *self, gint64 id, const SpDocumentMetadata *m, GError **error) { return PENDING (error); }
WEAK gboolean sp_project_delete_document (SpProject *self, gint64 id, gboolean with_claims, GError **error) { return PENDING (error); }
WEAK GListModel *sp_project_list_removals (SpProject *self, gint64 id, GError **error) { return G_LIST_MODEL (g_list_store_new (SP_TYPE_REMOVAL)); }
WEAK gboolean sp_project_restore_removal (SpProject *self, gint64 id, GError **error) { return PENDING (error); }
WEAK GListModel *sp_project_search_documents (SpProject *self, const char *query, GError **error) { PENDING (error); return NULL; }
WEAK GArray *sp_project_find_in_document (SpProject *self, gint64 id, const char *query, GError **error) { return g_array_new (FALSE, FALSE, sizeof (SpTextRange)); }
