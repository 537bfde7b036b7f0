/* dna-fixture.h: small DNA 3.x projects written by the tests (dna-fixture.c) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DNA_FIXTURE_LEVY "The ferry levy should be scrapped."
#define DNA_FIXTURE_PIER "A new pier should be built."
#define DNA_FIXTURE_N_DOCUMENTS  2
#define DNA_FIXTURE_N_STATEMENTS 8

typedef struct
{
  const char *title;
  const char *text;
  const char *source;
  const char *author;
  gint64      date;
} DnaFixtureDocument;

typedef struct
{
  const char *person;
  const char *organisation;
  const char *concept;
  int         boolean_agreement;
  int         integer_agreement;
  int         document;   /* 1-based */
  const char *quote;
  int         type;       /* 1 "DNA Statement", 2 "Annotation" */
} DnaFixtureStatement;

extern const DnaFixtureDocument  dna_fixture_documents[DNA_FIXTURE_N_DOCUMENTS];
extern const DnaFixtureStatement dna_fixture_statements[DNA_FIXTURE_N_STATEMENTS];

void dna_fixture_write (const char *path,
                        gboolean    integer_agreement);
void dna_fixture_exec  (const char *path,
                        const char *sql);
void dna_fixture_span  (guint       statement,
                        gint64     *start,
                        gint64     *stop);

G_END_DECLS
