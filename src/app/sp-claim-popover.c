#define G_LOG_DOMAIN "sp-claim-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-claim-popover.h"
#include "sp-list-labels.h"
#include "sp-suggest-pass.h"
#include "sp-toast.h"

#define NO_STANCE G_MININT

/* The actor list shows between three and eight rows, as the room beside the claimed text
 * allows; the popover keeps this far from the window's edges. */
#define ACTOR_LIST_MIN_HEIGHT 108
#define ACTOR_LIST_MAX_HEIGHT 288
#define WINDOW_MARGIN         6
/* Up to this many matching actors, the list shows them all without a scrollbar */
#define FEW_ACTORS            3
/* The popover's arrow, frame and padding around its child, generously */
#define POPOVER_CHROME        28

struct _SpClaimPopover
{
  GtkPopover          parent_instance;

  SpProject          *project;

  /* What is being made or edited */
  gint64              claim_id;      /* 0 for a new claim */
  gint64              suggestion_id; /* the suggestion being corrected, or 0 */
  double              confidence;    /* the suggestion's */
  gint64              document_id;
  guint               start;
  guint               end;
  gint64              actor_id;
  int                 stance;
  gint64              last_issue_id; /* preselected for the next claim: claims come in runs */

  GListModel         *actors;
  GListModel         *issues;
  GtkFilterListModel *actor_filter_model;
  GtkCustomFilter    *actor_filter;
  GtkSingleSelection *actor_selection;
  GtkToggleButton    *stance_buttons[SP_STANCE_MAX - SP_STANCE_MIN + 1];

  /* Template children */
  GtkLabel           *heading_label;
  GtkLabel           *quote_label;
  GtkLabel           *actor_label;
  GtkSearchEntry     *actor_entry;
  GtkScrolledWindow  *actor_scroller;
  GtkListView        *actor_list;
  GtkButton          *add_actor_button;
  GtkDropDown        *issue_dropdown;
  GtkLabel           *proposition_label;
  GtkLabel           *stance_label;
  GtkBox             *stance_box;
  GtkEntry           *note_entry;
  GtkLabel           *error_label;
  GtkButton          *delete_button;
  GtkButton          *save_button;
};

G_DEFINE_FINAL_TYPE (SpClaimPopover, sp_claim_popover, GTK_TYPE_POPOVER)

static const char *
stance_description (int stance)
{
  switch (stance)
    {
    case -2: return _("Strongly opposes");
    case -1: return _("Opposes");
    case 0: return _("Neutral or ambivalent");
    case 1: return _("Supports");
    case 2: return _("Strongly supports");
    default: return "";
    }
}

static SpIssue *
dup_selected_issue (SpClaimPopover *self)
{
  gpointer item = gtk_drop_down_get_selected_item (self->issue_dropdown);

  return item ? g_object_ref (SP_ISSUE (item)) : NULL;
}

static void
update_state (SpClaimPopover *self)
{
  g_autoptr(SpIssue) issue = dup_selected_issue (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->actor_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (search));
  guint n_matches = g_list_model_get_n_items (G_LIST_MODEL (self->actor_filter_model));
  gboolean no_match = n_matches == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.save",
                                 self->actor_id != 0 && issue != NULL && self->stance != NO_STANCE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.delete", self->claim_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), self->claim_id != 0);

  /* The list is as tall as its matches: a scrollbar would keep it taller than a few rows */
  gtk_widget_set_visible (GTK_WIDGET (self->actor_scroller), !no_match);
  gtk_scrolled_window_set_policy (self->actor_scroller, GTK_POLICY_NEVER,
                                  n_matches <= FEW_ACTORS ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);

  gtk_widget_set_visible (GTK_WIDGET (self->add_actor_button), no_match && trimmed[0] != '\0');
  if (no_match && trimmed[0] != '\0')
    {
      /* TRANSLATORS: %s is a name typed in the actor search */
      g_autofree char *label = g_strdup_printf (_("Add “%s” as a New Actor"), trimmed);
      gtk_button_set_label (self->add_actor_button, label);
    }

  gtk_label_set_text (self->stance_label, stance_description (self->stance));

  /* Which way "support" points */
  gtk_label_set_text (self->proposition_label, issue ? sp_issue_get_proposition (issue) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->proposition_label),
                          issue != NULL && sp_issue_get_proposition (issue) != NULL &&
                          sp_issue_get_proposition (issue)[0] != '\0');

  /* GTK 4.8 grows a shown popover with its content but does not shrink it */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_present (GTK_POPOVER (self));
}

