/* sp-issue-profile.c
 *
 * See sp-issue-profile.h. Like the actor profile, an SpProfilePage: it holds the project only
 * while it is shown and reads it again when it changes. Each actor's row opens its strongest quote in the
 * reader (win.show-claim); its button opens the actor's profile (win.show-actor).
 */
#define G_LOG_DOMAIN "sp-issue-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-issue-dialog.h"
#include "sp-issue-profile-private.h"
#include "sp-matrix-profile.h"
#include "sp-profile-page.h"
#include "sp-profile-rows.h"
#include "sp-toast.h"

struct _SpIssueProfile
{
  SpProfilePage         parent_instance;

  SpIssue              *issue;   /* the one shown, if it was found */
  GArray               *months;  /* SpTimelineMonth, what the chart draws */

  /* Template children */
  GtkButton            *back_button;
  GtkLabel             *bar_title;
  GtkScrolledWindow    *scroller;
  GtkLabel             *label_label;
  GtkLabel             *key_label;
  GtkLabel             *proposition_label;
  GtkLabel             *summary_label;
  AdwStatusPage        *empty_page;
  AdwPreferencesGroup  *for_group;
  GtkListBox           *for_list;
  AdwPreferencesGroup  *against_group;
  GtkListBox           *against_list;
  AdwPreferencesGroup  *neutral_group;
  GtkListBox           *neutral_list;
  AdwPreferencesGroup  *timeline_group;
  GtkBox               *timeline_box;
  GtkDrawingArea       *timeline_area;
};

G_DEFINE_FINAL_TYPE (SpIssueProfile, sp_issue_profile, SP_TYPE_PROFILE_PAGE)

static GtkWidget *
create_actor_row (SpIssuePosition *position)
{
  SpClaim *claim = position->strongest;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = sp_profile_text_label_new (position->actor_name, "heading");
  GtkWidget *count;
  GtkWidget *quote = sp_profile_text_label_new (sp_claim_get_quote (claim), "claim-quote");
  GtkWidget *from;
  GtkWidget *profile = gtk_button_new_from_icon_name ("avatar-default-symbolic");
  g_autofree char *date = sp_profile_dup_claim_date (claim);
  g_autofree char *from_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *stance = sp_stance_text (sp_claim_get_stance (claim));

  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", position->n_claims),
                                position->n_claims);
  count = sp_profile_text_label_new (count_text, "caption");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_box_append (GTK_BOX (title), name);
  gtk_box_append (GTK_BOX (title), count);

  /* TRANSLATORS: under an actor's strongest quote: its stance, the document and its date */
  from_text = g_strdup_printf (_("Strongest claim (%s) · %s · %s"), stance,
                               sp_claim_get_document_title (claim), date);
  from = sp_profile_text_label_new (from_text, "caption");
  gtk_widget_add_css_class (from, "dim-label");
  gtk_label_set_lines (GTK_LABEL (quote), 4);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), quote);
  gtk_box_append (GTK_BOX (text), from);

  gtk_widget_set_valign (profile, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (profile, "flat");
  gtk_widget_set_tooltip_text (profile, _("Show the actor"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (profile), "win.show-actor");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (profile), g_variant_new_int64 (position->actor_id));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), sp_profile_swatch_new (position->mean, position->n_claims));
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), profile);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_tooltip_text (row, _("Show the quote in the document"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-claim");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (sp_claim_get_id (claim)));

  return row;
}

static void
clear (SpIssueProfile *self)
{
  GtkWidget *child;

  g_clear_object (&self->issue);
  g_array_set_size (self->months, 0);
  sp_profile_clear_list (self->for_list);
  sp_profile_clear_list (self->against_list);
  sp_profile_clear_list (self->neutral_list);

  /* The month sections follow the chart */
  while ((child = gtk_widget_get_next_sibling (GTK_WIDGET (self->timeline_area))) != NULL)
    gtk_box_remove (self->timeline_box, child);
  gtk_widget_queue_draw (GTK_WIDGET (self->timeline_area));
}

static void
set_group (AdwPreferencesGroup *group,
           const char          *side,
           guint                n_actors)
{
  /* TRANSLATORS: a heading: the side and how many actors take it, "For (3)" */
  g_autofree char *title = g_strdup_printf (_("%s (%u)"), side, n_actors);

  adw_preferences_group_set_title (group, title);
  gtk_widget_set_visible (GTK_WIDGET (group), n_actors > 0);
}

static void
fill (SpIssueProfile *self)
{
  SpProject *project = sp_profile_page_get_project (SP_PROFILE_PAGE (self));
  gint64 issue_id = sp_profile_page_get_id (SP_PROFILE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) positions = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GArray) months = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *claims_text = NULL;
  g_autofree char *actors_text = NULL;
  g_autofree char *description = NULL;
  const char *proposition;
  guint n_side[3] = { 0, 0, 0 };
  guint n_claims;
  guint n_undated;

  if (project == NULL || issue_id == 0)
    return;

  if (!(self->issue = sp_project_get_issue (project, issue_id, &error)))
    {
      sp_profile_page_lookup_failed (SP_PROFILE_PAGE (self), error);
      return;
    }

  gtk_label_set_text (self->bar_title, sp_issue_get_label (self->issue));
  gtk_label_set_text (self->label_label, sp_issue_get_label (self->issue));
  gtk_label_set_text (self->key_label, sp_issue_get_key (self->issue));
  proposition = sp_issue_get_proposition (self->issue);
  gtk_label_set_text (self->proposition_label, proposition[0] ? proposition : _("No proposition written yet"));
  if (proposition[0])
    gtk_widget_remove_css_class (GTK_WIDGET (self->proposition_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->proposition_label), "dim-label");

  if (!(positions = sp_matrix_issue_positions (project, issue_id, &claims, &error)))
    {
      sp_toast_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  for (guint i = 0; i < positions->len; i++)
    {
      SpIssuePosition *position = g_ptr_array_index (positions, i);
      guint side = position->mean > 0 ? 0 : position->mean < 0 ? 1 : 2;
      GtkListBox *lists[] = { self->for_list, self->against_list, self->neutral_list };

      gtk_list_box_append (lists[side], create_actor_row (position));
      n_side[side]++;
    }

  set_group (self->for_group, _("For"), n_side[0]);
  set_group (self->against_group, _("Against"), n_side[1]);
  set_group (self->neutral_group, _("Neutral"), n_side[2]);

  n_claims = g_list_model_get_n_items (claims);
  /* TRANSLATORS: the start of an issue's summary, "3 claims by 2 actors: …" */
  claims_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_claims), n_claims);
  actors_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", positions->len), positions->len);
  /* TRANSLATORS: an issue's summary: "3 claims by 2 actors: 1 for, 1 against, 0 neutral" */
  summary = g_strdup_printf (_("%s by %s: %u for, %u against, %u neutral"),
                             claims_text, actors_text, n_side[0], n_side[1], n_side[2]);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n_claims > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n_claims == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), n_claims > 0);

  months = _sp_issue_timeline_count (claims, &n_undated);
  g_array_append_vals (self->months, months->data, months->len);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_area), self->months->len > 0);
  description = _sp_issue_timeline_describe (self->months);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  _sp_issue_timeline_fill_list (self->timeline_box, claims);
}

