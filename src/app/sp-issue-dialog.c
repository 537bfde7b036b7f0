#define G_LOG_DOMAIN "sp-issue-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-issue-dialog.h"
#include "sp-name.h"

struct _SpIssueDialog
{
  SpFormDialog  parent_instance;

  SpProject    *project;
  gint64        issue_id;       /* 0 when adding */
  gboolean      key_edited;     /* once the user types a key, the label stops proposing one */
  gboolean      setting_key;

  AdwEntryRow  *label_row;
  AdwEntryRow  *key_row;
  AdwEntryRow  *proposition_row;
  AdwEntryRow  *keywords_row;
  AdwEntryRow  *opposing_row;
  AdwEntryRow  *excluded_row;
};

G_DEFINE_FINAL_TYPE (SpIssueDialog, sp_issue_dialog, SP_TYPE_FORM_DIALOG)

/* A phrase is of one kind only: in two lists it would give one statement both signs, or
 * none. @lists and @names are in SpKeywordKind order. */
static gboolean
check_keyword_kinds (const char * const  *lists[3],
                     const char          *names[3],
                     GError             **error)
{
  guint list, index, earlier;

  if (!sp_name_lists_overlap (lists, 3, &list, &index, &earlier))
    return TRUE;

  g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
               _("“%s” is both among the %s and the %s"), lists[list][index], names[earlier], names[list]);
  return FALSE;
}

static gboolean
sp_issue_dialog_save (SpFormDialog  *dialog,
                      GError       **error)
{
  SpIssueDialog *self = SP_ISSUE_DIALOG (dialog);
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->label_row));
  const char *proposition = gtk_editable_get_text (GTK_EDITABLE (self->proposition_row));
  g_auto(GStrv) keywords = sp_split_list (gtk_editable_get_text (GTK_EDITABLE (self->keywords_row)));
  g_auto(GStrv) opposing = sp_split_list (gtk_editable_get_text (GTK_EDITABLE (self->opposing_row)));
  g_auto(GStrv) excluded = sp_split_list (gtk_editable_get_text (GTK_EDITABLE (self->excluded_row)));
  const char * const *lists[3] = {
    (const char * const *) keywords, (const char * const *) opposing, (const char * const *) excluded,
  };
  const char *names[3] = { _("keywords"), _("opposing keywords"), _("excluded phrases") };
  gint64 id = self->issue_id;
  gboolean ok;

  if (!check_keyword_kinds (lists, names, error))
    return FALSE;

  /* the issue and all its phrases are one undo step */
  if (!sp_project_begin_action (self->project, id == 0 ? _("Add Issue") : _("Edit Issue"), error))
    return FALSE;
  if (id == 0)
    ok = (id = sp_project_add_issue (self->project, key, label, proposition,
                                     (const char * const *)keywords, error)) != 0;
  else
    ok = sp_project_update_issue (self->project, id, key, label, proposition,
                                  (const char * const *)keywords, error);
  ok = ok && sp_project_set_issue_keywords_of_kind (self->project, id, SP_KEYWORD_KIND_OPPOSING,
                                                    (const char * const *)opposing, error);
  ok = ok && sp_project_set_issue_keywords_of_kind (self->project, id, SP_KEYWORD_KIND_EXCLUDED,
                                                    (const char * const *)excluded, error);

  return sp_project_end_action (self->project, ok, ok ? error : NULL) && ok;
}

/* "Ukraine in NATO" proposes the key "ukraine_in_nato" */
static char *
key_from_label (const char *label)
{
  g_autofree char *ascii = g_str_to_ascii (label, "C");
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
      else if (key->len > 0 && key->str[key->len - 1] != '_')
        g_string_append_c (key, '_');
    }

  while (key->len > 0 && key->str[key->len - 1] == '_')
    g_string_truncate (key, key->len - 1);

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static void
update_can_save (SpIssueDialog *self)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row))));
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));

  sp_form_dialog_set_can_save (SP_FORM_DIALOG (self), key[0] != '\0' && label[0] != '\0');
}

static void
label_changed_cb (SpIssueDialog *self)
{
  if (self->issue_id == 0 && !self->key_edited)
    {
      g_autofree char *key = key_from_label (gtk_editable_get_text (GTK_EDITABLE (self->label_row)));

      self->setting_key = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->key_row), key);
      self->setting_key = FALSE;
    }

  update_can_save (self);
}

