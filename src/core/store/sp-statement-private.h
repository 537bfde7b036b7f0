/* sp-statement-private.h
 *
 * What a claim and a suggestion have in common: a statement (in the discourse sense, as DNA
 * says it, not an SQL one) anchored in a document's body, where an actor takes a stance on an
 * issue in one span. SpClaim and SpSuggestion each embed an SpStatement and share its
 * properties; sp-project-claims.c and sp-project-suggestions.c read it from the same leading
 * columns of their rows (SP_STATEMENT_SELECT) with one query loop.
 */
#pragma once

#include "sp-project-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  document_id;
  char   *document_file;
  char   *document_title;
  char   *document_date;
  guint   start;
  guint   end;
  char   *quote;
  gint64  actor_id;
  char   *actor_name;
  char   *group_name;
  gint64  issue_id;
  char   *issue_key;
  char   *issue_label;
  int     stance;
  char   *created;
} SpStatement;

void _sp_statement_clear (SpStatement *statement);

/* The properties every statement has; an object's own properties follow them, numbered
 * from SP_STATEMENT_N_PROPS. */
enum {
  SP_STATEMENT_PROP_0,
  SP_STATEMENT_PROP_ID,
  SP_STATEMENT_PROP_QUOTE,
  SP_STATEMENT_PROP_ACTOR_NAME,
  SP_STATEMENT_PROP_ISSUE_KEY,
  SP_STATEMENT_PROP_ISSUE_LABEL,
  SP_STATEMENT_PROP_STANCE,
  SP_STATEMENT_N_PROPS
};

void     _sp_statement_init_properties (GParamSpec        **properties);
gboolean _sp_statement_get_property    (const SpStatement  *statement,
                                        guint               prop_id,
                                        GValue             *value);

/* The columns _sp_project_query_statements() reads first, from table alias @t joined to its
 * document (d), actor (a) and issue (i); a query adds its own columns after them, then
 * SP_STATEMENT_FROM. */
#define SP_STATEMENT_SELECT(t) \
  "SELECT " t ".id, " t ".document_id, d.file_name, d.title, d.date, " \
  "  " t ".start_offset, " t ".end_offset, " \
  "  substr(d.body, " t ".start_offset + 1, " t ".end_offset - " t ".start_offset), " \
  "  " t ".actor_id, a.name, " t ".issue_id, i.key, i.label, " t ".stance, " t ".created"
#define SP_STATEMENT_N_COLUMNS 15
#define SP_STATEMENT_FROM(table, t) \
  "FROM " table " " t " " \
  "JOIN documents d ON d.id = " t ".document_id " \
  "JOIN actors a ON a.id = " t ".actor_id " \
  "JOIN issues i ON i.id = " t ".issue_id "

/*
 * SpStatementBuildFunc:
 * @stmt: the row, its own columns from SP_STATEMENT_N_COLUMNS on
 * @statement: (transfer full): what the leading columns hold; the new object takes it
 *
 * Returns: (transfer full): the claim or suggestion of the row
 */
typedef gpointer (*SpStatementBuildFunc) (SpStmt      *stmt,
                                          SpStatement *statement);

GListModel *_sp_project_query_statements (SpProject             *self,
                                          const char            *sql,
                                          const gint64          *params,
                                          guint                  n_params,
                                          GType                  item_type,
                                          SpStatementBuildFunc   build,
                                          const char            *context,
                                          GError               **error);

G_END_DECLS
