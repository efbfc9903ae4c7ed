/* bcp_init_plan: a starter plan from an industry preset.  The plan text
 * itself is stdlib prose (`text starter_plan`, `text INDUSTRY_starter`, `text
 * starter_site` in stdlib/locale/LANG/), so that presets and languages are
 * added as stdlib files; this only fills in {{placeholders}}, completes the
 * industry baseline, formats the result and checks that it builds. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "fmt/format.h"
#include "model/derive.h"
#include "model/model.h"
#include "model/modules.h"
#include "render/render.h"
#include "tools.h"

typedef struct init_options {
    bcp_model_options model;
    const char *industry, *size, *sites, *lang;
} init_options;

typedef struct site_arg {
    char *id;
    char *name;   /* escaped for a .bcp string */
    const bcp_entity *region;   /* of the stdlib model, NULL when the name is no known place */
} site_arg;

static char *bcp_string_escape(const char *s, size_t n)
{
    bcp_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\\')
            bcp_buf_put(&b, "\\", 1);
        bcp_buf_put(&b, &s[i], 1);
    }
    return bcp_buf_take(&b);
}

/* "Shanghai Plant" -> shanghai_plant; non-ASCII names get site1, site2, ... */
static char *site_id(const char *name, size_t n, size_t index)
{
    bcp_buf b = {0};
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)name[i] >= 0x80)
            ascii = false;
    if (ascii) {
        for (size_t i = 0; i < n; i++) {
            char c = name[i];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                bcp_buf_put(&b, &c, 1);
            else if (b.len && b.data[b.len - 1] != '_')
                bcp_buf_put(&b, "_", 1);
        }
        while (b.len && b.data[b.len - 1] == '_')
            b.data[--b.len] = '\0';
    }
    if (!b.len || (b.data[0] >= '0' && b.data[0] <= '9')) {
        bcp_buf_free(&b);
        bcp_buf_printf(&b, "site%zu", index + 1);
    }
    return bcp_buf_take(&b);
}

/* A site named after a place (`--sites Tokyo,上海`) gets that region and the
 * region's id; a name that is no known place is kept, with a warning that
 * suggests the nearest place. */
static void resolve_region(bcp_model *lib, const char *name, size_t n, site_arg *site, bcp_diagnostics *problems)
{
    site->region = bcp_region_find(lib, name, n);
    if (site->region)
        return;
    char *plain = bcp_strndup(name, n);
    const bcp_entity *near = bcp_region_suggest(lib, plain);
    if (near)
        bcp_diagnostics_add_message(problems, BCP_SEV_WARNING,
                                    "`%s` is not a place bcp knows (did you mean `%s`?): site `%s` is written without "
                                    "a `region`, so no regional hazards are proposed for it (docs/regions.md lists the places)",
                                    plain, bcp_entity_label(near), site->id);
    else
        bcp_diagnostics_add_message(problems, BCP_SEV_WARNING,
                                    "`%s` is not a place bcp knows: site `%s` is written without a `region`, so no "
                                    "regional hazards are proposed for it (docs/regions.md lists the places)",
                                    plain, site->id);
    bcp_free(plain);
}

static size_t parse_sites(const char *arg, bcp_model *lib, bcp_diagnostics *problems, site_arg **out)
{
    size_t count = 0, cap = 0;
    site_arg *sites = NULL;
    const char *p = arg;
    while (p && *p) {
        const char *start = p;
        while (*p && *p != ',')
            p++;
        const char *end = p;
        while (start < end && *start == ' ')
            start++;
        while (end > start && end[-1] == ' ')
            end--;
        if (end > start) {
            sites = bcp_grow(sites, &cap, count, sizeof *sites);
            sites[count].name = bcp_string_escape(start, (size_t)(end - start));
            sites[count].region = bcp_region_find(lib, start, (size_t)(end - start));
            sites[count].id = sites[count].region ? bcp_strdup(sites[count].region->id)
                                                  : site_id(start, (size_t)(end - start), count);
            /* two names that map to one id: number the later one */
            for (size_t j = 0; j < count; j++) {
                if (strcmp(sites[j].id, sites[count].id) == 0) {
                    bcp_free(sites[count].id);
                    bcp_buf b = {0};
                    bcp_buf_printf(&b, "site%zu", count + 1);
                    sites[count].id = bcp_buf_take(&b);
                    break;
                }
            }
            resolve_region(lib, start, (size_t)(end - start), &sites[count], problems);
            count++;
        }
        if (*p == ',')
            p++;
    }
    *out = sites;
    return count;
}

