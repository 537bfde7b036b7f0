/* sp-actor-profile.c
 *
 * See sp-actor-profile.h. SpProfilePage holds the project while the page is shown and asks
 * for a reload whenever it changes (sp_profile_page_show() shows an actor). Rows are actionable: a
 * position opens the issue's profile (win.show-issue), a member its own profile
 * (win.show-actor), a claim its sentence in the reader (win.show-claim).
 */
#define G_LOG_DOMAIN "sp-actor-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-actor-dialog.h"
#include "sp-actor-profile.h"
#include "sp-matrix-profile.h"
#include "sp-profile-page.h"
#include "sp-profile-rows.h"
#include "sp-toast.h"

struct _SpActorProfile
{
  SpProfilePage         parent_instance;

  SpActor              *actor;     /* the one shown, if it was found */
  GArray               *merge_ids;  /* the actors the merge dialog offers, in its order */
  GPtrArray            *merge_names; /* and their names */

  /* Template children */
  GtkButton            *back_button;
  GtkLabel             *bar_title;
  GtkButton            *merge_button;
  GtkScrolledWindow    *scroller;
  GtkLabel             *name_label;
  GtkLabel             *facts_label;
  GtkLabel             *aliases_label;
  GtkListBox           *positions_list;
  AdwPreferencesGroup  *positions_group;
  AdwPreferencesGroup  *members_group;
  GtkListBox           *members_list;
  AdwPreferencesGroup  *claims_group;
  GtkStack             *claims_stack;
  GtkListBox           *claims_list;
};

G_DEFINE_FINAL_TYPE (SpActorProfile, sp_actor_profile, SP_TYPE_PROFILE_PAGE)

static gboolean
is_editable (SpActorProfile *self)
{
  return self->actor != NULL && sp_profile_page_get_editable (SP_PROFILE_PAGE (self));
}

static GtkWidget *
create_position_row (SpActorPosition *position)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *detail;
  g_autoptr(GString) facts = g_string_new (NULL);

  if (position->n_claims == 0)
    g_string_append (facts, _("No claims"));
  else
    {
      g_autofree char *date = sp_profile_dup_claim_date (position->latest);
      g_autofree char *stance = sp_stance_text (sp_claim_get_stance (position->latest));

      g_string_append_printf (facts, g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", position->n_claims),
                              position->n_claims);
      /* TRANSLATORS: the latest claim of an actor on an issue: its date and stance */
      g_string_append_printf (facts, _(" · latest %s (%s)"), date, stance);
      if (position->sign_changed)
        g_string_append (facts, _(" · changed sides"));
    }

  detail = sp_profile_text_label_new (facts->str, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), sp_profile_text_label_new (position->issue_label, "heading"));
  gtk_box_append (GTK_BOX (text), detail);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), sp_profile_swatch_new (position->mean, position->n_claims));
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_tooltip_text (row, _("Show the issue"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-issue");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (position->issue_id));

  return row;
}

static GtkWidget *
create_member_row (SpActor *member)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  guint n = sp_actor_get_claim_count (member);

  if (n == 0)
    /* TRANSLATORS: a member actor's kind, e.g. "Person · no claims" */
    subtitle = g_strdup_printf (_("%s · no claims"), sp_actor_kind_to_label (sp_actor_get_kind (member)));
  else
    /* TRANSLATORS: a member actor's kind and number of claims: "Person · 3 claims" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u claim", "%s · %u claims", n),
                                sp_actor_kind_to_label (sp_actor_get_kind (member)), n);

  /* Names come from the codebook, which may come from anywhere: no markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_actor_get_name (member));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-actor");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (sp_actor_get_id (member)));

  return row;
}

static void
fill_header (SpActorProfile *self)
{
  SpActor *actor = self->actor;
  const char * const *aliases = sp_actor_get_aliases (actor);
  g_autoptr(GString) facts = g_string_new (sp_actor_kind_to_label (sp_actor_get_kind (actor)));

  gtk_label_set_text (self->bar_title, sp_actor_get_name (actor));
  gtk_label_set_text (self->name_label, sp_actor_get_name (actor));

  if (sp_actor_get_affiliation_id (actor) != 0)
    {
      /* TRANSLATORS: after the actor's kind: "Person · part of Northland" */
      g_string_append_printf (facts, _(" · part of %s"), sp_actor_get_affiliation_name (actor));
      if (sp_actor_get_group_id (actor) != sp_actor_get_affiliation_id (actor))
        /* TRANSLATORS: the actor's top-most affiliation, after its affiliation */
        g_string_append_printf (facts, _(" (group: %s)"), sp_actor_get_group_name (actor));
    }
  gtk_label_set_text (self->facts_label, facts->str);

  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **)aliases);
      /* TRANSLATORS: followed by the actor's aliases, separated by commas */
      g_autofree char *text = g_strdup_printf (_("Also known as: %s"), list);

      gtk_label_set_text (self->aliases_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->aliases_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->aliases_label, _("No aliases"));
      gtk_widget_add_css_class (GTK_WIDGET (self->aliases_label), "dim-label");
    }
}

