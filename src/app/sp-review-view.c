/* sp-review-view.c
 *
 * Reviewing the engine's suggestions. The list holds the pending ones, most confident first,
 * as the learnt model scores them: every decision re-scores the others, and the list is
 * re-read and re-ranked from the project after each (SpProject::changed). The row under
 * review shows why the engine proposed it; the reader beside the list shows it in its
 * document, marked apart from the claims already there.
 *
 * Each decision is one store action, so that the window's Undo takes it back; a decision
 * moves on to the row that takes the decided one's place, which after re-ranking is the
 * next most confident. Actor discovery lives in sp-review-view-speakers.c.
 */
#define G_LOG_DOMAIN "sp-review-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-list-labels.h"
#include "sp-project-watch.h"
#include "sp-review-view-private.h"
#include "sp-suggest-pass.h"
#include "sp-suggestion.h"
#include "sp-toast.h"

/* The rows the list shows at most: the most confident the filters let through */
#define MAX_ROWS 200

G_DEFINE_FINAL_TYPE (SpReviewView, sp_review_view, GTK_TYPE_WIDGET)

static void show_current (SpReviewView *self);


static const char *
stance_word (int stance)
{
  switch (stance)
    {
    case -2: return _("Strongly opposes");
    case -1: return _("Opposes");
    case 0: return _("Neutral on");
    case 1: return _("Supports");
    case 2: return _("Strongly supports");
    default: return "";
    }
}

char *
_sp_review_view_format_percent (double value)
{
  /* TRANSLATORS: a confidence or a precision in percent, e.g. "87 %" */
  return g_strdup_printf (C_("percent", "%d %%"), (int)round (CLAMP (value, 0.0, 1.0) * 100));
}

SpSuggestion *
_sp_review_view_find_pending (SpReviewView *self,
              gint64        id)
{
  for (guint i = 0; self->pending && i < self->pending->len; i++)
    if (sp_suggestion_get_id (g_ptr_array_index (self->pending, i)) == id)
      return g_ptr_array_index (self->pending, i);

  return NULL;
}

int
_sp_review_view_shown_index (SpReviewView *self,
             gint64        id)
{
  for (guint i = 0; id != 0 && i < self->shown->len; i++)
    if (sp_suggestion_get_id (g_ptr_array_index (self->shown, i)) == id)
      return (int)i;

  return -1;
}

/* Rows */