static void free_sites(site_arg *sites, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bcp_free(sites[i].id);
        bcp_free(sites[i].name);
    }
    bcp_free(sites);
}

typedef struct subst {
    const char *key;
    const char *value;
} subst;

static void fill(bcp_buf *out, const char *tmpl, const subst *s, size_t n)
{
    for (const char *p = tmpl; *p; p++) {
        if (p[0] == '{' && p[1] == '{') {
            const char *end = strstr(p + 2, "}}");
            bool done = false;
            for (size_t i = 0; end && i < n; i++) {
                size_t kl = strlen(s[i].key);
                if ((size_t)(end - p - 2) == kl && strncmp(p + 2, s[i].key, kl) == 0) {
                    bcp_buf_puts(out, s[i].value);
                    p = end + 1;
                    done = true;
                    break;
                }
            }
            if (done)
                continue;
        }
        bcp_buf_put(out, p, 1);
    }
}

static bool has_module(const char *stdlib_dir, const char *name)
{
    bcp_stdlib_match *files;
    size_t n = bcp_stdlib_module(stdlib_dir, name, &files);
    bcp_stdlib_matches_free(files, n);
    return n > 0;
}

/* A threat's prose in the plan language, else in English (every locale
 * falls back to it), else NULL. */
static const char *threat_text(bcp_model *lib, const bcp_entity *threat, const char *name, const char *lang)
{
    const char *t = bcp_model_text(lib, threat, name, lang);
    return t ? t : bcp_model_text(lib, threat, name, "en");
}

