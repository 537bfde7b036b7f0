/* sp-matrix-evidence-popover.c
 *
 * The evidence behind a matrix cell, in the order the matrix keeps it (undated first, then
 * by date), so that the list and the strip of stances above it read as the cell's history: a
 * stance that changed shows as marks changing colour from left to right. Each claim is a
 * button to win.show-claim, which opens its document in the reader at its sentence; a
 * pending suggestion, drawn paler, is a button to its review.
 *
 * The popover is as narrow as its wrapped quotes (about 44 characters), so it fits a window
 * 560 px wide.
 */
#define G_LOG_DOMAIN "sp-matrix-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-date-text.h"
#include "sp-list-labels.h"
#include "sp-matrix-evidence-popover.h"

struct _SpMatrixEvidencePopover
{
  GtkPopover  parent_instance;

  guint       n_claims;

  /* Template children */
  GtkLabel   *heading_label;
  GtkButton  *actor_button;
  GtkButton  *issue_button;
  GtkLabel   *timeline_label;
  GtkFlowBox *timeline_box;
  GtkBox     *claims_box;
};

G_DEFINE_FINAL_TYPE (SpMatrixEvidencePopover, sp_matrix_evidence_popover, GTK_TYPE_POPOVER)

/* An item is an SpClaim, or an SpSuggestion still pending review */

static int
item_stance (GObject *item)
{
  return SP_IS_CLAIM (item) ? sp_claim_get_stance (SP_CLAIM (item)) : sp_suggestion_get_stance (SP_SUGGESTION (item));
}

static const char *
item_date (GObject *item)
{
  return SP_IS_CLAIM (item) ? sp_claim_get_document_date (SP_CLAIM (item))
                            : sp_suggestion_get_document_date (SP_SUGGESTION (item));
}

static const char *
status_text (GObject *item)
{
  if (SP_IS_SUGGESTION (item))
    /* TRANSLATORS: a suggested claim nobody has reviewed yet */
    return _("pending suggestion");

  if (sp_claim_get_origin (SP_CLAIM (item)) == SP_CLAIM_ORIGIN_SUGGESTED)
    /* TRANSLATORS: a claim that was suggested and accepted */
    return _("accepted suggestion");

  /* TRANSLATORS: a claim tagged by hand */
  return _("tagged by hand");
}

static char *
dup_date_text (GObject *item)
{
  const char *date = item_date (item);

  if (date == NULL || *date == '\0')
    return g_strdup (_("undated"));

  return sp_date_text_format (date, SP_DATE_TEXT_SHORT);
}

static GtkWidget *
create_item_button (GObject *item)
{
  gboolean claim = SP_IS_CLAIM (item);
  g_autofree char *date = dup_date_text (item);
  /* TRANSLATORS: under a quote: actor · document title · date · how the claim was made */
  g_autofree char *source = g_strdup_printf (_("%s · %s · %s · %s"),
                                             claim ? sp_claim_get_actor_name (SP_CLAIM (item)) : sp_suggestion_get_actor_name (SP_SUGGESTION (item)),
                                             claim ? sp_claim_get_document_title (SP_CLAIM (item)) : sp_suggestion_get_document_title (SP_SUGGESTION (item)),
                                             date, status_text (item));
  const char *quote_text = claim ? sp_claim_get_quote (SP_CLAIM (item)) : sp_suggestion_get_quote (SP_SUGGESTION (item));
  g_autofree char *stance = sp_stance_text (item_stance (item));
  g_autofree char *accessible = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *quote = gtk_label_new (quote_text);
  GtkWidget *from = gtk_label_new (source);

  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 4);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 44);
  gtk_widget_add_css_class (quote, "claim-quote");
  gtk_label_set_xalign (GTK_LABEL (from), 0);
  gtk_label_set_wrap (GTK_LABEL (from), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (from), 44);
  gtk_widget_add_css_class (from, "dim-label");
  gtk_widget_add_css_class (from, "caption");
  gtk_box_append (GTK_BOX (text), quote);
  gtk_box_append (GTK_BOX (text), from);
  gtk_box_append (GTK_BOX (box), sp_stance_badge_new (item_stance (item)));
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");

  /* A claim opens its sentence in the reader; a pending suggestion, its review */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), claim ? "win.show-claim" : "win.review-suggestion");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (claim ? sp_claim_get_id (SP_CLAIM (item))
                                                                     : sp_suggestion_get_id (SP_SUGGESTION (item))));

  /* TRANSLATORS: what a screen reader says for a claim: stance, quote, then where it is from */
  accessible = g_strdup_printf (_("Stance %s: “%s”, %s"), stance, quote_text, source);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return button;
}

