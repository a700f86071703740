# pushin for fish: a random picture from your art cache on every new interactive terminal.
#
#   Add to ~/.config/fish/config.fish:   source /path/to/pushin/shell/pushin.fish
#   Build the cache:                     pushin cache ~/Pictures
#
# Replaces fish's greeting, which fish shows only in interactive shells, and prints only when
# the output is a terminal. Picks and prints the art with builtins alone: no program is
# started. The art's colour twin (NAME.ansi) is printed unless NO_COLOR is set or TERM is dumb.
# $PUSHIN_CACHE names another cache.

function pushin_greet --description 'Print a random cached pushin art that fits the terminal'
    set -l cache $PUSHIN_CACHE
    if test -z "$cache"
        set cache $HOME/.cache/pushin
        set -q XDG_CACHE_HOME; and test -n "$XDG_CACHE_HOME"; and set cache $XDG_CACHE_HOME/pushin
    end
    set -l rows 0
    set -q LINES; and set rows $LINES
    set -l limit $COLUMNS
    set -l shortest
    while true
        # The widest width folder no wider than the limit.
        set -l best 0
        for folder in $cache/w*/
            set -l width (string replace -r '^.*/w([0-9]+)/$' '$1' -- $folder)
            if string match -qr '^[0-9]+$' -- $width; and test $width -le $limit; and test $width -gt $best
                set best $width
            end
        end
        test $best -gt 0; or break
        set -l files $cache/w$best/*.txt
        for try in 1 2 3 4 5 6 7 8
            test (count $files) -gt 0; or break
            set -l index 1
            test (count $files) -gt 1; and set index (random 1 (count $files))
            set -l lines (string split -- \n (string collect -- < $files[$index]))
            if test (count $lines) -gt 0; and begin; test $rows -eq 0; or test (count $lines) -le $rows; end
                set -l twin (string replace -r '\.txt$' '.ansi' -- $files[$index])
                if test -z "$NO_COLOR"; and test -n "$TERM"; and test "$TERM" != dumb; and test -f $twin
                    set lines (string split -- \n (string collect -- < $twin))
                end
                printf '%s\n' $lines
                return 0
            end
            if test (count $lines) -gt 0; and begin; test (count $shortest) -eq 0; or test (count $lines) -lt (count $shortest); end
                set shortest $lines
            end
            set -e files[$index]
        end
        set limit (math $best - 1)
    end
    test (count $shortest) -eq 0; or printf '%s\n' $shortest
end

function fish_greeting
    isatty stdout; and pushin_greet
end
