#!/bin/sh
# The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit
# from a scratch project repository: a good plan is committed, a plan with a
# lint error and an unformatted plan are refused with the tools' messages.
set -u
: "${BCP:?BCP must name the bcp binary}"
root=$(cd "$(dirname "$0")/../.." && pwd)
failed=0
ok() { echo "ok   precommit: $1"; }
fail() { echo "FAIL precommit: $1"; failed=1; }

for tool in git pre-commit; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "FAIL precommit: $tool is not installed (make deps installs it)"
        exit 1
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# Nothing from the user's git or pre-commit set-up leaks in; no network needed.
export HOME="$tmp/home" PRE_COMMIT_HOME="$tmp/pre-commit-cache"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
# The hooks run `bcp` from PATH, as a user's would.
mkdir -p "$HOME" "$tmp/bin"
ln -s "$BCP" "$tmp/bin/bcp"
PATH="$tmp/bin:$PATH"
export PATH
# Rules compare dates with today: pin it so the good plan stays good.
export SOURCE_DATE_EPOCH=1790000000

# pre-commit fetches hooks from a git repository at a commit: a throwaway one
# holding the work tree's manifest (committed or not).
hooks="$tmp/hooks"
git init -q "$hooks"
cp "$root/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

project="$tmp/project"
git init -q "$project"
cd "$project" || exit 1
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: bcp-check
      - id: bcp-fmt
EOF

# The lint rules keep growing; the hooks are what is tested here, so the
# project selects the contact rules, as a team would in its bcpconfig.bcp.
cat > bcpconfig.bcp <<'EOF'
config {
  select = ["C1"]
}
EOF

cat > plan.bcp <<'EOF'
# A small plan: complete contacts and a crisis team.
plan acme {
  title        = "Acme Ltd business continuity plan"
  organization = "Acme Ltd"
  industry     = professional_services
  size         = micro
  owner        = contact.owner
  reviewed     = 2026-09-01
}

function service {
  title    = "Client service"
  rto      = 24h
  fallback = "Work from home on laptops"
  owner    = contact.owner
  deputy   = contact.deputy
}

contact owner {
  name  = "Alex Chen"
  role  = "Managing director"
  tier  = 1
  phone = "+44 20 7946 0000"
  email = "alex@acme.example"
}

contact deputy {
  name  = "Sam Lee"
  tier  = 1
  phone = "+44 20 7946 0001"
  email = "sam@acme.example"
}

team crisis {
  title  = "Crisis team"
  lead   = contact.owner
  deputy = contact.deputy
}

training onboarding {
  title = "Continuity basics for new staff"
  when  = onboarding
}

training yearly {
  title = "Yearly continuity refresher"
  when  = periodic
  every = 1y
  last  = 2026-06-01
}

exercise tabletop {
  title  = "Office loss tabletop"
  kind   = tabletop
  every  = 1y
  last   = 2026-06-15
  covers = [function.service]
}
EOF

if ! pre-commit install >"$tmp/install.log" 2>&1; then
    fail "pre-commit install: $(cat "$tmp/install.log")"
    exit 1
fi

commits() { git rev-list --count HEAD 2>/dev/null || echo 0; }

git add .pre-commit-config.yaml bcpconfig.bcp plan.bcp
if git commit -q -m "good plan" >"$tmp/good.log" 2>&1 && [ "$(commits)" = 1 ]; then
    ok "a good plan is committed"
else
    fail "the good plan was refused:"
    cat "$tmp/good.log"
fi
if grep -q "bcp check.*Passed" "$tmp/good.log" && grep -q "bcp fmt.*Passed" "$tmp/good.log"; then
    ok "both hooks ran and passed"
else
    fail "hooks did not report Passed:"
    cat "$tmp/good.log"
fi

# A contact nobody can reach: rule C101 contact-unreachable.
sed 's/^  phone = "+44 20 7946 0001"$//; s/^  email = "sam@acme.example"$//' plan.bcp | cat -s > bad.bcp
git add bad.bcp
if git commit -q -m "bad plan" >"$tmp/bad.log" 2>&1; then
    fail "a plan with a lint error was committed"
elif [ "$(commits)" != 1 ]; then
    fail "the refused commit still landed"
elif grep -q "bcp check.*Failed" "$tmp/bad.log" && grep -q "C101 contact-unreachable" "$tmp/bad.log" &&
    grep -q "bad.bcp:[0-9]*:[0-9]*: error: contact \`deputy\`" "$tmp/bad.log"; then
    ok "a plan with a lint error is refused with the rule's message"
else
    fail "the refusal does not show the rule's message:"
    cat "$tmp/bad.log"
fi
git reset -q HEAD bad.bcp
rm -f bad.bcp

# Same meaning, another layout: bcp fmt --check refuses it.
sed 's/^  title        = /  title = /' plan.bcp > plan.tmp && mv plan.tmp plan.bcp
git add plan.bcp
if git commit -q -m "unformatted" >"$tmp/fmt.log" 2>&1; then
    fail "an unformatted plan was committed"
elif grep -q "bcp fmt.*Failed" "$tmp/fmt.log" && grep -q "plan.bcp" "$tmp/fmt.log" &&
    grep -q "bcp check.*Passed" "$tmp/fmt.log"; then
    ok "an unformatted plan is refused by bcp-fmt (and passes bcp-check)"
else
    fail "the unformatted plan was not refused by bcp-fmt:"
    cat "$tmp/fmt.log"
fi

exit "$failed"