static void
key_changed_cb (SpIssueDialog *self)
{
  if (!self->setting_key)
    self->key_edited = TRUE;

  update_can_save (self);
}

static void
sp_issue_dialog_dispose (GObject *object)
{
  SpIssueDialog *self = (SpIssueDialog *)object;

  g_clear_object (&self->project);

  G_OBJECT_CLASS (sp_issue_dialog_parent_class)->dispose (object);
}

static void
sp_issue_dialog_class_init (SpIssueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SpFormDialogClass *dialog_class = SP_FORM_DIALOG_CLASS (klass);

  object_class->dispose = sp_issue_dialog_dispose;
  dialog_class->save = sp_issue_dialog_save;
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, GTK_WIDGET (row));

  return row;
}

static void
sp_issue_dialog_init (SpIssueDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *proposition_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *keywords_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  self->label_row = add_entry_row (group, _("Label"));
  self->key_row = add_entry_row (group, _("Key"));
  adw_preferences_group_set_description (group,
                                         _("The key names the issue's column in exports: letters, digits, “_”, “-” and “.”"));
  g_signal_connect_object (self->label_row, "changed", G_CALLBACK (label_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->key_row, "changed", G_CALLBACK (key_changed_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_group_set_title (proposition_group, _("Proposition"));
  adw_preferences_group_set_description (proposition_group,
                                         _("Written so that “support” is unambiguous, e.g. “Ukraine should join NATO”"));
  self->proposition_row = add_entry_row (proposition_group, _("Proposition"));

  adw_preferences_group_set_title (keywords_group, _("Keywords"));
  adw_preferences_group_set_description (keywords_group,
                                         _("Words and phrases that signal the issue in a text, separated by commas. "
                                           "Opposing keywords name the contrary of the proposition, "
                                           "so a statement for them is against it: “neutrality” for "
                                           "“Ukraine should join NATO”. In an excluded phrase a keyword "
                                           "is not the issue: “nuclear weapons” for “weapons”."));
  self->keywords_row = add_entry_row (keywords_group, _("Keywords"));
  self->opposing_row = add_entry_row (keywords_group, _("Opposing Keywords"));
  self->excluded_row = add_entry_row (keywords_group, _("Excluded Phrases"));

  sp_form_dialog_add_group (SP_FORM_DIALOG (self), group);
  sp_form_dialog_add_group (SP_FORM_DIALOG (self), proposition_group);
  sp_form_dialog_add_group (SP_FORM_DIALOG (self), keywords_group);
}

/**
 * sp_issue_dialog_new:
 * @issue: (nullable): the issue to edit, or %NULL to add one
 */
SpIssueDialog *
sp_issue_dialog_new (GtkWindow *parent,
                     SpProject *project,
                     SpIssue   *issue)
{
  SpIssueDialog *self;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  self = g_object_new (SP_TYPE_ISSUE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->issue_id = issue ? sp_issue_get_id (issue) : 0;

  sp_form_dialog_set_heading (SP_FORM_DIALOG (self), issue ? _("Edit Issue") : _("New Issue"));

  if (issue != NULL)
    {
      g_autofree char *keywords = sp_join_list (sp_issue_get_keywords (issue));
      g_autofree char *opposing = sp_join_list (sp_issue_get_opposing_keywords (issue));
      g_autofree char *excluded = sp_join_list (sp_issue_get_excluded_phrases (issue));

      gtk_editable_set_text (GTK_EDITABLE (self->label_row), sp_issue_get_label (issue));
      gtk_editable_set_text (GTK_EDITABLE (self->key_row), sp_issue_get_key (issue));
      gtk_editable_set_text (GTK_EDITABLE (self->proposition_row), sp_issue_get_proposition (issue));
      gtk_editable_set_text (GTK_EDITABLE (self->keywords_row), keywords);
      gtk_editable_set_text (GTK_EDITABLE (self->opposing_row), opposing);
      gtk_editable_set_text (GTK_EDITABLE (self->excluded_row), excluded);
    }

  update_can_save (self);

  return self;
}
