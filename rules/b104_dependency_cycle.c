/* B104 dependency-cycle: functions that need each other in a loop.  The
 * search is an explicit-stack DFS so a long dependency chain cannot overflow
 * the C stack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule_util.h"

#include "base/alloc.h"

enum { WHITE, GREY, BLACK };

typedef struct frame {
    size_t node;      /* function ordinal */
    size_t next_edge; /* next item of its `needs` to follow */
} frame;

/* The function a `needs` item points at, as an index into `functions`, or SIZE_MAX. */
static size_t function_index(const bcp_value *item, const bcp_entity_list *functions)
{
    const bcp_entity *t = bcp_rule_ref_target(item);
    if (!t || t->kind != BCP_KIND_FUNCTION || !bcp_rule_in_list(t, functions))
        return SIZE_MAX;
    return t->ordinal;
}

static void report_cycle(bcp_lint_ctx *ctx, const bcp_value *edge, const bcp_entity_list *functions,
                         const frame *stack, size_t from, size_t depth)
{
    /* Name at most a dozen steps: a longer loop is found just as well from its first ones. */
    enum { MAX_NAMED = 12 };
    size_t length = 16;
    for (size_t i = from; i < depth && i < from + MAX_NAMED; i++)
        length += strlen(functions->items[stack[i].node]->id) + 4;
    length += strlen(functions->items[stack[from].node]->id);
    char *path = bcp_malloc(length);
    if (!path)
        return;
    size_t used = 0;
    for (size_t i = from; i < depth && i < from + MAX_NAMED; i++)
        used += (size_t)snprintf(path + used, length - used, "%s -> ", functions->items[stack[i].node]->id);
    if (depth - from > MAX_NAMED)
        used += (size_t)snprintf(path + used, length - used, "... -> ");
    snprintf(path + used, length - used, "%s", functions->items[stack[from].node]->id);
    bcp_lint_report(ctx, &edge->span, "dependency cycle: %s (%zu function%s)", path, depth - from,
                    depth - from == 1 ? "" : "s");
    bcp_free(path);
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_entity_list *functions = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_FUNCTION);
    size_t count = functions->count;
    if (count == 0)
        return;
    unsigned char *colour = bcp_calloc(count, 1);
    size_t *stack_pos = bcp_malloc(count * sizeof *stack_pos);
    frame *stack = bcp_malloc(count * sizeof *stack);
    if (!colour || !stack_pos || !stack)
        goto done;

    for (size_t root = 0; root < count; root++) {
        if (colour[root] != WHITE)
            continue;
        size_t depth = 0;
        stack[depth] = (frame){root, 0};
        stack_pos[root] = depth++;
        colour[root] = GREY;
        while (depth) {
            frame *top = &stack[depth - 1];
            size_t n;
            const bcp_value *needs = bcp_rule_items(bcp_entity_value(functions->items[top->node], "needs"), &n);
            if (top->next_edge >= n) {
                colour[top->node] = BLACK;
                depth--;
                continue;
            }
            const bcp_value *edge = &needs[top->next_edge++];
            size_t next = function_index(edge, functions);
            if (next == SIZE_MAX)
                continue;
            if (colour[next] == GREY) {
                report_cycle(ctx, edge, functions, stack, stack_pos[next], depth);
            } else if (colour[next] == WHITE) {
                colour[next] = GREY;
                stack_pos[next] = depth;
                stack[depth++] = (frame){next, 0};
            }
        }
    }
done:
    bcp_free(colour);
    bcp_free(stack_pos);
    bcp_free(stack);
}

const bcp_rule bcp_rule_dependency_cycle = {
    .code = "B104",
    .name = "dependency-cycle",
    .severity = BCP_SEV_ERROR,
    .summary = "Functions need each other in a loop, so none of them can be recovered first.",
    .rationale = "Recovery follows the dependency order: each function comes back after what it needs. "
                 "A cycle leaves no valid order. NIST SP 800-34 Rev.1 §3.2.2 requires recovery priorities "
                 "that respect interdependencies, and ISO 22301:2019 §8.2.2 requires dependencies of "
                 "prioritised activities to be identified, which includes recognising circular ones.",
    .fix = "break the loop: decide which function recovers first and remove its `needs` on the other, "
           "or describe how it runs without it in `fallback`",
    .check = check,
};
