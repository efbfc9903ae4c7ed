/* The loss simulation (simulate.h, docs/simulate.md).
 *
 * Two passes over the part of the graph a loss reaches, each linear in its
 * edges: upwards from the lost entities through the model's referrers (who
 * depends on what was lost), then, memoised, the time each hit entity is
 * back, a function's being the latest of what it needs. */
#include "simulate.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "derive.h"

const char *bcp_sim_verdict_name(bcp_sim_verdict v)
{
    static const char *const names[] = {"within-rto", "rto-missed", "time-unknown", "mtpd-breached",
                                        "no-recovery-path"};
    return (unsigned)v < sizeof names / sizeof *names ? names[v] : "?";
}

const char *bcp_sim_path_name(bcp_sim_path p)
{
    static const char *const names[BCP_SIM_PATH_COUNT] = {
        "none", "other-site", "remote-work", "alternate-site", "site-fallback", "substitute", "deputy",
        "dr-site", "backup-restore", "system-rto", "system-fallback", "stock", "alternate-supplier",
        "supplier-sla", "supplier-recovers", "spare-asset", "alternate-asset", "function-rto",
        "upstream-function", "workaround"};
    return (unsigned)p < BCP_SIM_PATH_COUNT ? names[p] : "?";
}

bool bcp_sim_losable(bcp_kind kind)
{
    switch (kind) {
    case BCP_KIND_SITE: case BCP_KIND_SYSTEM: case BCP_KIND_SUPPLIER: case BCP_KIND_CONTACT:
    case BCP_KIND_TEAM: case BCP_KIND_RESOURCE: case BCP_KIND_ASSET: case BCP_KIND_FUNCTION:
        return true;
    default:
        return false;
    }
}

/* ------------------------------------------------------------- times */

/* When something is back: never (no path), at an unstated time, or after t. */
enum { T_NONE, T_UNTIMED, T_TIMED, T_IGNORE /* a dependency cycle: adds nothing */ };

typedef struct when {
    int kind;
    int64_t t;
    bcp_sim_path path;
    const bcp_entity *via;
} when;

static when at(bcp_sim_path path, const bcp_entity *via, int64_t t)
{
    return (when){T_TIMED, t, path, via};
}

static when untimed(bcp_sim_path path, const bcp_entity *via)
{
    return (when){T_UNTIMED, 0, path, via};
}

/* The sooner of two ways back (the first on a tie). */
static when sooner(when a, when b)
{
    int ra = a.kind == T_TIMED ? 2 : a.kind == T_UNTIMED ? 1 : 0;
    int rb = b.kind == T_TIMED ? 2 : b.kind == T_UNTIMED ? 1 : 0;
    if (ra != rb)
        return ra > rb ? a : b;
    return ra == 2 && b.t < a.t ? b : a;
}

/* Is `b` later than `a`, for "back when the last of them is back"? */
static bool later(when a, when b)
{
    if (b.kind == T_IGNORE)
        return false;
    if (a.kind == T_IGNORE)
        return true;
    int ra = a.kind == T_NONE ? 2 : a.kind == T_UNTIMED ? 1 : 0;
    int rb = b.kind == T_NONE ? 2 : b.kind == T_UNTIMED ? 1 : 0;
    if (ra != rb)
        return rb > ra;
    return ra == 0 && b.t > a.t;
}

/* ------------------------------------------------------- the hit set */

typedef struct node {
    const bcp_entity *e;
    const bcp_entity *cause;   /* what it was hit through; NULL when lost itself */
    int state;                 /* 0 not computed, 1 computing, 2 done */
    when back;
    const bcp_entity *dep;     /* functions: the dependency that sets `back` */
} node;

typedef struct frame frame;

typedef struct sim {
    const bcp_model *m;
    node *nodes;
    size_t count, cap;
    size_t *slots;             /* open addressing: index + 1, 0 empty */
    size_t slot_cap;
    frame *frames;             /* the nodes being computed (node_back); room for all */
    size_t depth;              /* ... of which in use */
    bool cycle;                /* the computation under way met a node in progress */
    size_t evaluations;        /* bounds recomputing the members of cycles */
} sim;

static size_t hash_ptr(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x;
}

