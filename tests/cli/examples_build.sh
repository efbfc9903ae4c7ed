# Sourced by the CLI scripts that build every example in a language
# (test_build, test_docfig, test_continuity): one `bcp build` a language for
# all of them instead of one a plan.  bcp build takes many plans and writes
# each one's documents, all or none, as a run of its own would (the same
# bytes), without a process's start-up, stdlib load and, under ASan, leak
# scan each.  The documents are named after the file: a second example of the
# same name would overwrite the first, so it gets a build of its own.
#
#   examples_build DIR LANG [BUILD-OPTION...]   LANG: default (the plan's) or a locale
#   out=$(examples_out DIR LANG FILE)           where FILE's documents are;
#                                               fails when FILE did not build
#   for f in $(examples_list); do ...          examples/*.bcp, examples/*/plan.bcp
# Run from the repository's root (the paths are relative: no spaces).
# DIR/LANG.err holds the builds' messages.

examples_list() {
    for _f in examples/*.bcp examples/*/plan.bcp; do
        [ -e "$_f" ] && echo "$_f"
    done
}

examples_build() {
    _dir=$1 _lang=$2
    shift 2
    [ "$_lang" = default ] || set -- "$@" --lang "$_lang"
    _batch="" _stems=" "
    for _f in $(examples_list); do
        _stem=$(basename "$_f" .bcp)
        case $_stems in *" $_stem "*) ;; *) _batch="$_batch $_f" _stems="$_stems$_stem " ;; esac
    done
    echo "$_batch " >"$_dir/$_lang.batch"
    # shellcheck disable=SC2086
    "$BCP" build "$@" -o "$_dir/$_lang" $_batch >/dev/null 2>"$_dir/$_lang.err"
    for _f in $(examples_list); do
        case "$_batch " in *" $_f "*) continue ;; esac
        # shellcheck disable=SC2086
        "$BCP" build "$@" -o "$_dir/$_lang-$(echo "$_f" | tr / _)" "$_f" >/dev/null 2>>"$_dir/$_lang.err"
    done
}

examples_out() {
    case $(cat "$1/$2.batch") in
        *" $3 "*) _out=$1/$2 ;;
        *) _out=$1/$2-$(echo "$3" | tr / _) ;;
    esac
    grep -qF "built $_out/$(basename "$3" .bcp) (" "$1/$2.err" || return 1
    echo "$_out"
}
