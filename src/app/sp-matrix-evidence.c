/* sp-matrix-evidence.c
 *
 * The evidence behind a matrix cell. Claims are listed oldest first by their document's date
 * (undated ones last), so that the list and the timeline above it read as the cell's history:
 * a stance that changed shows as marks changing colour from left to right. Each claim is a
 * button to win.show-claim, which opens its document in the reader at its sentence.
 *
 * The popover is as narrow as its wrapped quotes (about 44 characters), so it fits a window
 * 560 px wide.
 */
#define G_LOG_DOMAIN "sp-matrix-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-date-text.h"
#include "sp-matrix-evidence.h"

struct _SpMatrixEvidence
{
  GtkPopover  parent_instance;

  guint       n_claims;

  /* Template children */
  GtkLabel   *heading_label;
  GtkLabel   *timeline_label;
  GtkFlowBox *timeline_box;
  GtkBox     *claims_box;
};

G_DEFINE_FINAL_TYPE (SpMatrixEvidence, sp_matrix_evidence, GTK_TYPE_POPOVER)

static char *
stance_text (int stance)
{
  return g_strdup_printf ("%s%d", stance > 0 ? "+" : stance < 0 ? "−" : "", ABS (stance));
}

static GtkWidget *
create_badge (int stance)
{
  g_autofree char *text = stance_text (stance);
  g_autofree char *css = g_strdup_printf ("stance%c%d", stance < 0 ? 'm' : 'p', ABS (stance));
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "stance-badge");
  gtk_widget_add_css_class (badge, css);
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  return badge;
}

static const char *
status_text (SpClaim *claim)
{
  switch (sp_claim_get_origin (claim))
    {
    case SP_CLAIM_ORIGIN_SUGGESTED:
      /* TRANSLATORS: a claim that was suggested and accepted */
      return _("accepted suggestion");

    case SP_CLAIM_ORIGIN_MANUAL:
    default:
      /* TRANSLATORS: a claim tagged by hand */
      return _("tagged by hand");
    }
}

static char *
dup_date_text (SpClaim *claim)
{
  const char *date = sp_claim_get_document_date (claim);

  if (date == NULL || *date == '\0')
    return g_strdup (_("undated"));

  return sp_date_text_format (date, SP_DATE_TEXT_SHORT);
}

static GtkWidget *
create_claim_button (SpClaim *claim)
{
  g_autofree char *date = dup_date_text (claim);
  /* TRANSLATORS: under a quote: actor · document title · date · how the claim was made */
  g_autofree char *source = g_strdup_printf (_("%s · %s · %s · %s"), sp_claim_get_actor_name (claim),
                                             sp_claim_get_document_title (claim), date, status_text (claim));
  g_autofree char *stance = stance_text (sp_claim_get_stance (claim));
  g_autofree char *accessible = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *quote = gtk_label_new (sp_claim_get_quote (claim));
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
  gtk_box_append (GTK_BOX (box), create_badge (sp_claim_get_stance (claim)));
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-claim");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (sp_claim_get_id (claim)));

  /* TRANSLATORS: what a screen reader says for a claim: stance, quote, then where it is from */
  accessible = g_strdup_printf (_("Stance %s: “%s”, %s"), stance, sp_claim_get_quote (claim), source);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return button;
}

/* Oldest first; undated claims after the dated ones, then in the order they were tagged */
static int
compare_by_date (gconstpointer a,
                 gconstpointer b)
{
  SpClaim *ca = *(SpClaim **)a;
  SpClaim *cb = *(SpClaim **)b;
  const char *da = sp_claim_get_document_date (ca);
  const char *db = sp_claim_get_document_date (cb);
  gboolean has_a = da != NULL && *da != '\0';
  gboolean has_b = db != NULL && *db != '\0';
  int cmp;

  if (has_a != has_b)
    return has_a ? -1 : 1;
  if (has_a && (cmp = strcmp (da, db)) != 0)
    return cmp;
  return sp_claim_get_id (ca) < sp_claim_get_id (cb) ? -1 : sp_claim_get_id (ca) > sp_claim_get_id (cb);
}

static void
sp_matrix_evidence_class_init (SpMatrixEvidenceClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-matrix-evidence.ui");
  gtk_widget_class_bind_template_child (widget_class, SpMatrixEvidence, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixEvidence, timeline_label);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixEvidence, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, SpMatrixEvidence, claims_box);
}

static void
sp_matrix_evidence_init (SpMatrixEvidence *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sp_matrix_evidence_new (void)
{
  return g_object_new (SP_TYPE_MATRIX_EVIDENCE, NULL);
}

/**
 * sp_matrix_evidence_set_claims:
 * @heading: what the cell holds, as plain text
 * @claims: (element-type SpClaim): the claims behind the cell, in any order; sorted here
 */
void
sp_matrix_evidence_set_claims (SpMatrixEvidence *self,
                               const char       *heading,
                               GPtrArray        *claims)
{
  GtkWidget *child;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *span = NULL;
  guint n_dated = 0;

  g_return_if_fail (SP_IS_MATRIX_EVIDENCE (self));
  g_return_if_fail (claims != NULL);

  gtk_label_set_text (self->heading_label, heading);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->claims_box))))
    gtk_box_remove (self->claims_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_box))))
    gtk_flow_box_remove (self->timeline_box, child);

  g_ptr_array_sort (claims, compare_by_date);
  self->n_claims = claims->len;

  for (guint i = 0; i < claims->len; i++)
    {
      SpClaim *claim = g_ptr_array_index (claims, i);
      g_autofree char *date = dup_date_text (claim);
      g_autofree char *stance = stance_text (sp_claim_get_stance (claim));
      g_autofree char *tooltip = g_strdup_printf ("%s: %s", date, stance);
      GtkWidget *mark = create_badge (sp_claim_get_stance (claim));
      const char *iso = sp_claim_get_document_date (claim);

      gtk_widget_set_tooltip_text (mark, tooltip);
      gtk_flow_box_append (self->timeline_box, mark);
      gtk_box_append (self->claims_box, create_claim_button (claim));

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
  else if (n_dated == claims->len && g_strcmp0 (first, last) == 0)
    /* TRANSLATORS: the one date of all the claims of a cell */
    span = g_strdup_printf (_("Over time: all on %s"), first);
  else if (n_dated == claims->len)
    /* TRANSLATORS: the dates of a cell's oldest and newest claims */
    span = g_strdup_printf (_("Over time: %s to %s"), first, last);
  else
    /* TRANSLATORS: the dates of a cell's oldest and newest claims, and how many have no date */
    span = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Over time: %s to %s, and %u undated",
                                         "Over time: %s to %s, and %u undated", claims->len - n_dated),
                            first, last, claims->len - n_dated);
  gtk_label_set_text (self->timeline_label, span);
}

/* Returns: how many claims the popover lists */
guint
sp_matrix_evidence_get_n_claims (SpMatrixEvidence *self)
{
  g_return_val_if_fail (SP_IS_MATRIX_EVIDENCE (self), 0);
  return self->n_claims;
}