static node *find(const sim *s, const bcp_entity *e)
{
    if (!s->slot_cap || !e)
        return NULL;
    for (size_t i = hash_ptr(e) & (s->slot_cap - 1);; i = (i + 1) & (s->slot_cap - 1)) {
        if (!s->slots[i])
            return NULL;
        if (s->nodes[s->slots[i] - 1].e == e)
            return &s->nodes[s->slots[i] - 1];
    }
}

static void rehash(sim *s, size_t cap)
{
    bcp_free(s->slots);
    s->slots = bcp_calloc(cap, sizeof *s->slots);
    s->slot_cap = cap;
    for (size_t n = 0; n < s->count; n++) {
        size_t i = hash_ptr(s->nodes[n].e) & (cap - 1);
        while (s->slots[i])
            i = (i + 1) & (cap - 1);
        s->slots[i] = n + 1;
    }
}

/* Adds `e` (hit through `cause`) unless it is there; true when added. */
static bool add(sim *s, const bcp_entity *e, const bcp_entity *cause)
{
    if (find(s, e))
        return false;
    s->nodes = bcp_grow(s->nodes, &s->cap, s->count, sizeof *s->nodes);
    s->nodes[s->count++] = (node){.e = e, .cause = cause};
    if (2 * s->count > s->slot_cap)
        rehash(s, s->slot_cap ? 2 * s->slot_cap : 64);
    else {
        size_t i = hash_ptr(e) & (s->slot_cap - 1);
        while (s->slots[i])
            i = (i + 1) & (s->slot_cap - 1);
        s->slots[i] = s->count;
    }
    return true;
}

static bool hit(const sim *s, const bcp_entity *e)
{
    return find(s, e) != NULL;
}

static bool ref_is(const bcp_entity *from, const char *name, const bcp_entity *to)
{
    return bcp_entity_ref(from, name) == to;
}

static bool ref_in(const bcp_entity *from, const char *name, const bcp_entity *to)
{
    const bcp_value *v = bcp_entity_value(from, name);
    if (!v || v->kind != BCP_V_LIST)
        return false;
    for (size_t i = 0; i < v->as.list.count; i++)
        if (v->as.list.items[i].kind == BCP_V_REF && v->as.list.items[i].as.ref.target == to)
            return true;
    return false;
}

/* Does `r` stop when `x` is lost? */
static bool depends_on(const bcp_entity *r, const bcp_entity *x)
{
    switch (r->kind) {
    case BCP_KIND_FUNCTION:
        return ref_in(r, "needs", x) || (!bcp_entity_bool(r, "remote_capable", false) && ref_in(r, "sites", x)) ||
               ref_is(r, "owner", x) || ref_in(r, "key_people", x);
    case BCP_KIND_SYSTEM:
        return ref_is(r, "vendor", x) || ref_in(r, "sites", x);
    case BCP_KIND_ASSET:
        return ref_is(r, "site", x);
    default:
        return false;
    }
}

/* Everything the loss reaches, breadth first. */
static void spread(sim *s)
{
    for (size_t i = 0; i < s->count; i++) {
        const bcp_entity *x = s->nodes[i].e;
        const bcp_entity_list *refs = bcp_model_referrers(s->m, x);
        for (size_t j = 0; refs && j < refs->count; j++) {
            const bcp_entity *r = refs->items[j];
            if (!hit(s, r) && depends_on(r, x))
                add(s, r, x);
        }
    }
}

/* ------------------------------------------------------- ways back */