/* Every text of a row comes from the project (and so from articles): plain text only */
static GtkWidget *
create_suggestion_row (SpSuggestion *suggestion)
{
  int stance = CLAMP (sp_suggestion_get_stance (suggestion), SP_STANCE_MIN, SP_STANCE_MAX);
  gboolean conditional = sp_suggestion_get_conditional (suggestion);
  g_autofree char *confidence = _sp_review_view_format_percent (sp_suggestion_get_confidence (suggestion));
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *stance_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *who = sp_wrapping_label_new (sp_suggestion_get_actor_name (suggestion), "heading");
  GtkWidget *confidence_label = gtk_label_new (confidence);
  GtkWidget *badge = sp_stance_badge_new (stance);
  GtkWidget *what = sp_wrapping_label_new (NULL, NULL);
  GtkWidget *quote = sp_wrapping_label_new (sp_suggestion_get_quote (suggestion), "claim-quote");
  GtkWidget *why_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *revealer = gtk_revealer_new ();
  g_autofree char *what_text = NULL;

  gtk_widget_set_hexpand (who, TRUE);
  gtk_widget_add_css_class (confidence_label, "numeric");
  gtk_widget_add_css_class (confidence_label, "confidence");
  gtk_widget_set_valign (confidence_label, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (confidence_label, _("How likely the engine thinks this claim is right"));
  gtk_box_append (GTK_BOX (top), who);
  gtk_box_append (GTK_BOX (top), confidence_label);

  /* TRANSLATORS: a suggested stance and its issue, e.g. "Supports · Ceasefire first" */
  what_text = g_strdup_printf (_("%s · %s"), stance_word (stance), sp_suggestion_get_issue_label (suggestion));
  gtk_label_set_text (GTK_LABEL (what), what_text);
  gtk_widget_set_hexpand (what, TRUE);
  gtk_box_append (GTK_BOX (stance_box), badge);
  gtk_box_append (GTK_BOX (stance_box), what);
  if (conditional)
    {
      GtkWidget *mark = gtk_label_new (_("conditional"));

      gtk_widget_add_css_class (mark, "conditional-badge");
      gtk_widget_set_valign (mark, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (mark, _("Hedged or conditional: “would”, “if”, “reportedly”"));
      gtk_box_append (GTK_BOX (stance_box), mark);
    }

  gtk_label_set_lines (GTK_LABEL (quote), 4);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);

  /* Why the engine proposed it: shown for the row under review */
  gtk_widget_add_css_class (why_box, "explanation");
  gtk_box_append (GTK_BOX (why_box), sp_wrapping_label_new (_("Why"), "caption-heading"));
  gtk_box_append (GTK_BOX (why_box), sp_wrapping_label_new (sp_suggestion_get_explanation (suggestion), "caption"));
  gtk_revealer_set_child (GTK_REVEALER (revealer), why_box);
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), stance_box);
  gtk_box_append (GTK_BOX (box), quote);
  gtk_box_append (GTK_BOX (box), revealer);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* TRANSLATORS: a suggestion read out by a screen reader: actor, stance, issue, confidence,
   * whether conditional, and the quote, e.g. "Ana Berg supports Ceasefire first, 87 %, conditional: “…”" */
  accessible = g_strdup_printf (_("%s: %s %s, confidence %s%s: “%s”"),
                                sp_suggestion_get_actor_name (suggestion),
                                stance_word (stance),
                                sp_suggestion_get_issue_label (suggestion),
                                confidence,
                                conditional ? _(", conditional") : "",
                                sp_suggestion_get_quote (suggestion));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  sp_suggestion_get_explanation (suggestion), -1);

  g_object_set_data (G_OBJECT (row), "sp-revealer", revealer);
  g_object_set_data_full (G_OBJECT (row), "sp-suggestion", g_object_ref (suggestion), g_object_unref);

  return row;
}

GtkListBoxRow *
_sp_review_view_row_of (SpReviewView *self,
        gint64        id)
{
  int index = _sp_review_view_shown_index (self, id);

  return index < 0 ? NULL : gtk_list_box_get_row_at_index (self->suggestion_list, index);
}

void
_sp_review_view_select_index (SpReviewView *self,
              int           index)
{
  GtkListBoxRow *row;

  if (self->shown->len == 0)
    {
      self->current = 0;
      show_current (self);
      return;
    }

  index = CLAMP (index, 0, (int)self->shown->len - 1);
  row = gtk_list_box_get_row_at_index (self->suggestion_list, index);
  gtk_list_box_select_row (self->suggestion_list, row);
}

/* Filters */

/* Whether the filters let a suggestion through (Accept All Above… counts with it too) */
gboolean
_sp_review_view_passes_filters (SpReviewView *self,
                SpSuggestion *suggestion)
{
  if (self->issue_filter != 0 && sp_suggestion_get_issue_id (suggestion) != self->issue_filter)
    return FALSE;
  if (self->actor_filter != 0 && sp_suggestion_get_actor_id (suggestion) != self->actor_filter)
    return FALSE;
  /* Shown as whole percent: what shows as the threshold passes it */
  return round (sp_suggestion_get_confidence (suggestion) * 100) >= round (self->min_confidence * 100);
}

