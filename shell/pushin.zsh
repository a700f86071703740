# pushin for zsh: a random picture from your art cache on every new interactive terminal.
#
#   Add to ~/.zshrc:    pushin init zsh >> ~/.zshrc   (or: source /path/to/pushin/shell/pushin.zsh)
#   Build the cache:    pushin cache ~/Pictures
#
# Prints only in an interactive shell whose output is a terminal (never in `zsh -c`, scp,
# rsync or `ssh host cmd`), and picks and prints the art with builtins alone: no program is
# started. The art's colour twin (NAME.ansi) is printed unless NO_COLOR is set or TERM is dumb.
# $PUSHIN_CACHE names another cache. Safe under `setopt nounset` and `errexit`.

# Prints a random cached art: the widest cached width that fits $COLUMNS with art no taller than
# $PUSHIN_MAX_LINES rows (default: the terminal's height less two, so the prompt stays in view;
# 0: no limit). Silent when the cache is empty or missing, or nothing fits.
pushin_greet() {
  emulate -L zsh
  setopt extended_glob null_glob
  local cache=${PUSHIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pushin}
  local -i columns=${COLUMNS:-80} rows=0 width index try
  if [[ ${PUSHIN_MAX_LINES-} == <-> ]]; then
    rows=$PUSHIN_MAX_LINES
  elif [[ ${LINES-} == <-> ]] && (( LINES > 0 )); then
    rows=$(( LINES > 3 ? LINES - 2 : 1 ))
  fi
  local -a widths files lines
  local art
  widths=($cache/w<->(N/:t))
  widths=(${widths#w})
  for width in ${(On)widths}; do
    (( width <= columns )) || continue
    files=($cache/w$width/*.txt(N.))
    for (( try = 0; try < 8 && $#files > 0; try++ )); do
      index=$(( RANDOM % $#files + 1 ))
      art=$(<$files[index])
      lines=("${(@f)art}")
      if (( $#art > 0 && (rows == 0 || $#lines <= rows) )); then
        if [[ -z ${NO_COLOR-} && ${TERM-dumb} != dumb && -f ${files[index]%.txt}.ansi ]]; then
          art=$(<${files[index]%.txt}.ansi)
        fi
        print -r -- $art
        return 0
      fi
      files[index]=()
    done
  done
  return 0
}

if [[ -o interactive && -t 1 ]]; then pushin_greet; fi
