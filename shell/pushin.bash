# pushin for bash: a random picture from your art cache on every new interactive terminal.
#
#   Add to ~/.bashrc:   source /path/to/pushin/shell/pushin.bash
#   Build the cache:    pushin cache ~/Pictures
#
# Prints only in an interactive shell whose output is a terminal (never in `bash -c`, scp,
# rsync or `ssh host cmd`), and picks and prints the art with builtins alone: no program is
# started. The art's colour twin (NAME.ansi) is printed unless NO_COLOR is set or TERM is dumb.
# $PUSHIN_CACHE names another cache. Safe under `set -u` and `set -e`.

# Prints a random cached art: the widest cached width that fits $COLUMNS and, when it can, art
# no taller than $LINES. Silent when the cache is empty or missing.
pushin_greet() {
  local cache=${PUSHIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pushin}
  local columns=${COLUMNS:-80} rows=${LINES:-0} limit had_nullglob=0 colour=1
  if [[ -n ${NO_COLOR-} || ${TERM-dumb} == dumb ]]; then colour=0; fi
  local -a folders files lines shortest=()
  local folder width best index try
  if shopt -q nullglob; then had_nullglob=1; fi
  shopt -s nullglob
  folders=("$cache"/w*/)
  limit=$columns
  while :; do
    # The widest width folder no wider than the limit.
    best=0
    for folder in "${folders[@]}"; do
      width=${folder%/}
      width=${width##*/w}
      if [[ $width =~ ^[0-9]+$ ]] && ((width <= limit && width > best)); then best=$width; fi
    done
    ((best > 0)) || break
    files=("$cache/w$best"/*.txt)
    for ((try = 0; try < 8 && ${#files[@]} > 0; try++)); do
      index=$((RANDOM % ${#files[@]}))
      mapfile -t lines <"${files[index]}" || lines=()
      if ((${#lines[@]} > 0 && (rows == 0 || ${#lines[@]} <= rows))); then
        if ((colour)) && [[ -f ${files[index]%.txt}.ansi ]]; then
          mapfile -t lines <"${files[index]%.txt}.ansi" || true
        fi
        printf '%s\n' "${lines[@]}"
        shortest=()
        best=-1
        break
      fi
      if ((${#lines[@]} > 0 && (${#shortest[@]} == 0 || ${#lines[@]} < ${#shortest[@]}))); then
        shortest=("${lines[@]}")
      fi
      unset 'files[index]'
      files=("${files[@]}")
    done
    ((best > 0)) || break
    limit=$((best - 1))
  done
  if ((${#shortest[@]} > 0)); then printf '%s\n' "${shortest[@]}"; fi
  if ((had_nullglob == 0)); then shopt -u nullglob; fi
  return 0
}

if [[ $- == *i* && -t 1 ]]; then pushin_greet; fi