static bool has_text(const bcp_entity *e, const char *name)
{
    const bcp_value *v = bcp_entity_value(e, name);
    if (!v || v->kind != BCP_V_STRING)
        return false;
    for (const char *p = v->as.string.text; *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            return true;
    return false;
}

static when timed_by(const bcp_entity *e, const char *attr, bcp_sim_path path, const bcp_entity *via)
{
    int64_t t;
    return bcp_entity_duration(e, attr, &t) ? at(path, via, t) : untimed(path, via);
}

static when site_back(const sim *s, const bcp_entity *site)
{
    when best = {T_NONE};
    if (bcp_entity_bool(site, "remote_work", false))
        best = sooner(best, at(BCP_SIM_PATH_REMOTE_WORK, NULL, 0));
    const bcp_entity *alt = bcp_entity_ref(site, "alternate");
    if (alt && !hit(s, alt))
        best = sooner(best, timed_by(site, "activation_time", BCP_SIM_PATH_ALTERNATE_SITE, alt));
    if (has_text(site, "fallback"))
        best = sooner(best, untimed(BCP_SIM_PATH_SITE_FALLBACK, NULL));
    return best;
}

static when system_back(const sim *s, const bcp_entity *sys)
{
    when best = {T_NONE};
    int64_t rto;
    bool has_rto = bcp_entity_duration(sys, "rto", &rto);
    const bcp_entity *dr = bcp_entity_ref(sys, "dr_site");
    if (dr && !hit(s, dr))
        best = sooner(best, has_rto ? at(BCP_SIM_PATH_DR_SITE, dr, rto) : untimed(BCP_SIM_PATH_DR_SITE, dr));
    for (size_t i = 0; i < sys->child_count; i++) {
        const bcp_entity *b = sys->children[i];
        int64_t t;
        if (b->kind == BCP_KIND_BACKUP && bcp_entity_duration(b, "restore_time", &t) &&
            !hit(s, bcp_entity_ref(b, "held_by")))
            best = sooner(best, at(BCP_SIM_PATH_BACKUP_RESTORE, b, t));
    }
    if (has_rto)
        best = sooner(best, at(BCP_SIM_PATH_SYSTEM_RTO, NULL, rto));
    if (has_text(sys, "fallback"))
        best = sooner(best, untimed(BCP_SIM_PATH_SYSTEM_FALLBACK, NULL));
    return best;
}

static when supplier_back(const sim *s, const bcp_entity *sup)
{
    when best = {T_NONE};
    const bcp_value *alts = bcp_entity_value(sup, "alternates");
    const bcp_entity *alt = NULL;
    for (size_t i = 0; alts && alts->kind == BCP_V_LIST && i < alts->as.list.count && !alt; i++)
        if (alts->as.list.items[i].kind == BCP_V_REF && alts->as.list.items[i].as.ref.target &&
            !hit(s, alts->as.list.items[i].as.ref.target))
            alt = alts->as.list.items[i].as.ref.target;
    if (alt)
        best = sooner(best, timed_by(sup, "switch_time", BCP_SIM_PATH_ALTERNATE_SUPPLIER, alt));
    int64_t t;
    if (bcp_entity_duration(sup, "sla", &t))
        best = sooner(best, at(BCP_SIM_PATH_SUPPLIER_SLA, NULL, t));
    if (!alt && bcp_entity_duration(sup, "switch_time", &t))
        best = sooner(best, at(BCP_SIM_PATH_SUPPLIER_RECOVERS, NULL, t));
    int64_t stock;
    if (best.kind == T_TIMED && bcp_entity_duration(sup, "stock", &stock) && stock > 0) {
        if (stock >= best.t)
            best = at(BCP_SIM_PATH_STOCK, best.via, 0);
        else
            best.t -= stock;
    }
    return best;
}

static when asset_back(const sim *s, const bcp_entity *asset)
{
    int64_t qty;
    if (bcp_entity_integer(asset, "quantity", &qty) && qty > 1)
        return at(BCP_SIM_PATH_SPARE_ASSET, NULL, 0);
    const bcp_entity *alt = bcp_entity_ref(asset, "alternate");
    if (!alt || hit(s, alt))
        return (when){T_NONE};
    if (alt->kind == BCP_KIND_RESOURCE)
        return timed_by(alt, "lead_time", BCP_SIM_PATH_ALTERNATE_ASSET, alt);
    if (alt->kind == BCP_KIND_SUPPLIER)
        return timed_by(alt, "switch_time", BCP_SIM_PATH_ALTERNATE_ASSET, alt);
    return at(BCP_SIM_PATH_ALTERNATE_ASSET, alt, 0);
}

static when workaround(const bcp_entity *fn)
{
    const bcp_value *fb = bcp_entity_value(fn, "fallback");
    if (has_text(fn, "manual_workaround") || (fb && fb->kind == BCP_V_STRING && has_text(fn, "fallback")))
        return untimed(BCP_SIM_PATH_WORKAROUND, NULL);
    return (when){T_NONE};
}

/* One of the `sites` of `e` that the loss does not reach, or NULL. */
static const bcp_entity *unhit_site(const sim *s, const bcp_entity *e)
{
    const bcp_value *v = bcp_entity_value(e, "sites");
    for (size_t i = 0; v && v->kind == BCP_V_LIST && i < v->as.list.count; i++) {
        const bcp_entity *site = v->as.list.items[i].kind == BCP_V_REF ? v->as.list.items[i].as.ref.target : NULL;
        if (site && !hit(s, site))
            return site;
    }
    return NULL;
}

static when lost_back(sim *s, const bcp_entity *e)
{
    switch (e->kind) {
    case BCP_KIND_SITE: return site_back(s, e);
    case BCP_KIND_SYSTEM: return system_back(s, e);
    case BCP_KIND_SUPPLIER: return supplier_back(s, e);
    case BCP_KIND_ASSET: return asset_back(s, e);
    case BCP_KIND_CONTACT: {
        const bcp_entity *sub = bcp_entity_ref(e, "substitute");
        return sub && !hit(s, sub) ? at(BCP_SIM_PATH_SUBSTITUTE, sub, 0) : (when){T_NONE};
    }
    case BCP_KIND_FUNCTION: {
        int64_t rto;
        if (bcp_entity_duration(e, "rto", &rto))
            return at(BCP_SIM_PATH_FUNCTION_RTO, NULL, rto);
        return workaround(e);
    }
    default:
        return (when){T_NONE};
    }
}

/* ------------------------------------------------ the time each is back */

/* The roles of a function's dependencies, in the order they are weighed. */
static const char *const roles[] = {"needs", "sites", "key_people", "owner"};
enum { ROLE_SITES = 1, ROLE_OWNER = 3, ROLE_COUNT = 4 };

/* A node whose time is being computed.  The walk down a chain of needed
 * functions keeps these on a stack of its own, not the C stack: a node is
 * on it at most once (it is "computing" meanwhile), so the stack holds at
 * most every node the loss reaches, and a chain is followed to its end
 * however long the plan makes it. */
struct frame {
    size_t node;                /* index in sim.nodes */
    bool outer_cycle;           /* sim.cycle when the node was entered */
    when worst;                 /* a function: the latest of its dependencies so far */
    unsigned role;              /* a function: the role walked (ROLE_COUNT: all done) */
    size_t item;                /* ... and the next item of its list */
    const bcp_entity *waiting;  /* the dependency whose time the frame awaits, or NULL */
};

/* The next dependency of function `fn` that the loss reaches, from the
 * frame's place on (which moves past it), or NULL when none is left;
 * f->role is then its role. */
static const bcp_entity *next_dependency(const sim *s, frame *f, const bcp_entity *fn)
{
    while (f->role < ROLE_COUNT) {
        const bcp_entity *dep = NULL;
        bool more = false;
        if (f->role == ROLE_OWNER) {
            more = f->item == 0;
            dep = more ? bcp_entity_ref(fn, "owner") : NULL;
        } else if (!(f->role == ROLE_SITES && bcp_entity_bool(fn, "remote_capable", false))) {
            const bcp_value *v = bcp_entity_value(fn, roles[f->role]);
            more = v && v->kind == BCP_V_LIST && f->item < v->as.list.count;
            if (more && v->as.list.items[f->item].kind == BCP_V_REF)
                dep = v->as.list.items[f->item].as.ref.target;
        }
        if (!more) {
            f->role++;
            f->item = 0;
            continue;
        }
        f->item++;
        if (dep && hit(s, dep))
            return dep;
    }
    return NULL;
}

/* When function `fn` gets `dep` back, in `role`, given the time `w` that
 * `dep` itself is back. */
static when as_dependency(const sim *s, const bcp_entity *fn, const bcp_entity *dep, unsigned role, when w)
{
    if (dep->kind == BCP_KIND_FUNCTION && w.kind != T_IGNORE) {
        w.path = BCP_SIM_PATH_UPSTREAM;
        w.via = dep;
    }
    if (role == ROLE_OWNER && (w.kind != T_TIMED || w.t > 0)) {
        const bcp_entity *deputy = bcp_entity_ref(fn, "deputy");
        if (deputy && !hit(s, deputy))
            w = at(BCP_SIM_PATH_DEPUTY, deputy, 0);
    }
    return w;
}

/* A function is back when the last of what it needs is back. */
static void weigh(node *n, frame *f, const bcp_entity *dep, when w)
{
    if (!n->dep || later(f->worst, w)) {
        f->worst = w;
        n->dep = dep;
    }
}

static void enter(sim *s, node *n)
{
    frame *f = &s->frames[s->depth++];
    *f = (frame){.node = (size_t)(n - s->nodes), .outer_cycle = s->cycle, .worst = {T_IGNORE}};
    n->state = 1;
    if (n->cause && n->e->kind == BCP_KIND_FUNCTION)
        n->dep = NULL;
    s->evaluations++;
    s->cycle = false;
}

/* The time of node `c`, when it is known (true, in *w): computed, or in
 * progress (a dependency cycle, which adds nothing); else `c` is entered
 * on the stack (false). */
static bool ask(sim *s, node *c, when *w)
{
    if (c->state == 2) {
        *w = c->back;
        return true;
    }
    if (c->state == 1) {
        s->cycle = true;
        *w = (when){T_IGNORE};
        return true;
    }
    enter(s, c);
    return false;
}

/* The node on top is done, back at `w`. */
static void leave(sim *s, when w)
{
    frame *f = &s->frames[--s->depth];
    node *n = &s->nodes[f->node];
    n->back = w;
    /* A value computed inside a dependency cycle left out the member in
     * progress: computed again when asked for itself (within a budget). */
    n->state = s->cycle && s->evaluations < 16 * s->count ? 0 : 2;
    s->cycle = s->cycle || f->outer_cycle;
}

/* One step of the function on top: weighs its dependencies in turn until
 * one must be computed first (false: it is entered) or all are weighed
 * (true, its time in *w). */
static bool function_step(sim *s, frame *f, when *w)
{
    node *n = &s->nodes[f->node];
    const bcp_entity *fn = n->e, *dep;
    while ((dep = next_dependency(s, f, fn)) != NULL) {
        /* Another of its sites not hit: the work goes on there. */
        const bcp_entity *other = f->role == ROLE_SITES ? unhit_site(s, fn) : NULL;
        when got;
        if (other) {
            weigh(n, f, dep, at(BCP_SIM_PATH_OTHER_SITE, other, 0));
            continue;
        }
        f->waiting = dep;
        if (!ask(s, find(s, dep), &got))
            return false;
        f->waiting = NULL;
        weigh(n, f, dep, as_dependency(s, fn, dep, f->role, got));
    }
    *w = f->worst;
    if (w->kind == T_IGNORE)
        *w = at(BCP_SIM_PATH_NONE, NULL, 0);
    if (w->kind == T_NONE)
        *w = workaround(fn);
    return true;
}

/* When node `start` is back: a lost entity by its own way back, a function
 * when the last of what it needs is, a system or asset stopped by what it
 * runs on by its own way back, else when that is.  Memoised; iterative. */
static when node_back(sim *s, node *start)
{
    when w;
    if (ask(s, start, &w))
        return w;
    while (s->depth) {
        frame *f = &s->frames[s->depth - 1];
        node *n = &s->nodes[f->node];
        if (f->waiting) {
            /* The dependency it waited for is done: its time is `w`. */
            const bcp_entity *dep = f->waiting;
            f->waiting = NULL;
            if (n->e->kind == BCP_KIND_FUNCTION) {
                weigh(n, f, dep, as_dependency(s, n->e, dep, f->role, w));
                if (!function_step(s, f, &w))
                    continue;
            }
        } else if (!n->cause) {
            w = lost_back(s, n->e);
        } else if (n->e->kind == BCP_KIND_FUNCTION) {
            if (!function_step(s, f, &w))
                continue;
        } else {
            /* A system or asset stopped by what it runs on: its own way
             * back, else back when that is. */
            const bcp_entity *other = n->cause->kind == BCP_KIND_SITE ? unhit_site(s, n->e) : NULL;
            w = other ? at(BCP_SIM_PATH_OTHER_SITE, other, 0) : lost_back(s, n->e);
            node *c = w.kind == T_NONE ? find(s, n->cause) : NULL;
            if (c) {
                f->waiting = n->cause;
                if (!ask(s, c, &w))
                    continue;
                f->waiting = NULL;
            }
        }
        leave(s, w);
    }
    return w;
}

/* ------------------------------------------------------- the result */

static int64_t priority(const bcp_entity *fn)
{
    int64_t p;
    return bcp_entity_integer(fn, "priority", &p) ? p : 1;
}

static int by_priority(const void *a, const void *b)
{
    const bcp_sim_function *x = a, *y = b;
    int64_t px = priority(x->function), py = priority(y->function);
    if (px != py)
        return px < py ? -1 : 1;
    return x->function->ordinal < y->function->ordinal ? -1 : x->function->ordinal > y->function->ordinal;
}

/* The next link of a chain: a function's deciding dependency, else the cause. */
static const bcp_entity *next_link(const sim *s, const bcp_entity *e)
{
    node *n = find(s, e);
    if (!n || !n->cause)
        return NULL;
    return n->e->kind == BCP_KIND_FUNCTION && n->dep ? n->dep : n->cause;
}

/* The chain up to the next function of the result (which has its own
 * chain) or the lost entity: every affected function's links once, so the
 * result is linear in the affected graph, not quadratic in a long chain of
 * needed functions; the whole way back is the chains followed in turn. */
static void fill_chain(const sim *s, bcp_sim_function *f)
{
    size_t cap = 0, count = 0;
    const bcp_entity **chain = NULL;
    for (const bcp_entity *e = f->function; e && count <= s->count; e = next_link(s, e)) {
        chain = bcp_grow(chain, &cap, count, sizeof *chain);
        chain[count++] = e;
        if (count > 1 && e->kind == BCP_KIND_FUNCTION && !e->from_stdlib)
            break;
    }
    f->chain = chain;
    f->chain_length = count;
}

bcp_sim_result *bcp_simulate_loss(const bcp_model *m, const bcp_entity *const *lost, size_t lost_count,
                                  int64_t duration)
{
    sim s = {.m = m};
    bcp_sim_result *r = bcp_calloc(1, sizeof *r);
    r->lost = bcp_calloc(lost_count ? lost_count : 1, sizeof *r->lost);
    for (size_t i = 0; i < lost_count; i++)
        if (lost[i] && add(&s, lost[i], NULL))
            r->lost[r->lost_count++] = lost[i];
    spread(&s);
    s.frames = bcp_calloc(s.count, sizeof *s.frames);
    size_t cap = 0;
    for (size_t i = 0; i < s.count; i++) {
        if (s.nodes[i].e->kind != BCP_KIND_FUNCTION || s.nodes[i].e->from_stdlib)
            continue;
        s.cycle = false;
        when w = node_back(&s, &s.nodes[i]);
        const bcp_entity *fn = s.nodes[i].e;
        r->functions = bcp_grow(r->functions, &cap, r->function_count, sizeof *r->functions);
        bcp_sim_function *f = &r->functions[r->function_count++];
        memset(f, 0, sizeof *f);
        f->function = fn;
        f->dependency = s.nodes[i].cause ? s.nodes[i].dep : NULL;
        f->path = w.path;
        f->via = w.via;
        f->timed = w.kind == T_TIMED;
        f->recovery = f->timed ? w.t : 0;
        if (duration > 0 && (!f->timed || f->recovery > duration)) {
            f->timed = true;
            f->recovery = duration;
            f->loss_ends = true;
        }
        f->has_rto = bcp_entity_duration(fn, "rto", &f->rto);
        f->has_mtpd = bcp_entity_duration(fn, "mtpd", &f->mtpd);
        if (!f->timed)
            f->verdict = w.kind == T_UNTIMED ? BCP_SIM_TIME_UNKNOWN : BCP_SIM_NO_PATH;
        else if (f->has_mtpd && f->recovery > f->mtpd)
            f->verdict = BCP_SIM_MTPD_BREACHED;
        else if (f->has_rto && f->recovery > f->rto)
            f->verdict = BCP_SIM_RTO_MISSED;
        else
            f->verdict = BCP_SIM_WITHIN_RTO;
        fill_chain(&s, f);
    }
    if (r->function_count > 1)
        qsort(r->functions, r->function_count, sizeof *r->functions, by_priority);
    bcp_free(s.frames);
    bcp_free(s.nodes);
    bcp_free(s.slots);
    return r;
}

bcp_sim_result *bcp_simulate_scenario(const bcp_model *m, const bcp_entity *scenario, int64_t duration)
{
    const bcp_value *v = bcp_entity_value(scenario, "loses");
    if (!v || v->kind != BCP_V_LIST || !v->as.list.count)
        return NULL;
    const bcp_entity **lost = bcp_calloc(v->as.list.count, sizeof *lost);
    size_t n = 0;
    for (size_t i = 0; i < v->as.list.count; i++)
        if (v->as.list.items[i].kind == BCP_V_REF && v->as.list.items[i].as.ref.target)
            lost[n++] = v->as.list.items[i].as.ref.target;
    bcp_sim_result *r = n ? bcp_simulate_loss(m, lost, n, duration) : NULL;
    bcp_free(lost);
    return r;
}

void bcp_sim_result_free(bcp_sim_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->function_count; i++)
        bcp_free(r->functions[i].chain);
    bcp_free(r->functions);
    bcp_free(r->lost);
    bcp_free(r);
}

