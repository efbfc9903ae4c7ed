/* Benchmark baseline: what parsing alone costs.  Reads each file and parses it
 * with the tree-sitter runtime and the bcp grammar, nothing else; prints the
 * node count so the work cannot be optimised away.  Sequential on purpose: the
 * 1,000-file target compares `bcp check` with a sequential bare parse. */
#include <stdio.h>
#include <stdlib.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_bcp(void);

int main(int argc, char **argv)
{
    TSParser *parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_bcp());
    unsigned long nodes = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *text = malloc((size_t)len + 1);
        if (!text || fread(text, 1, (size_t)len, f) != (size_t)len)
            return 1;
        fclose(f);
        TSTree *t = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
        nodes += ts_node_child_count(ts_tree_root_node(t));
        ts_tree_delete(t);
        free(text);
    }
    ts_parser_delete(parser);
    printf("%d files, %lu top-level nodes\n", argc - 1, nodes);
    return 0;
}
