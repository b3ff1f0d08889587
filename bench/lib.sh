# shellcheck shell=bash
# Shared by bench/run and bench/quality (sourced, not run).

# prep_pages SRC_DIR DEST_DIR: decompress every SRC_DIR/*.html.gz into
# DEST_DIR/<name>.html (plain files, read from disk by the timed runs).
# Sets PREP_PAGES (count) and PREP_BYTES (plain HTML bytes).
prep_pages() {
  local src="$1" dest="$2" f
  mkdir -p "$dest"
  PREP_PAGES=0
  for f in "$src"/*.html.gz; do
    gzip -dc -- "$f" >"$dest/$(basename "$f" .gz)"
    PREP_PAGES=$((PREP_PAGES + 1))
  done
  # shellcheck disable=SC2034  # read by the caller
  PREP_BYTES=$(find "$dest" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
}

# have_corpus SHARED CORPUS: true when SHARED/corpora/CORPUS/html holds pages.
have_corpus() {
  [[ -d "$1/corpora/$2/html" ]] && compgen -G "$1/corpora/$2/html/*.html.gz" >/dev/null
}

# gold_of CORPUS: the gold file name of a corpus.
gold_of() {
  case "$1" in
    aeb) echo ground-truth.json ;;
    trafilatura-eval) echo evaldata.json ;;
    *) return 1 ;;
  esac
}

# need_attache PATH: exit with build instructions unless PATH is executable.
need_attache() {
  [[ -x "$1" ]] && return 0
  echo "bench: no attache binary at $1; build it first:" >&2
  echo "  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DATTACHE_BUILD_TESTS=OFF && cmake --build build -j2" >&2
  echo "or pass --attache PATH" >&2
  exit 1
}
