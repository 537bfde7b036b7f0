/* sp-project-watch.c
 *
 * See sp-project-watch.h.
 */
#define G_LOG_DOMAIN "sp-project-watch"

#include "config.h"

#include "sp-project-watch.h"

/**
 * sp_project_watch_set:
 * @watched: (inout): the owner's project field
 * @project: (nullable): the project the owner shows from now on
 * @changed_cb: the owner's handler of #SpProject::changed, called with @owner first
 * @owner: the object that holds @watched; the handler dies with it
 *
 * Lets go of the project in @watched (and of its handler) and holds @project instead.
 *
 * Returns: whether the project is another one (else nothing was done)
 */
gboolean
sp_project_watch_set (SpProject **watched,
                      SpProject  *project,
                      GCallback   changed_cb,
                      gpointer    owner)
{
  g_return_val_if_fail (watched != NULL, FALSE);
  g_return_val_if_fail (project == NULL || SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);

  if (*watched == project)
    return FALSE;

  if (*watched != NULL)
    g_signal_handlers_disconnect_by_data (*watched, owner);
  g_set_object (watched, project);
  if (project != NULL)
    g_signal_connect_object (project, "changed", changed_cb, owner, G_CONNECT_SWAPPED);

  return TRUE;
}

/**
 * sp_project_watch_clear:
 * @watched: (inout): the owner's project field, %NULL afterwards
 * @owner: as given to sp_project_watch_set()
 *
 * For the owner's dispose: lets go of the project and of its handler.
 */
void
sp_project_watch_clear (SpProject **watched,
                        gpointer    owner)
{
  g_return_if_fail (watched != NULL);

  if (*watched != NULL)
    g_signal_handlers_disconnect_by_data (*watched, owner);
  g_clear_object (watched);
}