static void
update_count (SpReviewView *self)
{
  g_autofree char *text = NULL;
  guint n = self->pending ? self->pending->len : 0;

  if (self->n_filtered > self->shown->len)
    /* TRANSLATORS: e.g. "The 200 most confident of 4,512" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %u most confident of %'u",
                                         "The %u most confident of %'u", self->n_filtered),
                            self->shown->len, self->n_filtered);
  else if (self->shown->len == n)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion to review",
                                         "%u suggestions to review", n), n);
  else
    /* TRANSLATORS: e.g. "12 of 40 suggestions shown" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u suggestion shown",
                                         "%u of %u suggestions shown", n), self->shown->len, n);
  gtk_label_set_text (self->count_label, text);

  gtk_label_set_text (self->list_placeholder,
                      n == 0 ? _("Every suggestion has been reviewed")
                             : _("No suggestion matches these filters"));
}

/* Rebuilds the rows from the pending suggestions; @keep stays under review when it passes */
static void
apply_filters (SpReviewView *self,
               gint64        keep,
               int           fallback_index)
{
  int index;

  g_ptr_array_set_size (self->shown, 0);
  self->n_filtered = 0;
  for (guint i = 0; self->pending && i < self->pending->len; i++)
    {
      SpSuggestion *suggestion = g_ptr_array_index (self->pending, i);

      if (!_sp_review_view_passes_filters (self, suggestion))
        continue;
      self->n_filtered++;
      /* A review goes down from the top and the list is re-ranked after each decision: the
       * most confident rows are all a list needs, and thousands would slow every decision */
      if (self->shown->len < MAX_ROWS)
        g_ptr_array_add (self->shown, g_object_ref (suggestion));
    }

  self->filling = TRUE;
  sp_list_box_remove_rows (self->suggestion_list);
  for (guint i = 0; i < self->shown->len; i++)
    gtk_list_box_append (self->suggestion_list, create_suggestion_row (g_ptr_array_index (self->shown, i)));
  self->filling = FALSE;

  update_count (self);

  index = _sp_review_view_shown_index (self, keep);
  if (index < 0)
    index = MAX (fallback_index, 0);
  self->current = 0;
  _sp_review_view_select_index (self, index);
}

static gint64
id_at (GArray *ids,
       guint   position)
{
  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

static void
filter_changed_cb (SpReviewView *self)
{
  if (self->filling)
    return;

  self->issue_filter = id_at (self->issue_ids, gtk_drop_down_get_selected (self->issue_dropdown));
  self->actor_filter = id_at (self->actor_ids, gtk_drop_down_get_selected (self->actor_dropdown));
  self->min_confidence = gtk_spin_button_get_value (self->confidence_spin) / 100.0;
  apply_filters (self, self->current, 0);
}

/* The filters offer the codebook's issues and actors, keeping what was chosen */
static void
fill_filter (GtkDropDown *dropdown,
             GArray      *ids,
             GListModel  *items,
             const char  *all_label,
             gint64       chosen,
             gboolean     actors)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, all_label);
  g_array_append_val (ids, none);

  for (guint i = 0; items && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      gint64 id = actors ? sp_actor_get_id (SP_ACTOR (item)) : sp_issue_get_id (SP_ISSUE (item));

      if (id == chosen)
        selected = ids->len;
      gtk_string_list_append (names, actors ? sp_actor_get_name (SP_ACTOR (item)) : sp_issue_get_label (SP_ISSUE (item)));
      g_array_append_val (ids, id);
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
load_codebook (SpReviewView *self)
{
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) issues = NULL;

  if (self->project != NULL)
    {
      actors = sp_project_list_actors (self->project, NULL);
      issues = sp_project_list_issues (self->project, NULL);
    }

  self->has_codebook = actors && issues && g_list_model_get_n_items (actors) > 0 && g_list_model_get_n_items (issues) > 0;

  /* The empty codebook's page leads to what is missing */
  if (actors != NULL && g_list_model_get_n_items (actors) > 0)
    {
      gtk_button_set_label (self->codebook_button, _("_Add Issues"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->codebook_button), "s", "issues");
    }
  else
    {
      gtk_button_set_label (self->codebook_button, _("_Add Actors"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->codebook_button), "s", "actors");
    }

  self->filling = TRUE;
  fill_filter (self->issue_dropdown, self->issue_ids, issues, _("All Issues"), self->issue_filter, FALSE);
  fill_filter (self->actor_dropdown, self->actor_ids, actors, _("All Actors"), self->actor_filter, TRUE);
  self->filling = FALSE;
  self->issue_filter = id_at (self->issue_ids, gtk_drop_down_get_selected (self->issue_dropdown));
  self->actor_filter = id_at (self->actor_ids, gtk_drop_down_get_selected (self->actor_dropdown));
}

/* Loading */

static int
compare_confidence (gconstpointer a,
                    gconstpointer b)
{
  SpSuggestion *x = *(SpSuggestion **)a;
  SpSuggestion *y = *(SpSuggestion **)b;
  double cx = sp_suggestion_get_confidence (x);
  double cy = sp_suggestion_get_confidence (y);

  if (cx != cy)
    return cx > cy ? -1 : 1;
  if (sp_suggestion_get_document_id (x) != sp_suggestion_get_document_id (y))
    return sp_suggestion_get_document_id (x) < sp_suggestion_get_document_id (y) ? -1 : 1;
  return (int)sp_suggestion_get_start (x) - (int)sp_suggestion_get_start (y);
}

static void
update_precision (SpReviewView *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;
  double precision = 0;

  g_clear_pointer (&self->precision_text, g_free);

  if (self->project != NULL)
    precision = sp_suggest_running_precision (self->project, &n, &error);

  if (error != NULL)
    self->precision_text = g_strdup (error->message);
  else if (n == 0)
    self->precision_text = g_strdup (_("No decisions yet: the engine learns from each one"));
  else
    {
      g_autofree char *percent = _sp_review_view_format_percent (precision);

      /* TRANSLATORS: how often the analyst accepted a suggestion, e.g. "Precision so far: 78 % of 41 decisions" */
      self->precision_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Precision so far: %s of %u decision",
                                                           "Precision so far: %s of %u decisions", n),
                                              percent, n);
    }

  self->n_decisions = n;
  gtk_label_set_text (self->precision_label, self->precision_text);
  adw_status_page_set_description (self->done_page, self->precision_text);
}

