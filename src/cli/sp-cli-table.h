/* sp-cli-table.h
 *
 * The listings' output: a verb describes each row once, value by value in column order, and
 * gets the same rows as CSV (through the core's field writer, with formula neutralisation
 * for text) or as a JSON array of objects whose members are the CSV's columns.
 */
#pragma once

#include "sp-cli.h"

G_BEGIN_DECLS

typedef struct _SpCliTable SpCliTable;

SpCliTable *sp_cli_table_new       (const char * const *columns);
void        sp_cli_table_free      (SpCliTable         *self);
void        sp_cli_table_begin_row (SpCliTable         *self);
void        sp_cli_table_add_int   (SpCliTable         *self,
                                    gint64              value);
void        sp_cli_table_add_double (SpCliTable        *self,
                                    double              value,
                                    gboolean            present);
void        sp_cli_table_add_text  (SpCliTable         *self,
                                    const char         *text);
void        sp_cli_table_add_word  (SpCliTable         *self,
                                    const char         *word);
void        sp_cli_table_add_list  (SpCliTable         *self,
                                    const char * const *items);
int         sp_cli_table_print     (SpCliTable         *self,
                                    SpCliFormat         format);

/* Adds one item's values to the row sp_cli_table_print_model() began for it */
typedef void (*SpCliTableRowFunc) (SpCliTable *table,
                                   gpointer    item);

int         sp_cli_table_print_model (SpCliTable        *self,
                                      GListModel        *model,
                                      SpCliTableRowFunc  add_row,
                                      SpCliFormat        format);

/* sp-cli-suggestions.c: a suggestion in the claims columns (note empty) */
void        sp_cli_add_suggestion_row (SpCliTable      *table,
                                       SpSuggestion    *suggestion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCliTable, sp_cli_table_free)

G_END_DECLS
