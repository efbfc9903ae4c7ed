/* Regulatory regimes (stdlib/regimes/<id>.bcp): each `regime` lists its
 * `element`s, and each element's `require` holds queries over the plan, all
 * of which must hold for the element to be met.  This file is the one place
 * that parses and evaluates those queries and decides whether an element is
 * met; rule G101 (rules/g101_regime_element_unmet.c), `bcp check --format
 * json` and the document's compliance crosswalk all read it.
 *
 * The query vocabulary (docs/regimes.md):
 *
 *   every KIND [where COND] has TERM {and TERM}
 *       at least one KIND matches COND, and every one that does has the TERMs
 *   at least N KIND [where COND]      N or more KIND match COND
 *   exists KIND [where COND]          the same with N = 1
 *   max KIND.ATTR [where COND] OP VALUE
 *       every KIND matching COND has ATTR, and ATTR OP VALUE (at least one)
 *   plan.ATTR [OP VALUE]              the plan block has ATTR (OP VALUE)
 *
 *   COND := TERM {and TERM}
 *   TERM := [not] ATTR [OP VALUE] | [not] ATTR refers KIND | [not] CHILD_KIND
 *   OP   := = | != | < | <= | > | >=
 *
 * An ATTR alone holds when the attribute is set: a boolean that is true (its
 * schema default counts), a list that is not empty, any other value.  `=`
 * compares a name, enum value, reference (`kind.id` or the id), boolean or
 * text; on a list it holds when an item matches.  Comparisons take a
 * duration, integer or date of the attribute's type.  `refers KIND` holds
 * when a reference of the attribute points at an entity of KIND.  A CHILD_KIND
 * (`backup` in a system) holds when the entity has such a nested block.
 * Entities of the stdlib never count: only what the plan declares. */
#ifndef BCP_MODEL_REGIME_H
#define BCP_MODEL_REGIME_H
#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* Checks that `text` (a query) parses against the schema.  On failure returns
 * false with a static message in *message and the byte range of the fault in
 * [*at, *at + *len) of text. */
bool bcp_regime_query_valid(const char *text, size_t length, const char **message, size_t *at, size_t *len);

/* Reports every element `require` of the model that does not parse (E185)
 * and every regime the plan names twice (E186); called by the model check. */
void bcp_regime_check_model(bcp_model *m);

typedef struct bcp_element_status {
    const bcp_entity *regime, *element;
    bool met;
    size_t failed;                   /* unmet: index of the first `require` that does not hold */
    const bcp_entity **evidence;     /* met: the plan's entities that meet it (owned by the list) */
    size_t evidence_count;
} bcp_element_status;

typedef struct bcp_element_status_list {
    bcp_element_status *items;
    size_t count, capacity;
} bcp_element_status_list;

/* Appends the status of every element of `regime`, in element order. */
void bcp_regime_evaluate(const bcp_model *m, const bcp_entity *regime, bcp_element_status_list *out);
void bcp_element_status_list_free(bcp_element_status_list *list);

/* The regimes that apply: the plan's `regimes`, then each of `extra` (ids, as
 * `bcp check --regime` names them) the plan does not list, without
 * duplicates.  Ids that name no regime are skipped.  Returns how many were
 * written to out (at most cap). */
size_t bcp_regimes_applying(const bcp_model *m, const char *const *extra, size_t extra_count,
                            const bcp_entity **out, size_t cap);

/* The message of the finding an unmet element is (G101), into buf; the
 * crosswalk matches accepted deviations by it. */
void bcp_regime_unmet_message(const bcp_element_status *s, char *buf, size_t size);

/* The element `id` of `regime`, or NULL. */
const bcp_entity *bcp_regime_element(const bcp_entity *regime, const char *id);

/* Whether `message` is the G101 message of an unmet element of `regime` (of
 * its element `element` when not NULL): how a deviation that names the
 * regime or the element (`deviation.regime`, `deviation.element`) picks its
 * findings. */
bool bcp_regime_message_is(const char *message, const bcp_entity *regime, const char *element);

#endif
