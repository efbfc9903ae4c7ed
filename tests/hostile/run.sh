#!/bin/sh
# The hostile-input corpus (issue 15): runs bcp on every case of
# tests/hostile/ with a time limit and checks it against the outcome the
# case declares.  usage: sh tests/hostile/run.sh BCP [NAME...]
#
# A case is a file NAME.bcp, a folder NAME/ (run on NAME/plan.bcp, with the
# other files of the folder beside it), or a sidecar NAME.expect alone
# whose input the runner makes (gen=, setup=: big, special or endless
# inputs).  Its expectations are lines `# hostile: KEY=VALUE ...` in the
# file (a comment to bcp), else the lines of NAME.expect; each line is one
# run.  Keys:
#   cmd=check|fmt|parse|build|diff|graph|simulate|fmt-stable   what runs (default check:
#       bcp check --no-config --today 2026-11-27); fmt-stable checks x and
#       fmt(x) and wants the same exit status and the same codes
#   args=A,B          more arguments (commas become spaces)
#   exit=0|1|2|1,2    the exit status, one of these
#   code=SPEC         some code in the output is in SPEC: codes and ranges,
#                     comma-separated (E010-E019,E112)
#   no-code=SPEC      no code in the output is in SPEC
#   located           the output names the input as FILE:LINE:COL
#   max-seconds=N     the time bound (default 10), times $HOSTILE_TIME_SCALE
#   not-contains=S    the output never holds S (printf %b escapes: \033)
# "The output" is stdout and stderr, and for build the documents written; for
# fmt and parse, which print the file back, only stderr.
#   gen=KIND:N        the runner writes the input (see gen below)
#   setup=NAME        the runner makes a special input (see setup below)
#   target=FILE       in a folder case, the file to run on (default plan.bcp)
# Always: the run finishes in time, exits below 128, prints no sanitizer
# report, and its output holds no raw control character (ESC, BEL, CR,
# NUL...: what lets a plan drive the terminal or forge lines).
set -u
bin=${1:?usage: run.sh BCP [NAME...]}
shift
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bcp-hostile.XXXXXX")
fifo_pids=""
cleanup() {
    for p in $fifo_pids; do kill "$p" 2>/dev/null; done
    chmod -R u+rwx "$tmp" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export NO_COLOR=1

# ---------------------------------------------------------------- inputs
# gen=KIND:N writes $case/NAME.bcp.
gen() { # KIND N FILE
    LC_ALL=C awk -v kind="$1" -v n="$2" '
    function plan() { printf "plan p {\n  title = \"Generated\"\n  organization = \"Gen Ltd\"\n  reviewed = 2026-09-01\n}\n" }
    BEGIN {
        if (kind == "list") { plan(); printf "risk r {\n  title = \"Deep\"\n  notes = "; for (i = 0; i < n; i++) printf "["; for (i = 0; i < n; i++) printf "]"; printf "\n}\n" }
        else if (kind == "blocks") { plan(); printf "phase ph {\n"; for (i = 0; i < n; i++) printf "step s%d {\n", i; for (i = 0; i < n; i++) printf "}\n"; printf "}\n" }
        else if (kind == "blocks-oneline") { plan(); printf "phase ph { "; for (i = 0; i < n; i++) printf "x { "; for (i = 0; i < n; i++) printf "} "; printf "}\n" }
        else if (kind == "unclosed") { plan(); printf "risk r {\n  notes = "; for (i = 0; i < n; i++) printf "[" }
        else if (kind == "unclosed-blocks") { plan(); for (i = 0; i < n; i++) printf "x {" }
        else if (kind == "longline") { plan(); printf "# "; for (i = 0; i < n; i++) printf "x"; printf "\n" }
        else if (kind == "longstring") { plan(); printf "risk r {\n  title = \""; s = "a"; while (length(s) < n) s = s s; printf "%s", substr(s, 1, n); printf "\"\n}\n" }
        else if (kind == "secretstring") { plan(); printf "risk r {\n  title = \"password: "; for (i = 0; i < n; i++) printf "%s", substr("aZ9", i % 3 + 1, 1); printf "\"\n}\n" }
        else if (kind == "oneline") { plan(); for (i = 0; i < n; i++) printf "contact c%d { name = \"C %d\" } ", i, i; printf "\n" }
        else if (kind == "oneline-findings") { plan(); printf "risk r { "; for (i = 0; i < n; i++) printf "bogus%d = 1 ", i; printf "}\n" }
        else if (kind == "phone") { plan(); printf "contact c {\n  name = \"C\"\n  phone = \"+1"; for (i = 0; i < n; i++) printf " 1"; printf "x\"\n}\n" }
        else if (kind == "imports") { for (i = 0; i < n; i++) printf "use \"./m%d.bcp\"\n", i; plan() }
        else if (kind == "ids") { plan(); for (i = 0; i < n; i++) printf "contact dup { name = \"D\" }\n" }
        else if (kind == "longid") { plan(); printf "contact "; for (i = 0; i < n; i++) printf "a"; printf " { name = \"Long\" }\n" }
        else if (kind == "newlines") { for (i = 0; i < n; i++) printf "\n" }
        else if (kind == "chain") { plan(); printf "system s0 {\n  title = \"S0\"\n  rto = 4h\n}\nfunction f0 {\n  title = \"F0\"\n  rto = 8h\n  needs = [system.s0]\n}\n"; for (i = 1; i < n; i++) printf "function f%d {\n  title = \"F%d\"\n  rto = 8h\n  needs = [function.f%d]\n}\n", i, i, i - 1 }
        else if (kind == "fan") { plan(); printf "system s0 {\n  title = \"S0\"\n  rto = 4h\n}\n"; for (i = 0; i < n; i++) { printf "function f%d {\n  title = \"F%d\"\n  rto = 8h\n  needs = [system.s0", i, i; for (j = 0; j < i && j < 50; j++) printf ", function.f%d", j; printf "]\n}\n" } }
        else { print "unknown gen kind " kind > "/dev/stderr"; exit 1 }
    }' >"$3"
}

# setup=NAME makes the input in $dir and sets $target (what bcp reads),
# and for endless input $stdin_cmd.
setup() { # NAME
    case $1 in
    fifo)          mkfifo "$dir/plan.bcp"; target=plan.bcp ;;
    fifo-import)   mkfifo "$dir/mod.bcp"; printf 'use "./mod.bcp"\nplan p { title = "T" organization = "O" }\n' >"$dir/plan.bcp"; target=plan.bcp ;;
    dev-zero)      target=/dev/zero ;;
    dev-zero-link) ln -s /dev/zero "$dir/plan.bcp"; target=plan.bcp ;;
    dev-import)    ln -s /dev/zero "$dir/mod.bcp"; printf 'use "./mod.bcp"\nplan p { title = "T" organization = "O" }\n' >"$dir/plan.bcp"; target=plan.bcp ;;
    dir-import)    mkdir "$dir/mod.bcp"; printf 'use "./mod.bcp"\nplan p { title = "T" organization = "O" }\n' >"$dir/plan.bcp"; target=plan.bcp ;;
    dir-named-bcp) mkdir "$dir/plan.bcp"; target=plan.bcp ;;
    sparse)        truncate -s 1G "$dir/plan.bcp"; target=plan.bcp ;;
    big-file)      gen longstring 20000000 "$dir/plan.bcp"; target=plan.bcp ;;
    stdin-endless) stdin_cmd=endless; target=- ;;
    stdin-zero)    stdin_cmd=zero; target=- ;;
    empty-dir)     mkdir "$dir/tree"; target=tree ;;
    symlink-out)   # a tree whose .bcp symlink points at a credentials file outside it
        mkdir -p "$dir/outside" "$dir/tree"
        printf 'contact leak { name = "ghp_LEAKEDTOKEN0123456789abcdefghijklmn" }\n' >"$dir/outside/creds.bcp"
        printf 'plan p { title = "T" organization = "O" }\n' >"$dir/tree/plan.bcp"
        ln -s ../outside/creds.bcp "$dir/tree/creds.bcp"; target=tree ;;
    symlink-import) # an import through a symlink that leaves the tree
        mkdir -p "$dir/outside" "$dir/tree"
        printf 'contact leak { name = "ghp_LEAKEDTOKEN0123456789abcdefghijklmn" phone = 1 }\n' >"$dir/outside/creds.bcp"
        ln -s ../outside "$dir/tree/lib"
        printf 'use "./lib/creds.bcp"\nplan p { title = "T" organization = "O" }\n' >"$dir/tree/plan.bcp"
        git init -q "$dir/tree" 2>/dev/null; target=tree/plan.bcp ;;
    stdlib-escape) # --stdlib DIR with use "std/../../x": outside the stdlib, and existing
        mkdir -p "$dir/std/core" "$dir/secret"
        cp -R "$here/../../stdlib/." "$dir/std/" 2>/dev/null
        printf 'contact leak { name = "ghp_LEAKEDTOKEN0123456789abcdefghijklmn" phone = 1 }\n' >"$dir/secret/x.bcp"
        printf 'use "std/../secret/x"\nplan p { title = "T" organization = "O" }\n' >"$dir/plan.bcp"
        extra="--stdlib $dir/std"; target=plan.bcp ;;
    stdlib-probe) # the same for a file that does not exist: the same message
        mkdir -p "$dir/std"
        cp -R "$here/../../stdlib/." "$dir/std/" 2>/dev/null
        printf 'use "std/../nonexistent/x"\nplan p { title = "T" organization = "O" }\n' >"$dir/plan.bcp"
        extra="--stdlib $dir/std"; target=plan.bcp ;;
    import-chain-*) # plan.bcp uses m1.bcp, which uses m2.bcp, ... up to mN.bcp
        printf 'use "./m1.bcp"\nplan p { title = "T" organization = "O" }\n' >"$dir/plan.bcp"
        awk -v n="${1#import-chain-}" -v d="$dir" 'BEGIN { for (i = 1; i < n; i++) { f = d "/m" i ".bcp"; printf "use \"./m%d.bcp\"\n", i + 1 >f; close(f) }
            f = d "/m" n ".bcp"; printf "contact c { name = \"C\" }\n" >f }'
        target=plan.bcp ;;
    unreadable)    printf 'plan p { title = "T" }\n' >"$dir/plan.bcp"; chmod 000 "$dir/plan.bcp"; target=plan.bcp ;;
    *) echo "run.sh: unknown setup $1" >&2; return 1 ;;
    esac
}