/* The Review page's badge in the view switcher counts what waits for a decision */
static void
update_badge (SpReviewView *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  AdwViewStackPage *page;

  if (stack != NULL && (page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), GTK_WIDGET (self))))
    adw_view_stack_page_set_badge_number (page, self->pending ? self->pending->len : 0);
}

void
_sp_review_view_update_page (SpReviewView *self)
{
  guint n = self->pending ? self->pending->len : 0;
  const char *page;

  update_badge (self);

  if (!self->has_codebook)
    page = "no-codebook";
  else if (n == 0 && self->n_speakers == 0)
    page = self->n_decisions > 0 ? "done" : "empty";
  else
    page = "review";

  gtk_stack_set_visible_child_name (self->stack, page);
  if (g_str_equal (page, "review") && n == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "speakers");
}

static void
load_suggestions (SpReviewView *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  int index = _sp_review_view_shown_index (self, self->current);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean list_focused = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->suggestion_list));

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->project != NULL &&
      !(list = sp_project_list_suggestions (self->project, 0,
                                                      SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING), &error)))
    sp_toast_show_error (GTK_WIDGET (self), error->message);

  for (guint i = 0; list && i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (self->pending, g_list_model_get_item (list, i));
  g_ptr_array_sort (self->pending, compare_confidence);

  update_precision (self);
  /* The decided suggestion's place goes to the next one */
  apply_filters (self, self->current, index);
  _sp_review_view_update_page (self);

  /* The decided row is gone: the keyboard stays on the list, on the next one */
  if (list_focused && _sp_review_view_row_of (self, self->current))
    gtk_widget_grab_focus (GTK_WIDGET (_sp_review_view_row_of (self, self->current)));
}

static void
reload (SpReviewView *self)
{
  load_codebook (self);
  _sp_review_view_load_speakers (self);
  load_suggestions (self);
}

