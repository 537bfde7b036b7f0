/* sp-gui-test-talks.c
 *
 * See sp-gui-test-talks.h.
 */
#include "config.h"

#include "sp-gui-test-talks.h"
#include "sp-gui-test-util.h"
#include "sp-test-util.h"

const char sp_gui_test_talks_body[] =
  "Delegations from Northland and Southland met in Portbridge.\n\n"
  "Ana Berg said a ceasefire must come before any talk of borders.\n\n"
  "Tomas Reyes rejected a ceasefire without guarantees.";

void
sp_gui_test_talks_setup (SpGuiTestTalks *f,
                         gconstpointer   data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *berg_aliases[] = { "Berg", NULL };

  f->dir = sp_test_make_tmpdir ();
  project = sp_test_new_project (f->dir, "window.standpoint");
  f->path = g_strdup (sp_project_get_path (project));
  f->document = sp_test_add_document (project, "talks.txt", "Talks in Portbridge", sp_gui_test_talks_body);
  f->northland = sp_project_add_actor (project, "Northland", SP_ACTOR_KIND_STATE, 0, NULL, &error);
  f->berg = sp_project_add_actor (project, "Ana Berg", SP_ACTOR_KIND_PERSON, f->northland, berg_aliases, &error);
  f->reyes = sp_project_add_actor (project, "Tomas Reyes", SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  f->ceasefire = sp_project_add_issue (project, "ceasefire", "Ceasefire first", NULL, NULL, &error);
  f->membership = sp_project_add_issue (project, "membership", "Alliance membership", NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  f->window = sp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  sp_gui_test_open_project (f->window, f->path);
  gtk_window_present (GTK_WINDOW (f->window));
  sp_gui_test_settle (GTK_WIDGET (f->window));
}

void
sp_gui_test_talks_teardown (SpGuiTestTalks *f,
                            gconstpointer   data)
{
  sp_gui_test_tear_down (f->window, f->dir);
  g_free (f->path);
}