# ---------------------------------------------------------------- checks
# ==== perf8: the checks of a run in the shell itself (no echo|tr|while|grep
# per code, the output's codes found once): ~40 % of this harness's CPU
# was its own processes (34 CPU-s a flavour with bcp=/bin/true).
# in_spec CODE SPEC: is CODE one of SPEC's codes or ranges?
in_spec() {
    rest=$2,
    while [ -n "$rest" ]; do
        item=${rest%%,*}; rest=${rest#*,}
        lo=${item%%-*}; hi=${item#"$lo"}; hi=${hi#-}; hi=${hi%%-*}
        [ -n "$hi" ] || hi=$lo
        l=${lo%%[0-9]*}
        [ "${1%%[0-9]*}" = "$l" ] || continue
        v=${1#?}; a=${lo#?}; b=${hi#?}
        if [ "$((1$v - 1000))" -ge "$((1$a - 1000))" ] && [ "$((1$v - 1000))" -le "$((1$b - 1000))" ]; then return 0; fi
    done
    return 1
}
any_in_spec() { # CODES SPEC: CODES is the output's codes, space-separated
    for c in $1; do in_spec "$c" "$2" && return 0; done
    return 1
}
# ==== end of perf8 part
# ==== perfA: the checks of a run in one awk over its output (there were
# ~12 processes a run besides bcp: cat, date, awk, grep, sort, tr, printf),
# the clock read by the shell itself and the time limit scaled in it.
# check.awk reads .notcontains (the not-contains= strings as written) and
# .nc (the same, printf %b decoded), then the output (.out.stdout and/or
# .out.stderr) and the documents written; it prints three lines: "SECS SLOW
# SANITIZER NOT-LOCATED RAW-CONTROL", the output's codes (sorted, unique),
# and "leaks(S)" for each not-contains string found.
checker='
function isword(c) { return c ~ /[A-Za-z0-9_]/ }
BEGIN { secs = sprintf("%.2f", b - a); slow = (secs + 0 > m + 0); nul = sprintf("%c", 0) }
FILENAME ~ /\/\.notcontains$/ { raw[++nraw] = $0; next }
FILENAME ~ /\/\.nc$/ { pat[++npat] = $0; next }
{
    for (i = 1; i <= npat; i++)
        if (raw[i] != "" && !(i in leak) && index($0, pat[i])) leak[i] = 1
    if (FILENAME !~ /\/\.out\.std(out|err)$/) next
    if (!san && (index($0, "ERROR: AddressSanitizer") || index($0, "ERROR: LeakSanitizer") ||
                 index($0, "runtime error:") || index($0, "ThreadSanitizer"))) san = 1
    if (!ctrl && ($0 ~ /[\001-\010\013-\037\177]/ || index($0, nul))) ctrl = 1
    if (base != "" && !loc) {
        s = $0
        while ((p = index(s, base)) > 0) {
            if (substr(s, p + length(base)) ~ /^:[0-9]+:[0-9]+/) { loc = 1; break }
            s = substr(s, p + 1)
        }
    }
    # a code is a whole word: [A-Z] and three digits (grep -o "\bX000\b")
    if ($0 ~ /[A-Z][0-9][0-9][0-9]/) {
        n = split($0, w, /[^A-Za-z0-9_]+/)
        for (i = 1; i <= n; i++)
            if (w[i] ~ /^[A-Z][0-9][0-9][0-9]$/ && !(w[i] in seen)) { seen[w[i]] = 1; code[++ncode] = w[i] }
    }
}
END {
    for (i = 2; i <= ncode; i++) {
        c = code[i]
        for (j = i - 1; j >= 1 && code[j] > c; j--) code[j + 1] = code[j]
        code[j + 1] = c
    }
    print secs, slow, san + 0, (base != "" && !loc), ctrl + 0
    out = ""; for (i = 1; i <= ncode; i++) out = out (i > 1 ? " " : "") code[i]; print out
    out = ""; for (i = 1; i <= npat; i++) if (i in leak) out = out (out != "" ? " " : "") "leaks(" raw[i] ")"; print out
}'
if [ -r /proc/uptime ]; then
    clock() { read -r now _ </proc/uptime; }
else
    clock() { now=$(date +%s.%N); }
fi
scale=${HOSTILE_TIME_SCALE:-1}
# scale_max N: $max = N times HOSTILE_TIME_SCALE (awk for fractions)
scale_max() {
    case $1:$scale in
    *[!0-9:]* | :* | *: | 0?* | *:0?*) max=$(awk -v m="$1" -v k="$scale" 'BEGIN { print m * k }') ;;
    *) max=$(($1 * scale)) ;;
    esac
}
# ==== end of perfA part

results=$tmp/results
: >"$results"
failures=0
runs=0

# run_case NAME SPEC-LINE
run_case() {
    name=$1
    spec=$2
    runs=$((runs + 1))
    dir=$tmp/case-$runs   # made beforehand, all in one mkdir (perfA)
    cmd=check; args=""; want_exit=""; code=""; nocode=""; located=""; max=10
    gen_spec=""; setup_name=""; target=""; stdin_cmd=""; extra=""; target_override=""
    : >"$dir/.notcontains"
    : >"$dir/.nc"
    for kv in $spec; do
        case $kv in
        cmd=*) cmd=${kv#cmd=} ;;
        args=*) # commas become spaces
            a=${kv#args=}; args=""
            while :; do case $a in *,*) args="$args${a%%,*} "; a=${a#*,} ;; *) args=$args$a; break ;; esac; done ;;
        exit=*) want_exit=${kv#exit=} ;;
        code=*) code=${kv#code=} ;;
        no-code=*) nocode=${kv#no-code=} ;;
        located) located=1 ;;
        max-seconds=*) max=${kv#max-seconds=} ;;
        not-contains=*) printf '%s\n' "${kv#not-contains=}" >>"$dir/.notcontains"
            printf '%b\n' "${kv#not-contains=}" >>"$dir/.nc" ;;
        gen=*) gen_spec=${kv#gen=} ;;
        setup=*) setup_name=${kv#setup=} ;;
        target=*) target_override=${kv#target=} ;;
        hostile:) ;;
        *) echo "run.sh: $name: unknown key $kv" >&2 ;;
        esac
    done
    # A sanitizer build runs several times slower: HOSTILE_TIME_SCALE (set by
    # the Makefile for BUILD=asan) stretches every time limit by that factor.
    scale_max "$max"
    if [ -d "$here/$name" ]; then
        cp -R "$here/$name/." "$dir/"
        target=plan.bcp
    elif [ -f "$here/$name.bcp" ]; then
        cp "$here/$name.bcp" "$dir/$name.bcp"
        target=$name.bcp
    fi
    if [ -n "$gen_spec" ]; then
        gen "${gen_spec%%:*}" "${gen_spec#*:}" "$dir/$name.bcp" || return
        target=$name.bcp
    fi
    [ -n "$setup_name" ] && { setup "$setup_name" || return; }
    [ -n "$target_override" ] && target=$target_override
    out=$dir/.out
    clock; start=$now
    # shellcheck disable=SC2086
    (
        cd "$dir" || exit 125
        case $cmd in
        check) set -- check --no-config --today 2026-11-27 $extra $args "$target" ;;
        fmt) set -- fmt $extra $args "$target" ;;
        parse) set -- parse --tree $args "$target" ;;
        build) set -- build $extra $args "$target" -o out ;;
        diff) set -- diff $extra $args "$target" "$target" ;;
        graph) set -- graph $extra $args "$target" ;;
        simulate) set -- simulate $extra "$target" $args ;;
        fmt-stable)
            "$bin" check --no-config --today 2026-11-27 --format gcc "$target" >.x 2>&1
            echo "exit $?" >>.x
            mkdir -p f && "$bin" fmt "$target" >"f/$target" 2>.fmt.err || { cat .fmt.err; exit 2; }
            (cd f && "$bin" check --no-config --today 2026-11-27 --format gcc "$target" >../.fx 2>&1; echo "exit $?" >>../.fx)
            cat .x .fx
            a=$(grep -o '\[[A-Z][0-9]*' .x | sort | tr '\n' ' ')$(tail -n 1 .x)
            b=$(grep -o '\[[A-Z][0-9]*' .fx | sort | tr '\n' ' ')$(tail -n 1 .fx)
            [ "$a" = "$b" ] || { echo "fmt changed the findings: x: $a / fmt(x): $b"; exit 1; }
            exit 0 ;;
        esac
        case $stdin_cmd in
        endless) yes 'contact c { name = "x" }' | timeout -s KILL "$max" "$bin" "$@" ;;
        zero) timeout -s KILL "$max" "$bin" "$@" </dev/zero ;;
        *) timeout -s KILL "$max" "$bin" "$@" </dev/null ;;
        esac
    ) >"$out.stdout" 2>"$out.stderr"
    got=$?
    clock; end=$now
    # fmt and parse print the document: only their messages are checked.
    case $cmd in
    fmt | parse) set -- "$out.stderr" ;;
    *) set -- "$out.stdout" "$out.stderr" ;;
    esac
    # the documents written: searched for the not-contains strings too
    if [ -d "$dir/out" ]; then
        for f in "$dir"/out/*; do [ -f "$f" ] && set -- "$@" "$f"; done
    fi
    base=""; [ -n "$located" ] && base=${target##*/}
    LC_ALL=C awk -v a="$start" -v b="$end" -v m="$max" -v base="$base" "$checker" \
        "$dir/.notcontains" "$dir/.nc" "$@" >"$dir/.chk"
    { read -r secs slow sanitizer notlocated rawctrl; read -r codes; read -r leaks; } <"$dir/.chk"
    why=""
    [ "$got" -ge 128 ] || [ "$got" -eq 124 ] && why="$why crash-or-killed($got)"
    [ "$slow" = 1 ] && why="$why slow(${secs}s>${max}s)"
    [ "$sanitizer" = 1 ] && why="$why sanitizer"
    if [ -n "$want_exit" ]; then
        case ",$want_exit," in *",$got,"*) ;; *) why="$why exit=$got" ;; esac
    fi
    if [ -n "$code" ] && ! any_in_spec "$codes" "$code"; then why="$why no-code-in($code)"; fi
    if [ -n "$nocode" ] && any_in_spec "$codes" "$nocode"; then why="$why unwanted-code($nocode)"; fi
    [ "$notlocated" = 1 ] && why="$why not-located"
    [ "$rawctrl" = 1 ] && why="$why raw-control-chars"
    [ -n "$leaks" ] && why="$why $leaks"
    got_codes=""; n=0   # perf8: the first four of the codes found above
    for c in $codes; do [ $n -lt 4 ] && got_codes="$got_codes$c " && n=$((n + 1)); done
    expected="$cmd exit=${want_exit:-any}${code:+ code=$code}"
    if [ -z "$why" ]; then result=pass; else result="FAIL:$why"; failures=$((failures + 1)); fi
    printf '%-34s %-44s %-30s %s\n' "$name" "$expected" "exit=$got ${secs}s $got_codes" "$result" >>"$results"
}

