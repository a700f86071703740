# pushin for bash: a random picture from your art cache on every new interactive terminal.
#
#   Add to ~/.bashrc:   pushin init bash >> ~/.bashrc   (or: source /path/to/pushin/shell/pushin.bash)
#   Build the cache:    pushin cache ~/Pictures
#
# Prints only in an interactive shell whose output is a terminal (never in `bash -c`, scp,
# rsync or `ssh host cmd`), and picks and prints the art with builtins alone: no program is
# started. The art's colour twin (NAME.ansi) is printed unless NO_COLOR is set or TERM is dumb.
# $PUSHIN_CACHE names another cache; the art takes at most $PUSHIN_MAX_LINES rows (default: the
# terminal's height less two, so the prompt stays in view; 0: no limit). Safe under `set -u`
# and `set -e`.

# Prints a random cached art: the widest cached width that fits $COLUMNS with art no taller than
# the limit. Silent when the cache is empty or missing, or nothing fits.
pushin_greet() {
  local cache=${PUSHIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pushin}
  local columns=${COLUMNS:-80} rows=0 limit had_nullglob=0 colour=1
  if [[ ${PUSHIN_MAX_LINES-} =~ ^[0-9]+$ ]]; then
    rows=$PUSHIN_MAX_LINES
  elif [[ ${LINES-} =~ ^[0-9]+$ ]] && ((LINES > 0)); then
    rows=$((LINES > 3 ? LINES - 2 : 1))
  fi
  if [[ -n ${NO_COLOR-} || ${TERM-dumb} == dumb ]]; then colour=0; fi
  local -a folders files lines
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
        best=-1
        break
      fi
      unset 'files[index]'
      files=("${files[@]}")
    done
    ((best > 0)) || break
    limit=$((best - 1))
  done
  if ((had_nullglob == 0)); then shopt -u nullglob; fi
  return 0
}

if [[ $- == *i* && -t 1 ]]; then pushin_greet; fi
