# pushin for fish: a random picture from your art cache on every new interactive terminal.
#
#   Add to ~/.config/fish/config.fish:   pushin init fish >> ~/.config/fish/config.fish
#   Build the cache:                     pushin cache ~/Pictures
#
# Replaces fish's greeting, which fish shows only in interactive shells, and prints only when
# the output is a terminal. Picks and prints the art with builtins alone: no program is
# started. The art's colour twin (NAME.ansi) is printed unless NO_COLOR is set or TERM is dumb.
# $PUSHIN_CACHE names another cache; $PUSHIN_MAX_LINES the most rows the art may take.

function pushin_greet --description 'Print a random cached pushin art that fits the terminal'
    set -l cache $PUSHIN_CACHE
    if test -z "$cache"
        set cache $HOME/.cache/pushin
        set -q XDG_CACHE_HOME; and test -n "$XDG_CACHE_HOME"; and set cache $XDG_CACHE_HOME/pushin
    end
    # The most rows the art may take: $PUSHIN_MAX_LINES (0: no limit), else the terminal's
    # height less two, so the prompt stays in view.
    set -l rows 0
    if string match -qr '^[0-9]+$' -- "$PUSHIN_MAX_LINES"
        set rows $PUSHIN_MAX_LINES
    else if string match -qr '^[0-9]+$' -- "$LINES"; and test $LINES -gt 0
        set rows (math "max($LINES - 2, 1)")
    end
    set -l limit $COLUMNS
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
            set -e files[$index]
        end
        set limit (math $best - 1)
    end
end

function fish_greeting
    isatty stdout; and pushin_greet
end
