#!/usr/bin/env bash
# The GitHub Action's step (action.yml at the repository root): runs `kubectl-blame wait` once, re-emits its
# annotations, writes the outputs `verdict`, `culprit` and `exit-code` to $GITHUB_OUTPUT and a Markdown summary
# (objects, culprits, revision change, events, and for each failed or pending object the two views of
# `kubectl-blame TYPE/NAME`) to $GITHUB_STEP_SUMMARY, then exits with the CLI's code (0 complete, 1 failed,
# 2 timed out, 3 bad input).
#
# Inputs come as INPUT_* environment variables (action.yml maps them). Needs bash, jq and the CLI: INPUT_JAR
# (java -jar it) or `kubectl-blame` on PATH. Everything read from the cluster is data: it reaches the log only
# between ::stop-commands:: markers, $GITHUB_OUTPUT only in the delimiter form with a random delimiter, and the
# summary only inside code fences longer than any backtick run in it; and every value on one line, encoded as the
# CLI's text output encodes it (Escape.terminal), so a message cannot forge a row, reorder a line or hide text.
set -uo pipefail

die() { echo "kubectl-blame action: $*" >&2; exit 3; }
command -v jq >/dev/null 2>&1 || die "jq is required (it is on GitHub's hosted runners)"

if [[ -n "${INPUT_JAR:-}" ]]; then
  [[ -f "$INPUT_JAR" ]] || die "input jar: no file at '$INPUT_JAR'"
  java_cmd="${JAVA:-java}"
  [[ -z "${JAVA:-}" && -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_cmd="$JAVA_HOME/bin/java"
  cli=("$java_cmd" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$INPUT_JAR")
else
  command -v kubectl-blame >/dev/null 2>&1 || die "set the input jar, or put kubectl-blame on PATH"
  cli=(kubectl-blame)
fi

conn=()
[[ -n "${INPUT_CONTEXT:-}" ]] && conn+=(--context "$INPUT_CONTEXT")
[[ -n "${INPUT_KUBECONFIG:-}" ]] && conn+=(--kubeconfig "$INPUT_KUBECONFIG")

args=(wait "${conn[@]}" --output json --timeout "${INPUT_TIMEOUT:-5m}")
[[ -n "${INPUT_GRACE:-}" ]] && args+=(--grace "$INPUT_GRACE")
[[ -n "${INPUT_ALLOWED_RESTARTS:-}" ]] && args+=(--allowed-restarts "$INPUT_ALLOWED_RESTARTS")
[[ -n "${INPUT_JUNIT_REPORT:-}" ]] && args+=(--junit-report "$INPUT_JUNIT_REPORT")
# Targets: TYPE/NAME separated by spaces or newlines. Files: one path per line (a path may hold spaces).
read -r -d '' -a targets <<< "${INPUT_TARGETS:-}"
while IFS= read -r file; do
  file="${file#"${file%%[![:space:]]*}"}"; file="${file%"${file##*[![:space:]]}"}"
  [[ -n "$file" ]] && args+=(--filename "$file")
done <<< "${INPUT_FILES:-}"
[[ -n "${INPUT_NAMESPACE:-}" ]] && args+=(--namespace "$INPUT_NAMESPACE")
args+=(-- "${targets[@]}")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A token no cluster text can guess: between ::stop-commands::TOKEN and ::TOKEN:: the runner runs no command.
token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
quiet() { echo "::stop-commands::$token"; "$@"; echo "::$token::"; }

# Cluster text without control characters but newline and tab (no terminal or Markdown tricks).
clean() { LC_ALL=C tr -d '\000-\010\013-\037\177'; }

GITHUB_ACTIONS=true "${cli[@]}" "${args[@]}" >"$work/out" 2>"$work/err"
code=$?

# The JSON document with every string and key as the CLI's text output writes it (Escape.terminal, by the CLI's
# hidden __terminal-json): one line; controls, line separators, bidi, zero-width, invisible letters (U+3164), stray
# variation selectors and floods of combining marks shown as escapes (\n, \u001b, \u202e, \u3164); no ##[command];
# at most 2048 characters and a count of the rest, so that a 1 MB message fills neither the log, nor the culprit
# output (GitHub takes 1 MB of outputs per job), nor the summary, which GitHub drops whole past 1 MiB
# ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k"). So jq -r prints each value as
# the CLI would, and a lone surrogate (which jq 1.6 refuses as an escape) is text. Not JSON: no document, an Error.
grep -v '^::' "$work/out" | "${cli[@]}" __terminal-json >"$work/doc.json" 2>/dev/null || : >"$work/doc.json"
if [[ -s "$work/err" ]]; then quiet clean <"$work/err" >&2; fi

verdict=Error
culprit=""
if [[ $code -le 2 ]] && jq -e 'type == "object" and has("outcome")' "$work/doc.json" >/dev/null 2>&1; then
  case "$(jq -r '.outcome' "$work/doc.json")" in
    Complete) verdict=Complete ;;
    Failed) verdict=Failed ;;
    TimedOut) verdict=TimedOut ;;
  esac
  # What `wait` prints as a culprit: group-kind/name [container] Reason: message.
  jq_culprit='(.kind | ascii_downcase) + (if .group == "" then "" else "." + .group end) + "/" + .name
    + (if .container then " [" + .container + "]" else "" end) + " " + .reason + ": " + .message'
  # As the CLI's text: no `##[command]` a later step that echoes the output would hand to the runner.
  culprit=$(jq -r ".culprits[0] // empty | $jq_culprit" "$work/doc.json" | clean | sed 's/##/#\\u0023/g')
  # The log: a readable account (cluster text, so commands stopped), then the CLI's own annotations, which it
  # has escaped for workflow commands.
  quiet jq -r '"kubectl-blame wait: \(.outcome) after \(.elapsedSeconds)s",
      (.objects[] | "  \(.kind)/\(.name) (\(.namespace)): \(.phase) \(.message)"),
      (if (.culprits | length) > 0 then "Culprits:" else empty end),
      (.culprits[] | "  " + ('"$jq_culprit"'))' "$work/doc.json" | clean
  grep '^::\(error\|warning\|notice\) ' "$work/out"
fi

# Multiline-safe outputs: name<<DELIMITER, the value, DELIMITER, with a delimiter the value does not contain.
set_output() {
  [[ -n "${GITHUB_OUTPUT:-}" ]] || return 0
  local delim
  delim="ghadelimiter_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  [[ "$2" == *"$delim"* ]] && die "output $1 contains its delimiter"
  printf '%s<<%s\n%s\n%s\n' "$1" "$delim" "$2" "$delim" >>"$GITHUB_OUTPUT"
}
set_output verdict "$verdict"
set_output culprit "$culprit"
set_output exit-code "$code"

# A fenced code block holding the file's text: the fence is longer than any backtick run inside, so the text
# cannot close it, and inside it Markdown and HTML are not interpreted. The runs are measured on the text as it is
# written, controls taken out: ``<U+0001>`` is a run of four once cleaned.
fenced() {
  local longest fence
  clean <"$1" >"$1.clean"
  longest=$(grep -o '`\+' "$1.clean" | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
  fence=$(printf '%*s' $(( longest >= 3 ? longest + 1 : 3 )) '' | tr ' ' '`')
  printf '%stext\n' "$fence"
  cat "$1.clean"
  printf '\n%s\n\n' "$fence"
}

summary() {
  echo "## kubectl-blame wait: $verdict (exit $code)"
  echo
  if [[ $verdict == Error ]]; then
    echo "The wait did not start or could not finish:"
    echo
    fenced "$work/err"
    return
  fi
  jq -r '.objects[] | "\(.kind)/\(.name) (\(.namespace)): \(.phase) \(.message)"' "$work/doc.json" >"$work/objects"
  echo "### Objects"
  echo
  fenced "$work/objects"
  [[ $verdict == Complete ]] && return
  jq -r ".culprits[] | $jq_culprit" "$work/doc.json" >"$work/culprits"
  if [[ -s "$work/culprits" ]]; then echo "### Culprits"; echo; fenced "$work/culprits"; fi
  jq -r '.revisions[] | "\(.kind)/\(.name) revision \(.revision)"
      + (if .previous then " (from \(.previous))" else "" end)
      + (if .changedBy then ", by \(.changedBy)" else "" end) + (if .time then " at \(.time)" else "" end),
      (.changes[] | "  " + .)' "$work/doc.json" >"$work/revisions"
  if [[ -s "$work/revisions" ]]; then echo "### Revision change"; echo; fenced "$work/revisions"; fi
  jq -r '.events[] | "\(.lastTime // "-") \(.type) \(.reason) \(.kind)/\(.name)"
      + (if .count > 1 then " (x\(.count))" else "" end) + ": \(.message)"' "$work/doc.json" >"$work/events"
  if [[ -s "$work/events" ]]; then echo "### Last events"; echo; fenced "$work/events"; fi
  # The two views (cause -> effect, effect -> cause) of each object that is not done.
  local i=0 type ns
  while IFS=$'\t' read -r type ns; do
    i=$((i + 1))
    echo "### Why: object $i (cause → effect, effect → cause)"
    echo
    local where=()
    [[ -n "$ns" ]] && where=(--namespace "$ns")
    NO_COLOR=1 "${cli[@]}" "${conn[@]}" "${where[@]}" -- "$type" >"$work/why" 2>&1 </dev/null
    fenced "$work/why"
  done < <(jq -r '.objects[] | select(.phase != "Done")
      | [((.kind | ascii_downcase) + (if .group == "" then "" else "." + .group end) + "/" + .name),
         .namespace] | @tsv' "$work/doc.json")
}

# GitHub drops a step's summary whole past 1 MiB: past 1000 KiB (many objects, each with its views), the heading
# and a pointer to the log instead.
summary_max=$((1000 * 1024))
if [[ -n "${GITHUB_STEP_SUMMARY:-}" && "${INPUT_SUMMARY:-true}" != false ]]; then
  summary >"$work/summary.md"
  if [[ $(wc -c <"$work/summary.md") -le $summary_max ]]; then
    cat "$work/summary.md" >>"$GITHUB_STEP_SUMMARY"
  else
    printf '## kubectl-blame wait: %s (exit %s)\n\nThe summary is larger than GitHub takes (1 MiB); the step log has the' \
      "$verdict" "$code" >>"$GITHUB_STEP_SUMMARY"
    printf ' objects and culprits.\n' >>"$GITHUB_STEP_SUMMARY"
  fi
fi
exit "$code"