static void
show_error (SpClaimPopover *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Actors */

static gboolean
actor_matches (gpointer item,
               gpointer user_data)
{
  SpClaimPopover *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->actor_entry));
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (search[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  g_strstrip (needle);
  haystack = sp_actor_dup_search_text (SP_ACTOR (item));

  return strstr (haystack, needle) != NULL;
}

static void
set_actor (SpClaimPopover *self,
           SpActor        *actor)
{
  self->actor_id = actor ? sp_actor_get_id (actor) : 0;
  gtk_label_set_text (self->actor_label, actor ? sp_actor_get_name (actor) : "");
  update_state (self);
}

static void
actor_selection_changed_cb (SpClaimPopover     *self,
                            guint               position,
                            guint               n_items,
                            GtkSingleSelection *selection)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  /* Filtering can drop the selected row; the chosen actor stays chosen. */
  if (item != NULL)
    set_actor (self, SP_ACTOR (item));
}

static void
actor_search_changed_cb (SpClaimPopover *self,
                         GtkSearchEntry *entry)
{
  gtk_filter_changed (GTK_FILTER (self->actor_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

/* Escape in the search closes the popover, as it does everywhere else in it; GtkSearchEntry
 * would otherwise take the key for itself. */
static void
actor_search_stop_cb (SpClaimPopover *self,
                      GtkSearchEntry *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Enter in the search takes the first match and moves on to the issue. */
static void
actor_search_activate_cb (SpClaimPopover *self,
                          GtkSearchEntry *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->actor_filter_model)) == 0)
    return;

  gtk_single_selection_set_selected (self->actor_selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->issue_dropdown));
}

static void
actor_list_activate_cb (SpClaimPopover *self,
                        guint           position,
                        GtkListView    *list)
{
  gtk_single_selection_set_selected (self->actor_selection, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->issue_dropdown));
}

static void
actor_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *aliases = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (aliases), 1);
  gtk_label_set_ellipsize (GTK_LABEL (aliases), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (aliases, TRUE);
  gtk_widget_add_css_class (aliases, "dim-label");
  gtk_widget_add_css_class (aliases, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), aliases);
  gtk_list_item_set_child (item, box);
}

static void
actor_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  SpActor *actor = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *aliases = gtk_widget_get_next_sibling (name);
  g_autofree char *joined = g_strjoinv (", ", (char **)sp_actor_get_aliases (actor));

  gtk_label_set_text (GTK_LABEL (name), sp_actor_get_name (actor));
  gtk_label_set_text (GTK_LABEL (aliases), joined);
}

/* Issues: the button shows the label, the list each issue's proposition under it */

static void
issue_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gboolean with_proposition = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);

  if (with_proposition)
    {
      GtkWidget *proposition = gtk_label_new (NULL);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_xalign (GTK_LABEL (proposition), 0);
      gtk_label_set_wrap (GTK_LABEL (proposition), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (proposition), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (proposition), 40);
      gtk_widget_add_css_class (proposition, "caption");
      gtk_widget_add_css_class (proposition, "dim-label");
      gtk_box_append (GTK_BOX (box), proposition);
    }

  gtk_list_item_set_child (item, box);
}

static void
issue_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  SpIssue *issue = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *proposition = gtk_widget_get_next_sibling (label);
  const char *text = sp_issue_get_proposition (issue);

  gtk_label_set_text (GTK_LABEL (label), sp_issue_get_label (issue));
  gtk_widget_set_tooltip_text (label, sp_issue_get_label (issue));
  if (proposition != NULL)
    {
      gtk_label_set_text (GTK_LABEL (proposition), text ? text : "");
      gtk_widget_set_visible (proposition, text != NULL && text[0] != '\0');
    }
}

static GtkListItemFactory *
create_issue_factory (gboolean with_proposition)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (issue_setup_cb), GINT_TO_POINTER (with_proposition));
  g_signal_connect (factory, "bind", G_CALLBACK (issue_bind_cb), NULL);

  return factory;
}

static void
add_actor_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SpClaimPopover *self = SP_CLAIM_POPOVER (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->actor_entry))));
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->project == NULL || name[0] == '\0')
    return;

  id = sp_project_add_actor (self->project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  sp_claim_popover_set_actor_search (self, "");
  sp_claim_popover_choose_actor (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->issue_dropdown));
}