/* The members, and which actors the merge dialog may offer: every other actor except those
 * this one is part of (the store refuses those, as the actor would become part of itself) */
static gboolean
fill_members (SpActorProfile  *self,
              GError         **error)
{
  SpProject *project = sp_profile_page_get_project (SP_PROFILE_PAGE (self));
  gint64 actor_id = sp_actor_get_id (self->actor);
  g_autoptr(GListModel) actors = sp_project_list_actors (project, error);
  g_autoptr(GHashTable) parents = NULL;
  g_autoptr(GHashTable) above = NULL;
  guint n_members = 0;

  if (actors == NULL)
    return FALSE;

  parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  above = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
      gint64 id = sp_actor_get_id (actor);
      gint64 parent = sp_actor_get_affiliation_id (actor);

      g_hash_table_insert (parents, g_memdup2 (&id, sizeof id), g_memdup2 (&parent, sizeof parent));
      if (parent == actor_id)
        {
          gtk_list_box_append (self->members_list, create_member_row (actor));
          n_members++;
        }
    }

  /* Up the chain of affiliations, stopping at a circle a hand-edited file may hold */
  for (gint64 at = sp_actor_get_affiliation_id (self->actor);
       at != 0 && !g_hash_table_contains (above, &at); )
    {
      gint64 *parent = g_hash_table_lookup (parents, &at);

      g_hash_table_add (above, g_memdup2 (&at, sizeof at));
      at = parent ? *parent : 0;
    }

  g_array_set_size (self->merge_ids, 0);
  g_ptr_array_set_size (self->merge_names, 0);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
      gint64 id = sp_actor_get_id (actor);

      if (id != actor_id && !g_hash_table_contains (above, &id))
        {
          g_array_append_val (self->merge_ids, id);
          g_ptr_array_add (self->merge_names, g_strdup (sp_actor_get_name (actor)));
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->members_group), n_members > 0);

  return TRUE;
}

static void
update_actions (SpActorProfile *self)
{
  gboolean editable = is_editable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.edit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.merge", editable && self->merge_ids->len > 0);
}

static void
clear (SpActorProfile *self)
{
  g_clear_object (&self->actor);
  g_array_set_size (self->merge_ids, 0);
  g_ptr_array_set_size (self->merge_names, 0);
  sp_profile_clear_list (self->positions_list);
  sp_profile_clear_list (self->members_list);
  sp_profile_clear_list (self->claims_list);
}

static void
sp_actor_profile_reload (SpProfilePage *page)
{
  SpActorProfile *self = SP_ACTOR_PROFILE (page);
  SpProject *project = sp_profile_page_get_project (page);
  gint64 actor_id = sp_profile_page_get_id (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autofree char *claims_title = NULL;
  guint n_claims;

  clear (self);

  if (project == NULL || actor_id == 0)
    {
      update_actions (self);
      return;
    }

  if (!(self->actor = sp_project_get_actor (project, actor_id, &error)))
    {
      update_actions (self);
      sp_profile_page_lookup_failed (page, error);
      return;
    }

  fill_header (self);

  /* A group's row is the matrix's group row: its members' claims count too */
  if (!fill_members (self, &error) ||
      !(positions = sp_matrix_actor_positions (project, actor_id,
                                               gtk_widget_get_visible (GTK_WIDGET (self->members_group))
                                                 ? SP_MATRIX_LEVEL_GROUP : SP_MATRIX_LEVEL_ACTOR,
                                               &claims, &error)))
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      update_actions (self);
      return;
    }
  adw_preferences_group_set_description (self->positions_group,
                                         gtk_widget_get_visible (GTK_WIDGET (self->members_group))
                                         ? _("The group’s row of the matrix, its members’ claims included: the mean stance on each issue, the number of claims, and the latest")
                                         : _("The actor’s row of the matrix: its mean stance on each issue, the number of claims, and the latest"));

  for (guint i = 0; i < positions->len; i++)
    gtk_list_box_append (self->positions_list, create_position_row (g_ptr_array_index (positions, i)));
  if (positions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The codebook has no issues yet"));
      gtk_list_box_append (self->positions_list, row);
    }

  /* The latest claim first */
  n_claims = g_list_model_get_n_items (claims);
  for (guint i = n_claims; i > 0; i--)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (claims, i - 1);

      gboolean a_member = sp_claim_get_actor_id (claim) != actor_id;

      gtk_list_box_append (self->claims_list, sp_profile_claim_row_new (claim, a_member, TRUE));
    }

  claims_title = n_claims == 0 ? g_strdup (_("Claims"))
                               /* TRANSLATORS: a heading with the number of claims */
                               : g_strdup_printf (_("Claims (%u)"), n_claims);
  adw_preferences_group_set_title (self->claims_group, claims_title);
  adw_preferences_group_set_description (self->claims_group,
                                         n_claims > 0 ? _("The latest first; open one to read its sentence in the document") : NULL);
  gtk_stack_set_visible_child_name (self->claims_stack, n_claims > 0 ? "list" : "empty");

  update_actions (self);
}

gint64
sp_actor_profile_get_actor_id (SpActorProfile *self)
{
  g_return_val_if_fail (SP_IS_ACTOR_PROFILE (self), 0);
  return self->actor != NULL ? sp_actor_get_id (self->actor) : 0;
}

