/* Large files in pieces: a big source is cut between top-level blocks,
 * parsed and built on all cores, then merged into the model in load order. */
#define _DEFAULT_SOURCE
#include "model_internal.h"
#include "base/call.h"

#include "base/alloc.h"

static bool tree_has_use(const piece_job *job)
{
    TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(job->tree));
    bool found = false;
    bool more = ts_tree_cursor_goto_first_child(&cur);
    for (; more && !found; more = ts_tree_cursor_goto_next_sibling(&cur))
        found = ts_node_symbol(ts_tree_cursor_current_node(&cur)) == job->c.sym->use_statement;
    ts_tree_cursor_delete(&cur);
    return found;
}

void bcp_build_piece(void *item)
{
    piece_job *job = item;
    job->c.arena = &job->arena;
    job->c.diags = &job->diags;
    job->c.broken = &job->broken;
    if (job->whole_file) {
        if ((job->has_use = tree_has_use(job)))
            return;
        job->syntax_errors = bcp_syntax_report_errors(job->c.src, job->tree, &job->diags) > 0;
    }
    if (!job->c.from_stdlib)
        bcp_comments_collect(job->c.src, job->tree, &job->comments);
    TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(job->tree));
    bool more = ts_tree_cursor_goto_first_child(&cur);
    /* A cancelled call's model is thrown away: its blocks need not be built. */
    for (; more && !bcp_call_cancelled(); more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        if (ts_node_symbol(n) != job->c.sym->block)
            continue;
        bcp_entity *e = bcp_build_block(&job->c, n, NULL, BLOCK_ENTITY);
        if (e)
            bcp_ptr_vec_push(&job->arena, &job->blocks, e);
    }
    ts_tree_cursor_delete(&cur);
    ts_tree_delete(job->tree);
    job->tree = NULL;
}

static void adopt_arena(bcp_model *m, const bcp_arena *arena)
{
    m->piece_arenas = bcp_grow(m->piece_arenas, &m->piece_arena_capacity, m->piece_arena_count,
                               sizeof *m->piece_arenas);
    m->piece_arenas[m->piece_arena_count++] = *arena;
}

/* A module built ahead but never imported (loaded another way meanwhile). */
void bcp_piece_job_free(piece_job *job)
{
    if (!job)
        return;
    bcp_diag_list_free(&job->diags);
    bcp_comments_free(&job->comments);
    bcp_arena_free(&job->arena);
    bcp_free(job);
}

/* Hands a built piece's entities, findings and memory to the model. */
void bcp_merge_piece(bcp_model *m, piece_job *job)
{
    for (size_t k = 0; k < job->blocks.count; k++)
        bcp_ptr_vec_push(&m->arena, &m->blocks, job->blocks.items[k]);
    for (size_t k = 0; k < job->broken.count; k++)
        bcp_ptr_vec_push(&m->arena, &m->broken, job->broken.items[k]);
    bcp_diag_list_append(&m->diags, &job->diags);
    bcp_comments_take(m, job->c.src, &job->comments);
    m->syntax_errors = m->syntax_errors || job->syntax_errors;
    adopt_arena(m, &job->arena);
}

void bcp_build_pieces(bcp_model *m, const build_ctx *base, TSTree *const *trees, size_t count)
{
    piece_job *jobs = bcp_calloc(count, sizeof *jobs);
    for (size_t i = 0; i < count; i++) {
        jobs[i].c = *base;
        jobs[i].tree = trees[i];
        bcp_arena_init(&jobs[i].arena);
    }
    bcp_run_parallel(bcp_build_piece, jobs, sizeof *jobs, count);
    for (size_t i = 0; i < count; i++)
        bcp_merge_piece(m, &jobs[i]);
    bcp_free(jobs);
}

/* Parses a source: a large one in pieces cut between top-level blocks, on all
 * cores; a small one whole.  Returns the number of trees written to `trees`. */
size_t bcp_parse_source(bcp_model *m, const bcp_source *src, TSTree **trees, size_t max)
{
    bcp_cut cuts[MAX_PIECES];
    size_t ncuts = 0;
    bool prescanned = bcp_syntax_prescan(src);
    if (prescanned && src->length >= 2 * PIECE_MIN_BYTES && bcp_worker_threads() > 1)
        ncuts = bcp_scan_cuts(src->text, src->length, PIECE_MIN_BYTES, cuts, max - 1);
    if (ncuts == 0) {
        if (!m->parser) {
            m->parser = ts_parser_new();
            ts_parser_set_language(m->parser, tree_sitter_bcp());
        }
        /* A refused text is parsed as empty text (syntax.h). */
        trees[0] = prescanned ? bcp_syntax_parse_string(m->parser, NULL, src->text, (uint32_t)src->length)
                              : bcp_syntax_parse_string(m->parser, NULL, "", 0);
        return 1;
    }
    bcp_parse_task tasks[MAX_PIECES];
    memset(tasks, 0, sizeof tasks);
    for (size_t i = 0; i <= ncuts; i++) {
        bcp_parse_task *t = &tasks[i];
        t->text = src->text;
        t->length = (uint32_t)src->length;
        t->prescanned = true;
        t->ranged = true;
        t->range.start_byte = i == 0 ? 0 : (uint32_t)cuts[i - 1].offset;
        t->range.start_point.row = i == 0 ? 0 : cuts[i - 1].row;
        if (i < ncuts) {
            t->range.end_byte = (uint32_t)cuts[i].offset;
            t->range.end_point.row = cuts[i].row;
        } else {
            t->range.end_byte = UINT32_MAX;
            t->range.end_point.row = UINT32_MAX;
            t->range.end_point.column = UINT32_MAX;
        }
    }
    bcp_parse_tasks(tasks, ncuts + 1);
    bool any_error = false;
    for (size_t i = 0; i <= ncuts; i++)
        any_error = any_error || ts_node_has_error(ts_tree_root_node(tasks[i].tree));
    if (any_error) {
        /* The parser recovers from an error by what surrounds it, and a piece
         * hides the rest of the file: report what a whole parse reports, the
         * same on any number of cores. */
        for (size_t i = 0; i <= ncuts; i++)
            ts_tree_delete(tasks[i].tree);
        return bcp_parse_source(m, src, trees, 1);
    }
    for (size_t i = 0; i <= ncuts; i++)
        trees[i] = tasks[i].tree;
    return ncuts + 1;
}
