/* The readiness lines of `bcp diff`: the total and each area whose score
 * moved, old → new with the change; an area scored on one side only shows
 * "-" on the other. */
#include "readiness_diff.h"

#include <stdio.h>

static void score_text(const bcp_readiness_area_score *s, char out[8])
{
    snprintf(out, 8, s->applies ? "%d" : "-", s->score);
}

static bool moved(const bcp_readiness_area_score *a, const bcp_readiness_area_score *b)
{
    return a->applies != b->applies || (a->applies && a->score != b->score);
}

static bool any_moved(const bcp_readiness *old_r, const bcp_readiness *new_r)
{
    bool any = old_r->score != new_r->score;
    for (int a = 0; a < BCP_READY_AREA_COUNT; a++)
        any |= moved(&old_r->areas[a], &new_r->areas[a]);
    return any;
}

bool bcp_readiness_diff_render(bcp_buf *out, const bcp_readiness *old_r, const bcp_readiness *new_r, bool markdown)
{
    if (!any_moved(old_r, new_r))
        return false;
    int delta = new_r->score - old_r->score;
    if (markdown)
        bcp_buf_printf(out, "### Readiness: %d \u2192 %d (%+d)\n\n| Area | Old | New |\n|---|---:|---:|\n",
                       old_r->score, new_r->score, delta);
    else
        bcp_buf_printf(out, "Readiness: %d \u2192 %d (%+d)\n", old_r->score, new_r->score, delta);
    for (int a = 0; a < BCP_READY_AREA_COUNT; a++) {
        if (!moved(&old_r->areas[a], &new_r->areas[a]))
            continue;
        char was[8], now[8];
        score_text(&old_r->areas[a], was);
        score_text(&new_r->areas[a], now);
        const char *name = bcp_readiness_area_name((bcp_readiness_area)a);
        if (markdown)
            bcp_buf_printf(out, "| %s | %s | %s |\n", name, was, now);
        else
            bcp_buf_printf(out, "  %-9s %3s \u2192 %s\n", name, was, now);
    }
    if (markdown)
        bcp_buf_puts(out, "\n");
    return true;
}

static json_t *area_score(const bcp_readiness_area_score *s)
{
    return s->applies ? json_integer(s->score) : json_null();
}

json_t *bcp_readiness_diff_json(const bcp_readiness *old_r, const bcp_readiness *new_r)
{
    if (!any_moved(old_r, new_r))
        return NULL;
    json_t *areas = json_array();
    for (int a = 0; a < BCP_READY_AREA_COUNT; a++)
        if (moved(&old_r->areas[a], &new_r->areas[a]))
            json_array_append_new(areas, json_pack("{s:s,s:o,s:o}", "area",
                                                   bcp_readiness_area_name((bcp_readiness_area)a), "old",
                                                   area_score(&old_r->areas[a]), "new", area_score(&new_r->areas[a])));
    return json_pack("{s:i,s:i,s:o}", "old", old_r->score, "new", new_r->score, "areas", areas);
}
