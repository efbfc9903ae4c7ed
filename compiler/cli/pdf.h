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
/* Prints `html` to PDF into *pdf (malloc'd, *pdf_len bytes).  On failure
 * prints why to stderr, with the diagnostic code (E160 no renderer, E161 the
 * renderer failed), and returns false; no file is left behind either way. */
bool bcp_pdf_from_html(const char *name, const char *html, size_t len, char **pdf, size_t *pdf_len);

#endif