/* A .bcp string literal's content on one line. */
static char *one_line_escape(const char *s)
{
    char *e = bcp_string_escape(s, strlen(s));
    for (char *p = e; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    return e;
}

typedef struct insertion {
    size_t at;
    char *text;
} insertion;

static int compare_insertions(const void *a, const void *b)
{
    size_t x = ((const insertion *)a)->at, y = ((const insertion *)b)->at;
    return x < y ? -1 : x > y;
}

static bool risk_assesses(const bcp_entity_list *risks, const char *threat_id)
{
    for (size_t i = 0; i < risks->count; i++) {
        const bcp_value *v = bcp_entity_value(risks->items[i], "threat");
        if (v && v->kind == BCP_V_IDENT && strcmp(v->as.ident.name, threat_id) == 0)
            return true;
    }
    return false;
}

/* The threat catalogue completes the preset: a baseline risk the starter
 * gives no strategy gets the threat's usual treatment (`threat.strategy`),
 * and a baseline threat the starter has no risk for gets one from `text
 * starter_baseline_risk`, so that a fresh plan assesses the whole baseline. */
/* The level word of a hazard rating (3 high, 2 medium, 1 low) in the plan language. */
static const char *level_word(bcp_render_ctx *ctx, int level)
{
    return bcp_rt_title(ctx, level >= 3 ? "hazard_level_high" : level == 2 ? "hazard_level_medium" : "hazard_level_low");
}

/* The regional hazards: every threat a site's region rates high or medium
 * that no risk assesses at that site yet gets a proposed risk for the sites
 * concerned (`text starter_regional_risk`), citing the rating and its source. */
static void propose_regional(bcp_render_ctx *ctx, bcp_model *lib, const init_options *o, const subst *common,
                             size_t ncommon, bcp_model *m, const char *const *added, size_t nadded,
                             const site_arg *sites, size_t site_count, bcp_buf *done)
{
    const bcp_entity_list *threats = bcp_model_entities(lib, BCP_KIND_THREAT);
    const bcp_entity_list *risks = bcp_model_entities(m, BCP_KIND_RISK);
    for (size_t t = 0; t < threats->count; t++) {
        const bcp_entity *threat = threats->items[t];
        bool in_baseline = false;
        for (size_t k = 0; k < nadded && !in_baseline; k++)
            in_baseline = strcmp(added[k], threat->id) == 0;
        if (in_baseline)
            continue;
        const bcp_entity *m_threat = bcp_model_find(m, BCP_KIND_THREAT, threat->id);
        bcp_buf refs = {0}, places = {0}, sources = {0};
        int best = 0;
        size_t n = 0;
        for (size_t i = 0; i < site_count; i++) {
            const bcp_entity *rated_by;
            int level = bcp_region_hazard_level(sites[i].region, threat, &rated_by);
            if (level < 2)
                continue;
            const bcp_entity *m_site = bcp_model_find(m, BCP_KIND_SITE, sites[i].id);
            bool assessed = false;
            for (size_t r = 0; r < risks->count && !assessed; r++)
                assessed = !risks->items[r]->from_stdlib && bcp_risk_assesses_at(risks->items[r], m_threat, m_site);
            if (assessed)
                continue;
            bcp_buf_printf(&refs, "%ssite.%s", n ? ", " : "", sites[i].id);
            const char *place = bcp_model_text(lib, sites[i].region, "title", o->lang);
            bcp_buf_printf(&places, "%s%s%s%s", n ? bcp_rt_title(ctx, "list_separator") : "",
                           place ? place : sites[i].region->id, bcp_rt_title(ctx, "colon"), level_word(ctx, level));
            const char *source = bcp_region_hazard_source(rated_by, threat);
            if (source && !(sources.data && strstr(sources.data, source)))
                bcp_buf_printf(&sources, "%s%s", sources.len ? "; " : "", source);
            if (level > best)
                best = level;
            n++;
        }
        if (n) {
            char id[200];
            snprintf(id, sizeof id, "%s%s", threat->id, bcp_model_find(m, BCP_KIND_RISK, threat->id) ? "_regional" : "");
            bcp_buf site_refs = {0};
            bcp_buf_printf(&site_refs, "[%s]", refs.data);
            const char *title = threat_text(lib, threat, "title", o->lang);
            const char *strategy = threat_text(lib, threat, "strategy", o->lang);
            const bcp_value *cat = bcp_entity_value(threat, "category");
            char *title_esc = one_line_escape(title ? title : threat->id);
            char *strategy_esc = one_line_escape(strategy ? strategy : bcp_rt_title(ctx, "starter_strategy_placeholder"));
            char *places_line = one_line_escape(places.data);
            char *sources_line = one_line_escape(sources.data ? sources.data : "");
            subst sub[20];
            size_t k = 0;
            for (size_t c = 0; c < ncommon && k < 10; c++)
                sub[k++] = common[c];
            sub[k++] = (subst){"id", id};
            sub[k++] = (subst){"threat", threat->id};
            sub[k++] = (subst){"title", title_esc};
            sub[k++] = (subst){"category", cat && cat->kind == BCP_V_IDENT ? cat->as.ident.name : "natural"};
            sub[k++] = (subst){"strategy", strategy_esc};
            sub[k++] = (subst){"sites", site_refs.data};
            sub[k++] = (subst){"likelihood", best >= 3 ? "high" : "medium"};
            sub[k++] = (subst){"places", places_line};
            sub[k++] = (subst){"source", sources_line};
            bcp_buf_puts(done, "\n");
            fill(done, bcp_rt_body(ctx, "starter_regional_risk"), sub, k);
            if (done->len && done->data[done->len - 1] != '\n')
                bcp_buf_puts(done, "\n");
            bcp_free(title_esc);
            bcp_free(strategy_esc);
            bcp_free(places_line);
            bcp_free(sources_line);
            bcp_buf_free(&site_refs);
        }
        bcp_buf_free(&refs);
        bcp_buf_free(&places);
        bcp_buf_free(&sources);
    }
}

static void complete_baseline(bcp_render_ctx *ctx, bcp_model *lib, const init_options *o,
                              const subst *common, size_t ncommon, const site_arg *sites, size_t site_count,
                              bcp_buf *out)
{
    bcp_model *m = bcp_model_load_text("<init>", out->data, out->len, &o->model);
    if (bcp_diag_count(bcp_model_diags(m), BCP_SEV_ERROR)) {
        bcp_model_free(m); /* the check after this reports it */
        return;
    }
    const bcp_entity_list *risks = bcp_model_entities(m, BCP_KIND_RISK);
    insertion *ins = bcp_calloc(risks->count + site_count + 1, sizeof *ins);
    size_t nins = 0;
    /* each site named after a place says so */
    for (size_t i = 0; i < site_count; i++) {
        const bcp_entity *site = bcp_model_find(m, BCP_KIND_SITE, sites[i].id);
        size_t close = site && site->span.end_byte ? site->span.end_byte - 1 : 0;
        if (!sites[i].region || !site || site->from_stdlib || bcp_entity_attr(site, "region") || close >= out->len ||
            out->data[close] != '}')
            continue;
        bcp_buf line = {0};
        bcp_buf_printf(&line, "  region = %s\n", sites[i].region->id);
        ins[nins].at = close;
        ins[nins++].text = bcp_buf_take(&line);
    }
    for (size_t i = 0; i < risks->count; i++) {
        const bcp_entity *r = risks->items[i];
        const bcp_entity *threat = bcp_entity_ref(r, "threat");
        size_t close = r->span.end_byte ? r->span.end_byte - 1 : 0;
        if (r->from_stdlib || !threat || bcp_entity_attr(r, "strategy") || close >= out->len ||
            out->data[close] != '}')
            continue;
        const char *strategy = threat_text(lib, threat, "strategy", o->lang);
        if (!strategy)
            continue;
        char *escaped = one_line_escape(strategy);
        bcp_buf line = {0};
        bcp_buf_printf(&line, "  strategy = \"%s\"\n", escaped);
        bcp_free(escaped);
        ins[nins].at = close;
        ins[nins++].text = bcp_buf_take(&line);
    }
    qsort(ins, nins, sizeof *ins, compare_insertions);
    bcp_buf done = {0};
    size_t from = 0;
    for (size_t i = 0; i < nins; i++) {
        bcp_buf_put(&done, out->data + from, ins[i].at - from);
        bcp_buf_puts(&done, ins[i].text);
        from = ins[i].at;
        bcp_free(ins[i].text);
    }
    bcp_free(ins);
    bcp_buf_put(&done, out->data + from, out->len - from);

    const bcp_entity *industry = bcp_model_find(lib, BCP_KIND_INDUSTRY, o->industry);
    const bcp_value *baseline = industry ? bcp_entity_value(industry, "baseline") : NULL;
    size_t nadded = 0;
    const char **added = bcp_calloc(baseline && baseline->kind == BCP_V_LIST ? baseline->as.list.count + 1 : 1,
                                    sizeof *added);
    for (size_t i = 0; baseline && baseline->kind == BCP_V_LIST && i < baseline->as.list.count; i++) {
        const bcp_value *t = &baseline->as.list.items[i];
        const bcp_entity *threat = t->kind == BCP_V_IDENT ? t->as.ident.target : NULL;
        if (!threat || risk_assesses(risks, threat->id))
            continue;
        added[nadded++] = threat->id; /* for every site */
        char id[200];
        snprintf(id, sizeof id, "%s%s", threat->id, bcp_model_find(m, BCP_KIND_RISK, threat->id) ? "_baseline" : "");
        const char *title = threat_text(lib, threat, "title", o->lang);
        const char *strategy = threat_text(lib, threat, "strategy", o->lang);
        const bcp_value *cat = bcp_entity_value(threat, "category");
        char *title_esc = one_line_escape(title ? title : threat->id);
        char *strategy_esc = one_line_escape(strategy ? strategy : bcp_rt_title(ctx, "starter_strategy_placeholder"));
        subst s[16];
        size_t n = 0;
        for (size_t k = 0; k < ncommon && n < 10; k++)
            s[n++] = common[k];
        s[n++] = (subst){"id", id};
        s[n++] = (subst){"threat", threat->id};
        s[n++] = (subst){"title", title_esc};
        s[n++] = (subst){"category", cat && cat->kind == BCP_V_IDENT ? cat->as.ident.name : "operational"};
        s[n++] = (subst){"strategy", strategy_esc};
        bcp_buf_puts(&done, "\n");
        fill(&done, bcp_rt_body(ctx, "starter_baseline_risk"), s, n);
        if (done.len && done.data[done.len - 1] != '\n')
            bcp_buf_puts(&done, "\n");
        bcp_free(title_esc);
        bcp_free(strategy_esc);
    }
    propose_regional(ctx, lib, o, common, ncommon, m, added, nadded, sites, site_count, &done);
    bcp_free(added);
    bcp_model_free(m);
    bcp_buf_free(out);
    *out = done;
}

/* The starter in the canonical layout, so that `bcp fmt` leaves a fresh plan
 * alone; unchanged if it cannot be formatted (the check then reports why). */
static void format_starter(bcp_buf *out)
{
    bcp_source *src = bcp_source_from_memory("<init>", out->data, out->len, true);
    bcp_diag_list diags = {0};
    size_t len = 0;
    char *formatted = bcp_format_source(src, &diags, &len);
    const char *why = NULL;
    if (formatted && bcp_format_verify("<init>", src->text, src->length, formatted, len, &why)) {
        bcp_buf_free(out);
        bcp_buf_put(out, formatted, len);
    }
    bcp_free(formatted);
    bcp_diag_list_free(&diags);
    bcp_source_free(src);
}

/* The regimes the sites' regions propose for the industry (`regimes` and
 * `regimes_<industry>` of each place and its country), in order, once each. */
static void proposed_regimes(const site_arg *sites, size_t site_count, const char *industry, bcp_buf *out)
{
    char industry_attr[128];
    snprintf(industry_attr, sizeof industry_attr, "regimes_%s", industry);
    const char *attrs[2] = {"regimes", industry_attr};
    for (size_t i = 0; i < site_count; i++) {
        const bcp_entity *r = sites[i].region;
        for (int depth = 0; r && depth < BCP_REGION_DEPTH; depth++) {
            for (int a = 1; a >= 0; a--) {
                const bcp_value *v = bcp_entity_value(r, attrs[a]);
                for (size_t k = 0; v && v->kind == BCP_V_LIST && k < v->as.list.count; k++) {
                    const bcp_value *it = &v->as.list.items[k];
                    if (it->kind != BCP_V_STRING)
                        continue;
                    bool seen = false;
                    for (const char *p = out->data; p && !seen && (p = strstr(p, it->as.string.text)); p++) {
                        size_t n = strlen(it->as.string.text);
                        seen = (p == out->data || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0');
                    }
                    if (!seen)
                        bcp_buf_printf(out, "%s%s", out->len ? ", " : "", it->as.string.text);
                }
            }
            const bcp_entity *parent = bcp_entity_ref(r, "parent");
            r = parent && parent->kind == BCP_KIND_REGION && parent != r ? parent : NULL;
        }
    }
}

static bool catalogue_has(bcp_model *m, bcp_kind kind, const char *id, const char *what, bcp_diagnostics *problems)
{
    if (bcp_model_find(m, kind, id))
        return true;
    bcp_buf choices = {0};
    const bcp_entity_list *l = bcp_model_entities(m, kind);
    for (size_t i = 0; i < l->count; i++)
        bcp_buf_printf(&choices, " %s", l->items[i]->id);
    bcp_diagnostics_add_message(problems, BCP_SEV_ERROR, "unknown %s `%s` (choose one of:%s)", what, id,
                                choices.data ? choices.data : "");
    bcp_buf_free(&choices);
    return false;
}

/* The starter text into *out; BCP_OK, or what went wrong in `problems`. */
static bcp_status starter(const init_options *opts, const char *path, bcp_buf *out_text, bcp_diagnostics *problems)
{
    init_options o = *opts;
    bcp_status status = BCP_OK;

    /* The stdlib with every locale and the industry preset: the source of the starter text. */
    char industry_module[256];
    snprintf(industry_module, sizeof industry_module, "industry/%s", o.industry);
    bool preset = has_module(o.model.stdlib_dir, industry_module);
    char locale_module[128];
    snprintf(locale_module, sizeof locale_module, "locale/%s", o.lang);
    const char *modules[3] = {"locale/en", locale_module, industry_module};
    size_t module_count = strcmp(o.lang, "en") == 0 ? 1 : 2;
    if (!has_module(o.model.stdlib_dir, locale_module)) {
        bcp_diagnostics_add_message(problems, BCP_SEV_ERROR, "no locale `%s` in the stdlib", o.lang);
        return BCP_ERR_NOT_FOUND;
    }
    if (preset)
        modules[module_count++] = industry_module;
    bcp_model_options mo = o.model;
    mo.extra_modules = modules;
    mo.extra_module_count = module_count;
    bcp_model *lib = bcp_model_load_text("<init>", "", 0, &mo);
    if (!catalogue_has(lib, BCP_KIND_INDUSTRY, o.industry, "industry", problems) ||
        !catalogue_has(lib, BCP_KIND_SIZE, o.size, "size", problems)) {
        bcp_model_free(lib);
        return BCP_ERR_NOT_FOUND;
    }

    /* the plan block refers to an industry: prose lookups prefer its preset */
    bcp_render_ctx ctx;
    bcp_render_ctx_init(&ctx, lib, o.lang);
    ctx.industry = o.industry;

    site_arg *sites;
    size_t site_count = parse_sites(o.sites ? o.sites : "", lib, problems, &sites);
    bool placeholder_site = site_count == 0;
    if (placeholder_site) {
        bcp_free(sites);
        sites = bcp_calloc(1, sizeof *sites);
        sites[0].id = bcp_strdup("main");
        sites[0].name = bcp_strdup(bcp_rt_title(&ctx, "starter_site_placeholder"));
        site_count = 1;
    }
    bcp_buf refs = {0};
    bcp_buf_puts(&refs, "[");
    for (size_t i = 0; i < site_count; i++)
        bcp_buf_printf(&refs, "%ssite.%s", i ? ", " : "", sites[i].id);
    bcp_buf_puts(&refs, "]");
    char first[300], second[300];
    snprintf(first, sizeof first, "site.%s", sites[0].id);
    snprintf(second, sizeof second, "site.%s", sites[site_count > 1 ? 1 : 0].id);

    const subst common[] = {
        {"industry", o.industry}, {"size", o.size},       {"language", o.lang},
        {"site_refs", refs.data}, {"first_site", first},  {"second_site", second},
        {"first_site_name", sites[0].name},
    };
    const size_t ncommon = sizeof common / sizeof *common;

    bcp_buf out = {0};
    fill(&out, bcp_rt_body(&ctx, "starter_header"), common, ncommon);
    bcp_buf_puts(&out, "\n");
    bcp_buf regimes = {0};
    proposed_regimes(sites, site_count, o.industry, &regimes);
    if (regimes.len) {
        const subst r[] = {{"regimes", regimes.data}};
        fill(&out, bcp_rt_body(&ctx, "starter_regimes"), r, 1);
        if (out.data[out.len - 1] != '\n')
            bcp_buf_puts(&out, "\n");
    }
    bcp_buf_free(&regimes);
    if (preset)
        bcp_buf_printf(&out, "use \"std/%s\"\n\n", industry_module);
    fill(&out, bcp_rt_body(&ctx, "starter_plan"), common, ncommon);
    bcp_buf_puts(&out, "\n");
    for (size_t i = 0; i < site_count; i++) {
        const char *alt = site_count > 1 ? sites[(i + 1) % site_count].id : NULL;
        char alt_ref[300];
        snprintf(alt_ref, sizeof alt_ref, "site.%s", alt ? alt : "");
        const subst s[] = {
            {"id", sites[i].id},
            {"name", sites[i].name},
            {"alternate", alt ? alt_ref : ""},
        };
        fill(&out, bcp_rt_body(&ctx, alt ? "starter_site" : "starter_site_single"), s, 3);
        bcp_buf_puts(&out, "\n");
    }
    fill(&out, bcp_rt_body(&ctx, "starter"), common, ncommon);
    if (out.len && out.data[out.len - 1] != '\n')
        bcp_buf_puts(&out, "\n");
    complete_baseline(&ctx, lib, &o, common, ncommon, sites, site_count, &out);
    format_starter(&out);

    /* the starter must build: check it before it reaches the user */
    for (size_t i = 0; i < ctx.missing_count; i++) {
        bcp_diagnostics_add_message(problems, BCP_SEV_ERROR, "the stdlib has no text `%s` for locale %s",
                                    ctx.missing[i], o.lang);
        status = BCP_ERR_PLAN;
    }
    if (status == BCP_OK) {
        bcp_model *m = bcp_model_load_text(path, out.data, out.len, &o.model);
        const bcp_diag_list *diags = bcp_model_diags(m);
        if (bcp_diag_count(diags, BCP_SEV_ERROR)) {
            bcp_diagnostics_add_message(problems, BCP_SEV_ERROR, "the %s preset for %s does not build (a stdlib bug):",
                                        o.industry, o.lang);
            for (size_t i = 0; i < diags->count; i++)
                if (diags->items[i].severity == BCP_SEV_ERROR)
                    bcp_diagnostics_add(problems, &diags->items[i]);
            status = BCP_ERR_PLAN;
        }
        bcp_model_free(m);
    }
    *out_text = out;
    bcp_buf_free(&refs);
    free_sites(sites, site_count);
    bcp_render_ctx_free(&ctx);
    bcp_model_free(lib);
    return status;
}

bcp_status bcp_init_plan(const bcp_init_options *options, char **text, size_t *length, bcp_diagnostics **problems)
{
    bcp_diagnostics *set = bcp_diagnostics_new();
    init_options o = {0};
    o.model.stdlib_dir = options->stdlib_dir;
    o.industry = options->industry;
    o.size = options->size ? options->size : "small";
    o.sites = options->sites;
    o.lang = options->lang ? options->lang : "en";
    bcp_buf out = {0};
    bcp_status status;
    if (!o.industry) {
        bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "no industry given");
        status = BCP_ERR_INVALID;
    } else {
        status = starter(&o, options->path ? options->path : "<stdout>", &out, set);
    }
    if (status == BCP_OK) {
        if (length)
            *length = out.len;
        *text = bcp_buf_take(&out); /* NUL-terminated, bcp_malloc'd: the caller's */
    } else {
        *text = NULL;
        if (length)
            *length = 0;
    }
    bcp_buf_free(&out);
    bcp_tools_give(problems, set);
    return status;
}