static void
project_changed_cb (SpReviewView *self,
                    guint         what,
                    SpProject    *project)
{
  if (what & (SP_CHANGE_ACTORS | SP_CHANGE_ISSUES))
    load_codebook (self);
  if (what & (SP_CHANGE_SUGGESTIONS | SP_CHANGE_ACTORS))
    _sp_review_view_load_speakers (self);
  if (what & (SP_CHANGE_SUGGESTIONS | SP_CHANGE_CLAIMS | SP_CHANGE_ACTORS | SP_CHANGE_ISSUES | SP_CHANGE_DOCUMENTS))
    load_suggestions (self);
}

/* The reader */

static void
show_current (SpReviewView *self)
{
  SpSuggestion *suggestion = _sp_review_view_find_pending (self, self->current);
  SpDocument *shown = sp_reader_get_document (self->reader);
  g_autoptr(GListStore) marks = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gint64 document_id;

  if (suggestion == NULL || self->project == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      gtk_stack_set_visible_child_name (self->reader_stack, "none");
      sp_reader_set_current_suggestion (self->reader, 0);
      return;
    }

  /* Above the reader while the list is folded away: what is being decided */
  /* TRANSLATORS: the suggestion under review, e.g. "Ana Berg: Supports · Ceasefire first" */
  summary = g_strdup_printf (_("%s: %s · %s"), sp_suggestion_get_actor_name (suggestion),
                             stance_word (sp_suggestion_get_stance (suggestion)),
                             sp_suggestion_get_issue_label (suggestion));
  gtk_label_set_text (self->summary_label, summary);

  document_id = sp_suggestion_get_document_id (suggestion);
  if (shown == NULL || sp_document_get_id (shown) != document_id)
    {
      g_autoptr(SpDocument) document = NULL;
      g_autofree char *body = NULL;

      if (!(document = sp_project_get_document (self->project, document_id, &error)) ||
          !(body = sp_project_dup_document_body (self->project, document_id, &error)))
        {
          sp_toast_show_error (GTK_WIDGET (self), error->message);
          return;
        }
      sp_reader_set_document (self->reader, document, body);
    }

  /* The claims already made in it, and the document's other pending suggestions */
  if (!(claims = sp_project_list_claims (self->project, document_id, &error)))
    sp_toast_show_error (GTK_WIDGET (self), error->message);
  sp_reader_set_claims (self->reader, claims);

  marks = g_list_store_new (SP_TYPE_SUGGESTION);
  for (guint i = 0; i < self->pending->len; i++)
    {
      SpSuggestion *other = g_ptr_array_index (self->pending, i);

      if (sp_suggestion_get_document_id (other) == document_id)
        g_list_store_append (marks, other);
    }
  sp_reader_set_suggestions (self->reader, G_LIST_MODEL (marks));
  sp_reader_set_current_suggestion (self->reader, self->current);
  sp_reader_scroll_to_range (self->reader, sp_suggestion_get_start (suggestion),
                             sp_suggestion_get_end (suggestion), 0.35);
  gtk_stack_set_visible_child_name (self->reader_stack, "reader");
}

static void
row_selected_cb (SpReviewView  *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  SpSuggestion *suggestion = row ? g_object_get_data (G_OBJECT (row), "sp-suggestion") : NULL;

  /* Rows going while the list is rebuilt: apply_filters() selects the next one itself */
  if (self->filling)
    return;

  /* Only the row under review explains itself */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkRevealer *revealer = g_object_get_data (G_OBJECT (child), "sp-revealer");

      if (revealer != NULL)
        gtk_revealer_set_reveal_child (revealer, child == GTK_WIDGET (row));
    }

  self->current = suggestion ? sp_suggestion_get_id (suggestion) : 0;
  show_current (self);
}

/* A click on a suggestion's words in the reader */
static void
suggestion_activated_cb (SpReviewView *self,
                         gint64        suggestion_id,
                         SpReader     *reader)
{
  if (!sp_review_view_select (self, suggestion_id))
    sp_toast_show (GTK_WIDGET (self), _("The filters hide this suggestion"));
}