static void
sp_issue_profile_reload (SpProfilePage *page)
{
  SpIssueProfile *self = SP_ISSUE_PROFILE (page);

  clear (self);
  fill (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.edit",
                                 self->issue != NULL && sp_profile_page_get_editable (page));
}

gint64
sp_issue_profile_get_issue_id (SpIssueProfile *self)
{
  g_return_val_if_fail (SP_IS_ISSUE_PROFILE (self), 0);
  return self->issue != NULL ? sp_issue_get_id (self->issue) : 0;
}

static GtkWindow *
sp_issue_profile_create_editor (SpProfilePage *page,
                                GtkWindow     *parent)
{
  SpIssueProfile *self = SP_ISSUE_PROFILE (page);

  if (self->issue == NULL)
    return NULL;

  return GTK_WINDOW (sp_issue_dialog_new (parent, sp_profile_page_get_project (page), self->issue));
}

static void
sp_issue_profile_dispose (GObject *object)
{
  SpIssueProfile *self = (SpIssueProfile *)object;

  g_clear_object (&self->issue);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_ISSUE_PROFILE);

  G_OBJECT_CLASS (sp_issue_profile_parent_class)->dispose (object);
}

static void
sp_issue_profile_finalize (GObject *object)
{
  SpIssueProfile *self = (SpIssueProfile *)object;

  g_clear_pointer (&self->months, g_array_unref);

  G_OBJECT_CLASS (sp_issue_profile_parent_class)->finalize (object);
}

static void
sp_issue_profile_class_init (SpIssueProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpProfilePageClass *page_class = SP_PROFILE_PAGE_CLASS (klass);

  object_class->dispose = sp_issue_profile_dispose;
  object_class->finalize = sp_issue_profile_finalize;
  page_class->reload = sp_issue_profile_reload;
  page_class->create_editor = sp_issue_profile_create_editor;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-issue-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, back_button);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, bar_title);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, scroller);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, label_label);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, key_label);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, proposition_label);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, for_group);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, for_list);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, against_group);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, against_list);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, neutral_group);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, neutral_list);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, SpIssueProfile, timeline_area);

}

static void
sp_issue_profile_init (SpIssueProfile *self)
{
  self->months = g_array_new (FALSE, TRUE, sizeof (SpTimelineMonth));
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_profile_page_set_parts (SP_PROFILE_PAGE (self), GTK_WIDGET (self->back_button), self->scroller);
  gtk_drawing_area_set_draw_func (self->timeline_area, _sp_issue_timeline_draw_cb, &self->months, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.edit", FALSE);
}

GtkWidget *
sp_issue_profile_new (void)
{
  return g_object_new (SP_TYPE_ISSUE_PROFILE, NULL);
}