/* Stance */

static void
stance_toggled_cb (SpClaimPopover  *self,
                   GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    self->stance = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sp-stance"));
  else if (self->stance == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sp-stance")))
    self->stance = NO_STANCE;

  update_state (self);
}

static void
create_stance_buttons (SpClaimPopover *self)
{
  static const char * const labels[] = { "−2", "−1", "0", "+1", "+2" };
  GtkToggleButton *group = NULL;

  for (int stance = SP_STANCE_MIN; stance <= SP_STANCE_MAX; stance++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (labels[stance - SP_STANCE_MIN]);
      g_autofree char *css = sp_stance_css_class (stance);

      gtk_widget_set_tooltip_text (button, stance_description (stance));
      gtk_widget_add_css_class (button, css);
      g_object_set_data (G_OBJECT (button), "sp-stance", GINT_TO_POINTER (stance));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (stance_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->stance_box, button);
      self->stance_buttons[stance - SP_STANCE_MIN] = GTK_TOGGLE_BUTTON (button);
    }
}

/* Saving */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpClaimPopover *self = SP_CLAIM_POPOVER (widget);
  g_autoptr(SpIssue) issue = dup_selected_issue (self);
  g_autoptr(GError) error = NULL;
  SpClaimSpec spec = { 0 };
  gint64 id;

  if (self->project == NULL || issue == NULL || self->actor_id == 0 || self->stance == NO_STANCE)
    return;

  spec.document_id = self->document_id;
  spec.start = self->start;
  spec.end = self->end;
  spec.actor_id = self->actor_id;
  spec.issue_id = sp_issue_get_id (issue);
  spec.stance = self->stance;
  spec.note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  spec.origin = SP_CLAIM_ORIGIN_MANUAL;

  /* A corrected suggestion is accepted as edited: the engine learns from the correction */
  if (self->suggestion_id != 0)
    {
      spec.origin = SP_CLAIM_ORIGIN_SUGGESTED;
      spec.confidence = self->confidence;
      id = sp_suggest_accept (self->project, self->suggestion_id, &spec, &error);
      if (id != 0)
        self->suggestion_id = 0;
    }
  else if (self->claim_id == 0)
    id = sp_project_add_claim (self->project, &spec, &error);
  else if (sp_project_update_claim (self->project, self->claim_id, &spec, &error))
    id = self->claim_id;
  else
    id = 0;

  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  self->last_issue_id = spec.issue_id;
  self->claim_id = id;
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpClaimPopover *self = SP_CLAIM_POPOVER (widget);
  g_autoptr(GError) error = NULL;

  if (self->project == NULL || self->claim_id == 0)
    return;

  if (!sp_project_delete_claim (self->project, self->claim_id, &error))
    {
      show_error (self, error->message);
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (self));
  self->claim_id = 0;
  sp_toast_show_undo (GTK_WIDGET (self), _("Claim deleted"));
}

/* Lifecycle */

static void
sp_claim_popover_dispose (GObject *object)
{
  SpClaimPopover *self = (SpClaimPopover *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_CLAIM_POPOVER);

  g_clear_object (&self->project);
  g_clear_object (&self->actors);
  g_clear_object (&self->issues);
  g_clear_object (&self->actor_filter_model);
  g_clear_object (&self->actor_selection);
  g_clear_object (&self->actor_filter);

  G_OBJECT_CLASS (sp_claim_popover_parent_class)->dispose (object);
}

static void
sp_claim_popover_class_init (SpClaimPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_claim_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-claim-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, quote_label);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, actor_label);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, actor_entry);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, actor_scroller);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, actor_list);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, add_actor_button);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, issue_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, proposition_label);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, stance_label);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, save_button);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, stance_box);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, note_entry);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpClaimPopover, delete_button);

  gtk_widget_class_install_action (widget_class, "claim.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "claim.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "claim.add-actor", NULL, add_actor_action);
}

