/* serve13d: canonical paths, each resolved once per library call.  A check
 * of one plan resolves the same few paths (the root, the plan, its imports,
 * the folders a configuration may lie in) a score of times, and realpath
 * asks the kernel once per path component each time.  Within a call that
 * keeps a memo (bcp_call_state.paths: the service's calls, one request of
 * bcp serve each), a path is resolved once and the call's later questions
 * get the same answer; outside such a call this is realpath.  Nothing is
 * kept from one call to the next. */
#ifndef BCP_PATHS_H
#define BCP_PATHS_H

typedef struct bcp_path_memo bcp_path_memo;

bcp_path_memo *bcp_path_memo_new(void);
void bcp_path_memo_free(bcp_path_memo *memo);

/* realpath(path, resolved), `resolved` holding PATH_MAX bytes: the canonical
 * path in it, or NULL with errno set as realpath set it. */
char *bcp_realpath(const char *path, char *resolved);

#endif