bool bcp_sim_breaches_mtpd(const bcp_sim_result *r, const bcp_entity **function)
{
    for (size_t i = 0; r && i < r->function_count; i++) {
        const bcp_sim_function *f = &r->functions[i];
        if (f->verdict == BCP_SIM_MTPD_BREACHED || (f->verdict == BCP_SIM_NO_PATH && f->has_mtpd)) {
            if (function)
                *function = f->function;
            return true;
        }
    }
    return false;
}

static int by_ordinal(const void *a, const void *b)
{
    const bcp_entity *x = *(const bcp_entity *const *)a, *y = *(const bcp_entity *const *)b;
    return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

static void push(const bcp_entity ***items, size_t *count, size_t *cap, const bcp_entity *e)
{
    *items = bcp_grow(*items, cap, *count, sizeof **items);
    (*items)[(*count)++] = e;
}

static void push_contact(const bcp_entity ***people, size_t *count, size_t *cap, const bcp_entity *e)
{
    if (e && e->kind == BCP_KIND_CONTACT && !e->from_stdlib)
        push(people, count, cap, e);
}

const bcp_entity **bcp_sim_single_candidates(const bcp_model *m, size_t *count)
{
    const bcp_entity **items = NULL, **people = NULL;
    size_t n = 0, cap = 0, pn = 0, pcap = 0;
    static const bcp_kind kinds[] = {BCP_KIND_SITE, BCP_KIND_SYSTEM, BCP_KIND_SUPPLIER};
    for (size_t k = 0; k < 3; k++) {
        const bcp_entity_list *l = bcp_model_entities(m, kinds[k]);
        for (size_t i = 0; l && i < l->count; i++)
            if (!l->items[i]->from_stdlib)
                push(&items, &n, &cap, l->items[i]);
    }
    const bcp_entity_list *fns = bcp_model_entities(m, BCP_KIND_FUNCTION);
    for (size_t i = 0; fns && i < fns->count; i++) {
        const bcp_entity *fn = fns->items[i];
        if (fn->from_stdlib)
            continue;
        push_contact(&people, &pn, &pcap, bcp_entity_ref(fn, "owner"));
        static const char *const lists[] = {"key_people", "needs"};
        for (size_t k = 0; k < 2; k++) {
            const bcp_value *v = bcp_entity_value(fn, lists[k]);
            for (size_t j = 0; v && v->kind == BCP_V_LIST && j < v->as.list.count; j++)
                if (v->as.list.items[j].kind == BCP_V_REF)
                    push_contact(&people, &pn, &pcap, v->as.list.items[j].as.ref.target);
        }
    }
    if (pn > 1)
        qsort(people, pn, sizeof *people, by_ordinal);
    for (size_t i = 0; i < pn; i++)
        if (i == 0 || people[i] != people[i - 1])
            push(&items, &n, &cap, people[i]);
    bcp_free(people);
    *count = n;
    return items;
}