static void
folded_cb (SpReviewView *self)
{
  gtk_widget_set_visible (self->reader_bar, adw_flap_get_folded (self->flap));
}

/* Lifecycle */

static void
sp_review_view_dispose (GObject *object)
{
  SpReviewView *self = (SpReviewView *)object;
  GtkWidget *child;

  /* The rows go with the list: no row is selected on the way */
  self->filling = TRUE;
  sp_reader_popover_clear (&self->popover_wait, &self->claim_popover);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_REVIEW_VIEW);

  sp_project_watch_clear (&self->project, self);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_review_view_parent_class)->dispose (object);
}

static void
sp_review_view_finalize (GObject *object)
{
  SpReviewView *self = (SpReviewView *)object;

  g_clear_pointer (&self->issue_ids, g_array_unref);
  g_clear_pointer (&self->actor_ids, g_array_unref);
  g_free (self->precision_text);

  G_OBJECT_CLASS (sp_review_view_parent_class)->finalize (object);
}

/* Shown (its tab chosen by click, Alt+5 or a toast): the keyboard goes to the list, so that
 * the one-key decisions work at once, unless something inside already has it */
static void
sp_review_view_map (GtkWidget *widget)
{
  SpReviewView *self = SP_REVIEW_VIEW (widget);
  GtkRoot *root;
  GtkWidget *focus;
  GtkListBoxRow *row;

  GTK_WIDGET_CLASS (sp_review_view_parent_class)->map (widget);

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    return;

  if ((row = _sp_review_view_row_of (self, self->current)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->suggestion_list));
}

static void
sp_review_view_class_init (SpReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_review_view_dispose;
  object_class->finalize = sp_review_view_finalize;
  widget_class->map = sp_review_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (SP_TYPE_READER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-review-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, done_page);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, codebook_button);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, flap);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, speakers_page);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, issue_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, actor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, confidence_spin);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, precision_label);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, list_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, speaker_list);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, reader_bar);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, flap_toggle);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, SpReviewView, reader);

  _sp_review_view_class_init_decisions (widget_class);
  _sp_review_view_class_init_speakers (widget_class);
}

static void
sp_review_view_init (SpReviewView *self)
{
  self->editable = TRUE;
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->issue_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->actor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->suggestion_list, "row-selected", G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->suggestion_list, "row-activated", G_CALLBACK (_sp_review_view_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->issue_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actor_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->confidence_spin, "value-changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "suggestion-activated", G_CALLBACK (suggestion_activated_cb), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->flap, "reveal-flap", self->flap_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
  folded_cb (self);

  self->claim_popover = sp_reader_popover_init (&self->popover_wait, self->reader, self->flap,
                                                _sp_review_view_popup_editor_again, self);

  update_count (self);
  update_precision (self);
  _sp_review_view_update_page (self);
}

void
sp_review_view_set_project (SpReviewView *self,
                            SpProject    *project)
{
  g_return_if_fail (SP_IS_REVIEW_VIEW (self));

  if (!sp_project_watch_set (&self->project, project, G_CALLBACK (project_changed_cb), self))
    return;

  sp_claim_popover_set_project (self->claim_popover, project);
  sp_reader_set_document (self->reader, NULL, NULL);
  self->current = 0;
  self->issue_filter = self->actor_filter = 0;
  reload (self);
}

/**
 * sp_review_view_set_editable:
 * @editable: %FALSE for a read-only project: suggestions are read, never decided
 */
void
sp_review_view_set_editable (SpReviewView *self,
                             gboolean      editable)
{
  static const char *decisions[] = { "review.accept", "review.reject", "review.edit", "review.accept-above" };

  g_return_if_fail (SP_IS_REVIEW_VIEW (self));

  self->editable = !!editable;
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), decisions[i], self->editable);
  if (!self->editable)
    gtk_popover_popdown (GTK_POPOVER (self->claim_popover));
  _sp_review_view_load_speakers (self);
}