/**
 * sp_actor_profile_merge:
 * @merged_id: the actor that goes into the one shown
 *
 * Merges @merged_id into the actor shown, as one undo step, and says so in a toast that offers
 * Undo.
 *
 * Returns: whether it was merged (else a toast says why)
 */
gboolean
sp_actor_profile_merge (SpActorProfile *self,
                        gint64          merged_id)
{
  SpProject *project = sp_profile_page_get_project (SP_PROFILE_PAGE (self));
  g_autoptr(SpActor) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep_name = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SP_IS_ACTOR_PROFILE (self), FALSE);

  if (!is_editable (self))
    return FALSE;

  keep_name = g_strdup (sp_actor_get_name (self->actor));
  if (!(merged = sp_project_get_actor (project, merged_id, &error)) ||
      !sp_project_merge_actors (project, sp_actor_get_id (self->actor), merged_id, &error))
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  /* TRANSLATORS: a toast after merging two actors; both %s are actors' names */
  text = g_strdup_printf (_("Merged “%s” into “%s”"), sp_actor_get_name (merged), keep_name);
  sp_toast_show_undo (GTK_WIDGET (self), text);

  return TRUE;
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SpActorProfile   *self)
{
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "sp-choice");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "sp-ids");
  guint position = gtk_drop_down_get_selected (choice);

  /* The ids as the dialog offered them: the page may have reloaded since */
  if (g_str_equal (response, "merge") && position < ids->len)
    sp_actor_profile_merge (self, g_array_index (ids, gint64, position));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SpActorProfile *self = SP_ACTOR_PROFILE (widget);
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GtkExpression) expression = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *name;
  GtkWidget *dialog;
  GtkWidget *choice;

  if (!is_editable (self) || self->merge_ids->len == 0)
    return;

  /* The list in the dialog is the list as the page last read it: the page reloads on every
   * change, so it is the project's */
  g_ptr_array_add (self->merge_names, NULL);
  names = gtk_string_list_new ((const char * const *)self->merge_names->pdata);
  g_ptr_array_remove_index (self->merge_names, self->merge_names->len - 1);

  name = sp_actor_get_name (self->actor);
  /* TRANSLATORS: the merge dialog's heading; %s is the actor that stays */
  heading = g_strdup_printf (_("Merge an Actor Into “%s”?"), name);
  /* TRANSLATORS: the merge dialog's text; every %s is the actor that stays */
  body = g_strdup_printf (_("The chosen actor’s claims, aliases and members become %s’s, and its name becomes one of %s’s aliases. Undo takes the merge back."),
                          name, name);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), g_steal_pointer (&expression));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (choice), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actor to merge"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), choice);
  g_object_set_data (G_OBJECT (dialog), "sp-choice", choice);
  g_object_set_data_full (G_OBJECT (dialog), "sp-ids", g_array_copy (self->merge_ids),
                          (GDestroyNotify)g_array_unref);

  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWindow *
sp_actor_profile_create_editor (SpProfilePage *page,
                                GtkWindow     *parent)
{
  SpActorProfile *self = SP_ACTOR_PROFILE (page);

  if (self->actor == NULL)
    return NULL;

  return GTK_WINDOW (sp_actor_dialog_new (parent, sp_profile_page_get_project (page), self->actor));
}

static void
sp_actor_profile_dispose (GObject *object)
{
  SpActorProfile *self = (SpActorProfile *)object;

  g_clear_object (&self->actor);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_ACTOR_PROFILE);

  G_OBJECT_CLASS (sp_actor_profile_parent_class)->dispose (object);
}

static void
sp_actor_profile_finalize (GObject *object)
{
  SpActorProfile *self = (SpActorProfile *)object;

  g_clear_pointer (&self->merge_ids, g_array_unref);
  g_clear_pointer (&self->merge_names, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_actor_profile_parent_class)->finalize (object);
}

static void
sp_actor_profile_class_init (SpActorProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpProfilePageClass *page_class = SP_PROFILE_PAGE_CLASS (klass);

  object_class->dispose = sp_actor_profile_dispose;
  object_class->finalize = sp_actor_profile_finalize;
  page_class->reload = sp_actor_profile_reload;
  page_class->create_editor = sp_actor_profile_create_editor;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-actor-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, back_button);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, bar_title);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, merge_button);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, scroller);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, name_label);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, facts_label);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, positions_list);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, positions_group);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, members_group);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, members_list);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, claims_group);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, claims_stack);
  gtk_widget_class_bind_template_child (widget_class, SpActorProfile, claims_list);

  gtk_widget_class_install_action (widget_class, "profile.merge", NULL, merge_action);
}

static void
sp_actor_profile_init (SpActorProfile *self)
{
  self->merge_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->merge_names = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_profile_page_set_parts (SP_PROFILE_PAGE (self), GTK_WIDGET (self->back_button), self->scroller);
  update_actions (self);
}

GtkWidget *
sp_actor_profile_new (void)
{
  return g_object_new (SP_TYPE_ACTOR_PROFILE, NULL);
}
