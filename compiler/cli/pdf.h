/* HTML to PDF for `bcp build --format pdf`, through headless Chromium
 * (docs/pdf.md says why Chromium and why here).  The library only renders
 * HTML; running another program, with its temporary files, PATH search and
 * time limit, is the command's business, like writing files. */
#ifndef BCP_CLI_PDF_H
#define BCP_CLI_PDF_H
#include <stdbool.h>
#include <stddef.h>

/* The renderer on PATH (chromium, else chromium-browser), malloc'd; NULL when
 * there is none. */
char *bcp_pdf_find_renderer(void);
/* Prints `html` to PDF into *pdf (malloc'd, *pdf_len bytes), made
 * reproducible with `epoch` (bcp_pdf_make_reproducible; bcp_pdf_epoch gives
 * it).  On failure prints why to stderr, with the diagnostic code (E160 no
 * renderer, E161 the renderer failed), and returns false; no file is left
 * behind either way. */
bool bcp_pdf_from_html(const char *name, const char *html, size_t len, long long epoch, char **pdf,
                       size_t *pdf_len);

/* Makes a PDF Chromium printed reproducible, in place and without moving a
 * byte (the cross-reference offsets stay right): CreationDate and ModDate
 * become `epoch` (seconds, UTC; the date is removed when `epoch` < 0 or its
 * text would not fit in the old one's bytes), and Chromium's structure-tree
 * ids (node + 8 digits: the DOM's node numbers, which vary between runs, in
 * /ID, /Headers and the /IDTree) are renumbered by rank, node00000001 for
 * the smallest, so that their order, and with it the name tree's sorting,
 * stays.  How many places it changed. */
size_t bcp_pdf_make_reproducible(char *pdf, size_t len, long long epoch);
/* The PDF's date: SOURCE_DATE_EPOCH when set (a number of seconds), else
 * the plan's `reviewed` date at 00:00 UTC, else -1 (no date). */
long long bcp_pdf_epoch(const char *plan_path, const char *stdlib_dir);

#endif
