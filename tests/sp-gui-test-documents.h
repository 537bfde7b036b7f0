/* sp-gui-test-documents.h
 *
 * The fixture the Documents view and claim popover tests start from: a window of a given
 * width showing a project with a long article (60 paragraphs, a claimed sentence far down it,
 * and a word claimed with each stance), a plain article and one with a long title and URL;
 * 31 actors and two issues with propositions. And what those tests do on it: show a document
 * and wait for the motion to end, open the claim popover, and check where a range and the
 * popover are drawn.
 */
#pragma once

#include "sp-documents-view.h"
#include "sp-window.h"

G_BEGIN_DECLS

extern const char sp_gui_test_documents_long_title[];
extern const char sp_gui_test_documents_long_url[];
extern const char sp_gui_test_documents_ceasefire_proposition[];
extern const char sp_gui_test_documents_corridor_proposition[];
/* Words in paragraph 1 of the long article, claimed with the stances −2 … +2 */
extern const char * const sp_gui_test_documents_stance_words[5];

typedef struct
{
  char            *dir;
  char            *long_body;
  int              width;       /* asked for */
  SpWindow        *window;
  SpDocumentsView *view;
  SpReader        *reader;
  GtkTextView     *text_view;   /* the reader's */
  GtkAdjustment   *vadjustment; /* the reader's */
  SpClaimPopover  *popover;
  gint64           long_doc;
  gint64           plain_doc;
  gint64           titled_doc;
  gint64           berg;
  gint64           ceasefire;
  gint64           corridor;
  gint64           target_claim;
  guint            target_start;
  guint            target_end;
} SpGuiTestDocuments;

void sp_gui_test_documents_setup                 (SpGuiTestDocuments *f,
                                                  gconstpointer       data);
void sp_gui_test_documents_teardown              (SpGuiTestDocuments *f,
                                                  gconstpointer       data);
void sp_gui_test_documents_screenshot            (SpGuiTestDocuments *f,
                                                  GtkWidget          *widget,
                                                  const char         *what);
void sp_gui_test_documents_settle_motion         (SpGuiTestDocuments *f);
void sp_gui_test_documents_show                  (SpGuiTestDocuments *f,
                                                  gint64              document);
void sp_gui_test_documents_open_new_claim        (SpGuiTestDocuments *f);
void sp_gui_test_documents_assert_in_view        (SpGuiTestDocuments *f,
                                                  guint               start,
                                                  guint               end);
void sp_gui_test_documents_assert_centred        (SpGuiTestDocuments *f,
                                                  guint               start,
                                                  guint               end);
void sp_gui_test_documents_assert_popover_beside (SpGuiTestDocuments *f,
                                                  guint               start,
                                                  guint               end,
                                                  const char         *what);

/* A case run at @width px */
#define SP_GUI_TEST_ADD_DOCUMENTS(path, width, func) \
  g_test_add (path, SpGuiTestDocuments, GINT_TO_POINTER (width), \
              sp_gui_test_documents_setup, func, sp_gui_test_documents_teardown)

G_END_DECLS
