/* sp-sentences.h
 *
 * Where the sentences of a cleaned body start and end: claims and suggestions are anchored
 * to sentences, so every document stores them at import.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpSentenceSplitter SpSentenceSplitter;

SpSentenceSplitter *sp_sentence_splitter_new   (GError              **error);
void                sp_sentence_splitter_free  (SpSentenceSplitter   *self);
GArray             *sp_sentence_splitter_split (SpSentenceSplitter   *self,
                                                const char           *text,
                                                gsize                 length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSentenceSplitter, sp_sentence_splitter_free)

G_END_DECLS