guint
sp_review_view_get_n_pending (SpReviewView *self)
{
  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), 0);
  return self->pending ? self->pending->len : 0;
}

guint
sp_review_view_get_n_shown (SpReviewView *self)
{
  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), 0);
  return self->shown->len;
}

/* Returns: the id of the suggestion at @position of the list as shown, or 0 */
gint64
sp_review_view_get_shown_id (SpReviewView *self,
                             guint         position)
{
  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), 0);
  return position < self->shown->len ? sp_suggestion_get_id (g_ptr_array_index (self->shown, position)) : 0;
}

gint64
sp_review_view_get_current (SpReviewView *self)
{
  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), 0);
  return self->current;
}

/* Selects a suggestion the filters show, and shows it in the reader */
gboolean
sp_review_view_select (SpReviewView *self,
                       gint64        suggestion_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), FALSE);

  if (!(row = _sp_review_view_row_of (self, suggestion_id)))
    return FALSE;

  gtk_list_box_select_row (self->suggestion_list, row);
  return TRUE;
}

/**
 * sp_review_view_reveal:
 *
 * Selects a pending suggestion, clearing filters that hide it, and brings the list into
 * view in a narrow window (the reader of the Documents view links here).
 *
 * Returns: %FALSE when the suggestion is not pending
 */
gboolean
sp_review_view_reveal (SpReviewView *self,
                       gint64        suggestion_id)
{
  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), FALSE);

  if (_sp_review_view_find_pending (self, suggestion_id) == NULL)
    return FALSE;

  if (_sp_review_view_row_of (self, suggestion_id) == NULL)
    sp_review_view_set_filters (self, 0, 0, 0);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "suggestions");
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);

  return sp_review_view_select (self, suggestion_id);
}

/* Sets the filters as the user would: 0 for every issue or actor */
void
sp_review_view_set_filters (SpReviewView *self,
                            gint64        issue_id,
                            gint64        actor_id,
                            double        min_confidence)
{
  g_return_if_fail (SP_IS_REVIEW_VIEW (self));

  for (guint i = 0; i < self->issue_ids->len; i++)
    if (g_array_index (self->issue_ids, gint64, i) == issue_id)
      gtk_drop_down_set_selected (self->issue_dropdown, i);
  for (guint i = 0; i < self->actor_ids->len; i++)
    if (g_array_index (self->actor_ids, gint64, i) == actor_id)
      gtk_drop_down_set_selected (self->actor_dropdown, i);
  gtk_spin_button_set_value (self->confidence_spin, round (min_confidence * 100));
}

/* Returns: which page the view shows: "no-codebook", "empty", "done" or "review" */
const char *
sp_review_view_get_page (SpReviewView *self)
{
  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
sp_review_view_get_precision_text (SpReviewView *self)
{
  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), NULL);
  return self->precision_text;
}

/* Returns: (nullable): the explanation the row under review shows, if it shows one */
const char *
sp_review_view_get_explanation_text (SpReviewView *self)
{
  GtkListBoxRow *row;
  GtkRevealer *revealer;
  SpSuggestion *suggestion;

  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), NULL);

  if (!(row = _sp_review_view_row_of (self, self->current)) ||
      !(revealer = g_object_get_data (G_OBJECT (row), "sp-revealer")) ||
      !gtk_revealer_get_reveal_child (revealer))
    return NULL;

  suggestion = g_object_get_data (G_OBJECT (row), "sp-suggestion");
  return sp_suggestion_get_explanation (suggestion);
}

/* Returns: (transfer none) */
SpReader *
sp_review_view_get_reader (SpReviewView *self)
{
  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), NULL);
  return self->reader;
}

/* Returns: (transfer none) */
SpClaimPopover *
sp_review_view_get_claim_popover (SpReviewView *self)
{
  g_return_val_if_fail (SP_IS_REVIEW_VIEW (self), NULL);
  return self->claim_popover;
}