# ---------------------------------------------------------------- cases
list_cases() {
    for f in "$here"/*.bcp "$here"/*.expect "$here"/*/plan.bcp; do
        [ -e "$f" ] || continue
        case $f in
        */plan.bcp) f=${f%/plan.bcp}; echo "${f##*/}" ;;
        *.bcp) f=${f##*/}; echo "${f%.bcp}" ;;
        *.expect) f=${f##*/}; echo "${f%.expect}" ;;
        esac
    done | sort -u
}
if [ $# -gt 0 ]; then cases=$*; else cases=$(list_cases); fi
files=0
# perfA: the runs listed first (R, NAME, SPEC; N, NAME for a case without
# expectations) so that one mkdir makes every run's folder.
tab=$(printf '\t')
: >"$tmp/runlist"
nruns=0
for name in $cases; do
    files=$((files + 1))
    if [ -f "$here/$name.expect" ]; then
        specs=$(sed -e '/^#/d' -e '/^$/d' "$here/$name.expect")
    elif [ -d "$here/$name" ]; then
        specs=$(sed -n 's/^# hostile://p' "$here/$name/plan.bcp")
    else
        specs=$(LC_ALL=C sed -n 's/^# hostile://p' "$here/$name.bcp")
    fi
    if [ -z "$specs" ]; then
        printf 'N\t%s\n' "$name" >>"$tmp/runlist"
        continue
    fi
    echo "$specs" >"$tmp/specs"
    while IFS= read -r spec; do
        printf 'R\t%s\t%s\n' "$name" "$spec" >>"$tmp/runlist"
        nruns=$((nruns + 1))
    done <"$tmp/specs"
done
set --
k=1
while [ $k -le $nruns ]; do set -- "$@" "$tmp/case-$k"; k=$((k + 1)); done
[ $# -eq 0 ] || mkdir "$@" || exit 1
while IFS=$tab read -r kind name spec; do
    if [ "$kind" = N ]; then
        printf '%-34s %-44s %-30s %s\n' "$name" "-" "-" "FAIL: no expectations" >>"$results"
        failures=$((failures + 1))
    else
        run_case "$name" "$spec"
    fi
done <"$tmp/runlist"
printf '%-34s %-44s %-30s %s\n' case expected got result
cat "$results"
echo "hostile: $files cases, $runs runs, $failures failed"
[ "$failures" -eq 0 ]