static void
profile_clicked_cb (SpMatrixEvidencePopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
sp_matrix_evidence_popover_class_init (SpMatrixEvidencePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-matrix-evidence-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SpMatrixEvidencePopover, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixEvidencePopover, actor_button);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixEvidencePopover, issue_button);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixEvidencePopover, timeline_label);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixEvidencePopover, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixEvidencePopover, claims_box);
}

static void
sp_matrix_evidence_popover_init (SpMatrixEvidencePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The buttons' actions run first: the popover closes behind them */
  g_signal_connect_object (self->actor_button, "clicked", G_CALLBACK (profile_clicked_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->issue_button, "clicked", G_CALLBACK (profile_clicked_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

GtkWidget *
sp_matrix_evidence_popover_new (void)
{
  return g_object_new (SP_TYPE_MATRIX_EVIDENCE_POPOVER, NULL);
}

/**
 * sp_matrix_evidence_popover_set_claims:
 * @heading: what the cell holds, as plain text
 * @items: (element-type GObject): the claims (SpClaim) and pending suggestions (SpSuggestion)
 *   behind the cell, in time order as the matrix gives its evidence: undated first
 */
void
sp_matrix_evidence_popover_set_claims (SpMatrixEvidencePopover *self,
                                       const char              *heading,
                                       GPtrArray               *items)
{
  GtkWidget *child;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *span = NULL;
  guint n_dated = 0;

  g_return_if_fail (SP_IS_MATRIX_EVIDENCE_POPOVER (self));
  g_return_if_fail (items != NULL);

  gtk_label_set_text (self->heading_label, heading);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->claims_box))))
    gtk_box_remove (self->claims_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_box))))
    gtk_flow_box_remove (self->timeline_box, child);

  self->n_claims = items->len;

  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);
      g_autofree char *date = dup_date_text (item);
      g_autofree char *stance = sp_stance_text (item_stance (item));
      g_autofree char *tooltip = g_strdup_printf ("%s: %s", date, stance);
      GtkWidget *mark = sp_stance_badge_new (item_stance (item));
      const char *iso = item_date (item);

      gtk_widget_set_tooltip_text (mark, tooltip);
      if (SP_IS_SUGGESTION (item))
        gtk_widget_set_opacity (mark, 0.55);
      gtk_flow_box_append (self->timeline_box, mark);
      gtk_box_append (self->claims_box, create_item_button (item));

      if (iso != NULL && *iso != '\0')
        {
          if (n_dated++ == 0)
            first = g_strdup (date);
          g_free (last);
          last = g_strdup (date);
        }
    }

  if (n_dated == 0)
    span = g_strdup (_("Over time: no claim is dated"));
  else if (n_dated == items->len && g_strcmp0 (first, last) == 0)
    /* TRANSLATORS: the one date of all the claims of a cell */
    span = g_strdup_printf (_("Over time: all on %s"), first);
  else if (n_dated == items->len)
    /* TRANSLATORS: the dates of a cell's oldest and newest claims */
    span = g_strdup_printf (_("Over time: %s to %s"), first, last);
  else
    /* TRANSLATORS: how many of a cell's claims have no date, then the dates of its oldest
     * and newest dated claims */
    span = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Over time: %u undated, then %s to %s",
                                         "Over time: %u undated, then %s to %s", items->len - n_dated),
                            items->len - n_dated, first, last);
  gtk_label_set_text (self->timeline_label, span);
}

/**
 * sp_matrix_evidence_popover_set_profiles:
 * @actor_id: the cell's row: an actor, or a group (an actor too)
 * @issue_id: the cell's column
 *
 * What the popover's Actor Profile and Issue Profile buttons open (win.show-actor and
 * win.show-issue); the popover closes as the profile opens.
 */
void
sp_matrix_evidence_popover_set_profiles (SpMatrixEvidencePopover *self,
                                         gint64                   actor_id,
                                         gint64                   issue_id)
{
  g_return_if_fail (SP_IS_MATRIX_EVIDENCE_POPOVER (self));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->actor_button), "x", actor_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->actor_button), "win.show-actor");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->issue_button), "x", issue_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->issue_button), "win.show-issue");
}

/* Returns: how many claims the popover lists */
guint
sp_matrix_evidence_popover_get_n_claims (SpMatrixEvidencePopover *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_EVIDENCE_POPOVER (self), 0);
  return self->n_claims;
}