static void
sp_claim_popover_init (SpClaimPopover *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) issue_factory = create_issue_factory (FALSE);
  g_autoptr(GtkListItemFactory) issue_list_factory = create_issue_factory (TRUE);
  g_autoptr(GtkExpression) label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->stance = NO_STANCE;

  self->actors = G_LIST_MODEL (g_list_store_new (SP_TYPE_ACTOR));
  self->actor_filter = gtk_custom_filter_new (actor_matches, self, NULL);
  self->actor_filter_model = gtk_filter_list_model_new (g_object_ref (self->actors),
                                                        g_object_ref (GTK_FILTER (self->actor_filter)));
  self->actor_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->actor_filter_model)));
  gtk_single_selection_set_autoselect (self->actor_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->actor_selection, TRUE);
  g_signal_connect_object (self->actor_selection, "selection-changed",
                           G_CALLBACK (actor_selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (actor_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (actor_bind_cb), NULL);
  gtk_list_view_set_factory (self->actor_list, factory);
  gtk_list_view_set_model (self->actor_list, GTK_SELECTION_MODEL (self->actor_selection));
  g_signal_connect_object (self->actor_list, "activate", G_CALLBACK (actor_list_activate_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->actor_entry, "search-changed", G_CALLBACK (actor_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actor_entry, "activate", G_CALLBACK (actor_search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actor_entry, "stop-search", G_CALLBACK (actor_search_stop_cb), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->actor_entry, NULL);

  label = gtk_property_expression_new (SP_TYPE_ISSUE, NULL, "label");
  gtk_drop_down_set_expression (self->issue_dropdown, label);
  gtk_drop_down_set_factory (self->issue_dropdown, issue_factory);
  gtk_drop_down_set_list_factory (self->issue_dropdown, issue_list_factory);
  g_signal_connect_object (self->issue_dropdown, "notify::selected", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  create_stance_buttons (self);
  update_state (self);
}

GtkWidget *
sp_claim_popover_new (void)
{
  return g_object_new (SP_TYPE_CLAIM_POPOVER, NULL);
}

void
sp_claim_popover_set_project (SpClaimPopover *self,
                              SpProject      *project)
{
  g_return_if_fail (SP_IS_CLAIM_POPOVER (self));

  if (g_set_object (&self->project, project))
    self->last_issue_id = 0;
}

/* Reads the codebook afresh: the popover opens seldom and the codebook may have changed. */
static void
reload_codebook (SpClaimPopover *self)
{
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old;

  if (self->project == NULL)
    return;

  if (!(actors = sp_project_list_actors (self->project, &error)) ||
      !(issues = sp_project_list_issues (self->project, &error)))
    {
      show_error (self, error->message);
      return;
    }

  n_old = g_list_model_get_n_items (self->actors);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
      g_ptr_array_add (items, g_list_model_get_item (actors, i));
    g_list_store_splice (G_LIST_STORE (self->actors), 0, n_old, items->pdata, items->len);
  }

  /* A list view whose items were all replaced keeps scrolling where the old ones were (at
   * the end, once a search had been typed); given its model afresh it starts at the top */
  gtk_list_view_set_model (self->actor_list, NULL);
  gtk_list_view_set_model (self->actor_list, GTK_SELECTION_MODEL (self->actor_selection));

  g_set_object (&self->issues, issues);
  gtk_drop_down_set_model (self->issue_dropdown, issues);
  gtk_drop_down_set_selected (self->issue_dropdown, GTK_INVALID_LIST_POSITION);
}

static void
reset_fields (SpClaimPopover *self,
              const char     *quote)
{
  reload_codebook (self);

  gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), "");
  gtk_filter_changed (GTK_FILTER (self->actor_filter), GTK_FILTER_CHANGE_LESS_STRICT);
  gtk_single_selection_set_selected (self->actor_selection, GTK_INVALID_LIST_POSITION);
  set_actor (self, NULL);
  sp_claim_popover_set_stance (self, NO_STANCE);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_label_set_text (self->quote_label, quote ? quote : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->quote_label), quote);
  show_error (self, NULL);
}

/**
 * sp_claim_popover_start_new:
 * @quote: the selected text, shown so the user sees what is being claimed
 *
 * Prepares the popover for a new claim on a span of a document; pop it up afterwards.
 */
void
sp_claim_popover_start_new (SpClaimPopover *self,
                            gint64          document_id,
                            guint           start,
                            guint           end,
                            const char     *quote)
{
  g_return_if_fail (SP_IS_CLAIM_POPOVER (self));

  self->claim_id = 0;
  self->suggestion_id = 0;
  self->document_id = document_id;
  self->start = start;
  self->end = end;

  reset_fields (self, quote);
  gtk_label_set_text (self->heading_label, _("New Claim"));
  gtk_button_set_label (self->save_button, _("_Save"));

  if (self->last_issue_id != 0)
    sp_claim_popover_choose_issue (self, self->last_issue_id);

  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->actor_entry));
}

