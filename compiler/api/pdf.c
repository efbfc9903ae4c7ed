/* The diagnostics of printing the HTML document to PDF (E160, E161), for
 * the program that runs the renderer (the `bcp` command, compiler/cli/pdf.c):
 * the library itself never starts a program (docs/pdf.md). */
#include "base/codes.h"
#include "base/diag.h"
#include "bcp.h"
#include "report/diagnostics.h"

bcp_diagnostics *bcp_pdf_problem_report(bcp_pdf_problem problem, const char *message)
{
    bcp_diag_list list = {0};
    bcp_diag_add_code(&list, problem == BCP_PDF_NO_RENDERER ? BCP_CODE_E160 : BCP_CODE_E161, NULL, "%s",
                      message ? message : "");
    bcp_diagnostics *set = bcp_diagnostics_new();
    bcp_diagnostics_add_list(set, &list);
    bcp_diag_list_free(&list);
    return set;
}
