#define G_LOG_DOMAIN "sp-issues-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-issue-dialog.h"
#include "sp-issue-profile.h"
#include "sp-issues-view.h"

struct _SpIssuesView
{
  SpCodebookView  parent_instance;

  SpIssueProfile *profile;
};

G_DEFINE_FINAL_TYPE (SpIssuesView, sp_issues_view, SP_TYPE_CODEBOOK_VIEW)

static GListModel *
sp_issues_view_list (SpCodebookView  *view,
                     SpProject       *project,
                     GError         **error)
{
  return sp_project_list_issues (project, error);
}

static GtkWindow *
sp_issues_view_create_editor (SpCodebookView *view,
                              SpProject      *project,
                              gpointer        item)
{
  return GTK_WINDOW (sp_issue_dialog_new (NULL, project, item));
}

static gboolean
sp_issues_view_delete_item (SpCodebookView  *view,
                            SpProject       *project,
                            gpointer         item,
                            GError         **error)
{
  return sp_project_delete_issue (project, sp_issue_get_id (item), error);
}

static char *
sp_issues_view_dup_name (gpointer item)
{
  return g_strdup (sp_issue_get_label (item));
}

static guint
sp_issues_view_get_claim_count (gpointer item)
{
  return sp_issue_get_claim_count (item);
}

static char *
sp_issues_view_dup_search_text (gpointer item)
{
  g_autofree char *keywords = g_strjoinv ("\n", (char **)sp_issue_get_keywords (item));
  g_autofree char *opposing = g_strjoinv ("\n", (char **)sp_issue_get_opposing_keywords (item));
  g_autofree char *excluded = g_strjoinv ("\n", (char **)sp_issue_get_excluded_phrases (item));
  g_autofree char *text = g_strjoin ("\n", sp_issue_get_key (item), sp_issue_get_label (item),
                                     sp_issue_get_proposition (item), keywords, opposing, excluded, NULL);

  return g_utf8_casefold (text, -1);
}

static gint64
sp_issues_view_get_id (gpointer item)
{
  return sp_issue_get_id (item);
}

/**
 * sp_issues_view_show_issue:
 *
 * Shows the profile of the issue @id (win.show-issue).
 *
 * Returns: %FALSE with @error set when the project has no such issue
 */
gboolean
sp_issues_view_show_issue (SpIssuesView  *self,
                           gint64         id,
                           GError       **error)
{
  SpProject *project = sp_codebook_view_get_project (SP_CODEBOOK_VIEW (self));
  g_autoptr(SpIssue) issue = NULL;

  g_return_val_if_fail (SP_IS_ISSUES_VIEW (self), FALSE);

  if (project == NULL || !(issue = sp_project_get_issue (project, id, error)))
    return FALSE;

  sp_codebook_view_open_profile (SP_CODEBOOK_VIEW (self), issue);
  return TRUE;
}

/* Returns: (transfer none): the issue's page */
SpIssueProfile *
sp_issues_view_get_profile (SpIssuesView *self)
{
  g_return_val_if_fail (SP_IS_ISSUES_VIEW (self), NULL);
  return self->profile;
}

static void
sp_issues_view_class_init (SpIssuesViewClass *klass)
{
  SpCodebookViewClass *view_class = SP_CODEBOOK_VIEW_CLASS (klass);

  view_class->list = sp_issues_view_list;
  view_class->create_editor = sp_issues_view_create_editor;
  view_class->delete_item = sp_issues_view_delete_item;
  view_class->dup_name = sp_issues_view_dup_name;
  view_class->get_claim_count = sp_issues_view_get_claim_count;
  view_class->dup_search_text = sp_issues_view_dup_search_text;
  view_class->get_id = sp_issues_view_get_id;
}

static void
sp_issues_view_init (SpIssuesView *self)
{
  SpCodebookView *view = SP_CODEBOOK_VIEW (self);

  sp_codebook_view_add_column (view, _("Label"), SP_TYPE_ISSUE, "label", TRUE);
  sp_codebook_view_add_column (view, _("Key"), SP_TYPE_ISSUE, "key", FALSE);
  sp_codebook_view_add_column (view, _("Proposition"), SP_TYPE_ISSUE, "proposition", TRUE);
  sp_codebook_view_add_column (view, _("Keywords"), SP_TYPE_ISSUE, "keywords-text", TRUE);
  sp_codebook_view_add_optional_column (view, _("Opposing Keywords"), SP_TYPE_ISSUE, "opposing-keywords-text");
  sp_codebook_view_add_optional_column (view, _("Excluded Phrases"), SP_TYPE_ISSUE, "excluded-phrases-text");
  sp_codebook_view_add_column (view, _("Claims"), SP_TYPE_ISSUE, "claim-count", FALSE);

  sp_codebook_view_set_empty_state (view, "view-list-bullet-symbolic",
                                    _("No Issues Yet"),
                                    _("Add the propositions you code stances on, such as “Ukraine should join NATO”, or import a codebook"),
                                    _("_Add Issue…"));

  self->profile = SP_ISSUE_PROFILE (sp_issue_profile_new ());
  sp_codebook_view_set_profile_page (view, GTK_WIDGET (self->profile));
}