void
sp_claim_popover_start_edit (SpClaimPopover *self,
                             SpClaim        *claim)
{
  g_return_if_fail (SP_IS_CLAIM_POPOVER (self));
  g_return_if_fail (SP_IS_CLAIM (claim));

  self->claim_id = sp_claim_get_id (claim);
  self->suggestion_id = 0;
  self->document_id = sp_claim_get_document_id (claim);
  self->start = sp_claim_get_start (claim);
  self->end = sp_claim_get_end (claim);

  reset_fields (self, sp_claim_get_quote (claim));
  gtk_label_set_text (self->heading_label, _("Edit Claim"));
  gtk_button_set_label (self->save_button, _("_Save"));
  sp_claim_popover_choose_actor (self, sp_claim_get_actor_id (claim));
  sp_claim_popover_choose_issue (self, sp_claim_get_issue_id (claim));
  sp_claim_popover_set_stance (self, sp_claim_get_stance (claim));
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), sp_claim_get_note (claim));

  update_state (self);
}

/**
 * sp_claim_popover_start_suggestion:
 *
 * Prepares the popover for correcting a suggestion: its actor, issue and stance are chosen,
 * and saving accepts it as edited (sp_suggest_accept()), one action and one undo step.
 */
void
sp_claim_popover_start_suggestion (SpClaimPopover *self,
                                   SpSuggestion   *suggestion)
{
  g_return_if_fail (SP_IS_CLAIM_POPOVER (self));
  g_return_if_fail (SP_IS_SUGGESTION (suggestion));

  self->claim_id = 0;
  self->suggestion_id = sp_suggestion_get_id (suggestion);
  self->confidence = sp_suggestion_get_confidence (suggestion);
  self->document_id = sp_suggestion_get_document_id (suggestion);
  self->start = sp_suggestion_get_start (suggestion);
  self->end = sp_suggestion_get_end (suggestion);

  reset_fields (self, sp_suggestion_get_quote (suggestion));
  gtk_label_set_text (self->heading_label, _("Correct Suggestion"));
  gtk_button_set_label (self->save_button, _("_Accept"));
  sp_claim_popover_choose_actor (self, sp_suggestion_get_actor_id (suggestion));
  sp_claim_popover_choose_issue (self, sp_suggestion_get_issue_id (suggestion));
  sp_claim_popover_set_stance (self, sp_suggestion_get_stance (suggestion));

  update_state (self);
}

/* Returns: the suggestion being corrected, or 0 */
gint64
sp_claim_popover_get_suggestion_id (SpClaimPopover *self)
{
  g_return_val_if_fail (SP_IS_CLAIM_POPOVER (self), 0);
  return self->suggestion_id;
}

/* Returns: the claim being edited or last saved, 0 for a new one not yet saved */
gint64
sp_claim_popover_get_claim_id (SpClaimPopover *self)
{
  g_return_val_if_fail (SP_IS_CLAIM_POPOVER (self), 0);
  return self->claim_id;
}

/* Types into the actor search, as the user would. */
void
sp_claim_popover_set_actor_search (SpClaimPopover *self,
                                   const char     *text)
{
  g_return_if_fail (SP_IS_CLAIM_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), text);
  /* search-changed is delayed; filter now so the list is current */
  actor_search_changed_cb (self, self->actor_entry);
}

/* Selects an actor in the list, clearing a search that hides it. */
gboolean
sp_claim_popover_choose_actor (SpClaimPopover *self,
                               gint64          actor_id)
{
  GListModel *model;

  g_return_val_if_fail (SP_IS_CLAIM_POPOVER (self), FALSE);

  for (guint pass = 0; pass < 2; pass++)
    {
      model = G_LIST_MODEL (self->actor_filter_model);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(SpActor) actor = g_list_model_get_item (model, i);

          if (sp_actor_get_id (actor) == actor_id)
            {
              gtk_single_selection_set_selected (self->actor_selection, i);
              gtk_widget_activate_action (GTK_WIDGET (self->actor_list), "list.scroll-to-item", "u", i);
              set_actor (self, actor);
              return TRUE;
            }
        }

      sp_claim_popover_set_actor_search (self, "");
    }

  return FALSE;
}

