/* sp-reader-private.h
 *
 * SpReader's internals, shared by sp-reader.c (claims, selection and scrolling),
 * sp-reader-header.c (the title, date and badges above the text), sp-reader-text.c (laying out the body and the removed blocks shown inside
 * it, and the mapping between body and buffer offsets) and sp-reader-find.c (the find bar
 * and the highlighted matches of a search) and sp-reader-suggestions.c (the engine's pending
 * suggestions, marked apart from claims, and clicks on them).
 *
 * Offsets: everything outside the reader speaks in characters of the stored body, which is
 * what claims are anchored to. The text buffer holds the body and, while "Show Removed Text"
 * is on, the removed blocks inserted where they stood; _sp_reader_to_buffer() and
 * _sp_reader_to_body() translate between the two.
 */
#pragma once

#include "sp-reader.h"

G_BEGIN_DECLS

/* A removed block as shown inside the buffer */
typedef struct
{
  guint  body_offset;   /* the body character it stands before */
  guint  buffer_start;
  guint  length;        /* in buffer characters, with its heading and line breaks */
  gint64 removal_id;
} SpReaderSegment;

struct _SpReader
{
  GtkWidget        parent_instance;

  SpDocument      *document;
  char            *body;
  GListModel      *claims;
  GListModel      *removals;
  GArray          *segments;      /* of SpReaderSegment, in body order */
  GArray          *search_ranges; /* of SpTextRange, body offsets: a list search's matches */
  gboolean         show_removed;
  gboolean         can_restore;
  guint            title_end;     /* buffer characters of a first line that repeats the title, or 0 */

  GtkWidget       *box;
  GtkLabel        *title_label;
  GtkLabel        *kind_label;
  GtkLabel        *date_label;
  GtkLabel        *meta_label;
  GtkLabel        *url_label;
  GtkWidget       *badges;
  GtkWidget       *duplicate_button;
  GtkLabel        *duplicate_label;
  GtkToggleButton *removed_toggle;
  GtkTextView     *text_view;
  GtkTextBuffer   *buffer;
  GtkTextTag      *stance_tags[SP_STANCE_MAX - SP_STANCE_MIN + 1];
  GtkTextTag      *hidden_tag;    /* blank lines, and a first line repeating the title */
  GtkTextTag      *paragraph_tag; /* the last line of a paragraph */
  GtkTextTag      *removed_tag;   /* a removed block shown inside the text */
  GtkTextTag      *removed_top_tag;    /* its heading's line */
  GtkTextTag      *removed_bottom_tag; /* its text */
  GtkTextTag      *match_tag;     /* a match of the list's search or of the find bar */
  GtkTextTag      *current_tag;   /* the match the find bar is on */
  GListModel      *suggestions;   /* of SpSuggestion, pending, of this document */
  gint64           current_suggestion;
  GtkTextTag      *suggestion_tags[SP_STANCE_MAX - SP_STANCE_MIN + 1];
  GtkTextTag      *current_suggestion_tags[SP_STANCE_MAX - SP_STANCE_MIN + 1];
  GtkTextMark     *scroll_mark;   /* where a scroll waiting for the layout goes */
  double           scroll_yalign;
  gboolean         scroll_pending;
  guint            scroll_idle;
  GtkWidget       *context_menu;
  GMenuModel      *extra_menu;

  /* The find bar */
  GtkSearchBar    *find_bar;
  GtkSearchEntry  *find_entry;
  GtkLabel        *find_count;
  GArray          *find_matches;  /* of SpTextRange, buffer offsets */
  int              find_current;  /* index in find_matches, or -1 */
};

guint  _sp_reader_to_buffer      (SpReader   *self,
                                  guint       body_offset,
                                  gboolean    after_blocks);
void   _sp_reader_iter_at_body   (SpReader    *self,
                                  GtkTextIter *iter,
                                  guint        body_offset,
                                  gboolean     after_blocks);
guint  _sp_reader_to_body        (SpReader   *self,
                                  guint       buffer_offset);
gint64 _sp_reader_removal_at     (SpReader   *self,
                                  guint       buffer_offset);
void   _sp_reader_apply_tag      (SpReader   *self,
                                  GtkTextTag *tag,
                                  guint       body_start,
                                  guint       body_end);
void   _sp_reader_fill_text      (SpReader   *self);
void   _sp_reader_apply_claims   (SpReader   *self);

void   _sp_reader_class_init_suggestions (SpReaderClass *klass);
void   _sp_reader_create_suggestion_tags (SpReader *self);
void   _sp_reader_init_suggestions (SpReader *self);
void   _sp_reader_apply_suggestions (SpReader *self);
void   _sp_reader_update_title_line (SpReader *self);

void   _sp_reader_init_header    (SpReader   *self,
                                  GtkWidget  *parent);
void   _sp_reader_show_header    (SpReader   *self);

void   _sp_reader_init_find      (SpReader   *self,
                                  GtkWidget  *parent);
void   _sp_reader_apply_matches  (SpReader   *self);
void   _sp_reader_refind         (SpReader   *self);

G_END_DECLS