gboolean
sp_claim_popover_choose_issue (SpClaimPopover *self,
                               gint64          issue_id)
{
  g_return_val_if_fail (SP_IS_CLAIM_POPOVER (self), FALSE);

  for (guint i = 0; self->issues && i < g_list_model_get_n_items (self->issues); i++)
    {
      g_autoptr(SpIssue) issue = g_list_model_get_item (self->issues, i);

      if (sp_issue_get_id (issue) == issue_id)
        {
          gtk_drop_down_set_selected (self->issue_dropdown, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Presses the stance's button; a value outside −2..+2 releases them all. */
void
sp_claim_popover_set_stance (SpClaimPopover *self,
                             int             stance)
{
  g_return_if_fail (SP_IS_CLAIM_POPOVER (self));

  if (stance >= SP_STANCE_MIN && stance <= SP_STANCE_MAX)
    {
      gtk_toggle_button_set_active (self->stance_buttons[stance - SP_STANCE_MIN], TRUE);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->stance_buttons); i++)
    gtk_toggle_button_set_active (self->stance_buttons[i], FALSE);
  self->stance = NO_STANCE;
  update_state (self);
}

void
sp_claim_popover_set_note (SpClaimPopover *self,
                           const char     *note)
{
  g_return_if_fail (SP_IS_CLAIM_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note ? note : "");
}

/**
 * sp_claim_popover_point_at:
 * @rect: the claimed text, in the coordinates of the popover's parent
 *
 * Points the popover at @rect from below, or from above when only that side of the window
 * has room for it, so that it never covers the text being tagged; the actor list gets the
 * rows the room allows, and the popover is moved sideways to stay inside the window.
 *
 * Returns: %FALSE when neither side has room (the popover then takes the larger one)
 */
gboolean
sp_claim_popover_point_at (SpClaimPopover     *self,
                           const GdkRectangle *rect)
{
  GtkWidget *parent;
  GtkWidget *root;
  GtkWidget *child;
  graphene_point_t top_left, bottom_right;
  int natural_height, list_height, width;
  int fixed, below, above, room;
  int left, offset = 0;
  GtkPositionType position;
  gboolean fits = TRUE;

  g_return_val_if_fail (SP_IS_CLAIM_POPOVER (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  root = parent ? GTK_WIDGET (gtk_widget_get_root (parent)) : NULL;
  if (root == NULL ||
      !gtk_widget_compute_point (parent, root, &GRAPHENE_POINT_INIT (rect->x, rect->y), &top_left) ||
      !gtk_widget_compute_point (parent, root, &GRAPHENE_POINT_INIT (rect->x + rect->width, rect->y + rect->height), &bottom_right))
    return FALSE;

  /* What the popover needs besides the actor list. Its child is measured: a popover that
   * is not shown yet measures nothing. */
  child = gtk_popover_get_child (GTK_POPOVER (self));
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &natural_height, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->actor_scroller), GTK_ORIENTATION_VERTICAL, -1, NULL, &list_height, NULL, NULL);
  width += POPOVER_CHROME;
  fixed = natural_height - list_height + POPOVER_CHROME + WINDOW_MARGIN;

  below = gtk_widget_get_height (root) - (int)bottom_right.y;
  above = (int)top_left.y;
  if (below >= fixed + ACTOR_LIST_MIN_HEIGHT)
    position = GTK_POS_BOTTOM, room = below;
  else if (above >= fixed + ACTOR_LIST_MIN_HEIGHT)
    position = GTK_POS_TOP, room = above;
  else
    {
      fits = FALSE;
      position = below >= above ? GTK_POS_BOTTOM : GTK_POS_TOP;
      room = MAX (below, above);
    }

  gtk_scrolled_window_set_max_content_height (self->actor_scroller,
                                              CLAMP (room - fixed, ACTOR_LIST_MIN_HEIGHT, ACTOR_LIST_MAX_HEIGHT));

  /* GtkPopover keeps to the monitor, not to the window */
  left = (int)(top_left.x + bottom_right.x) / 2 - width / 2;
  if (left < WINDOW_MARGIN)
    offset = WINDOW_MARGIN - left;
  else if (left + width > gtk_widget_get_width (root) - WINDOW_MARGIN)
    offset = MAX (gtk_widget_get_width (root) - WINDOW_MARGIN - width, WINDOW_MARGIN) - left;

  gtk_popover_set_position (GTK_POPOVER (self), position);
  gtk_popover_set_offset (GTK_POPOVER (self), offset, 0);
  gtk_popover_set_pointing_to (GTK_POPOVER (self), rect);

  return fits;
}
