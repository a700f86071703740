#ifndef PUSHIN_INPUT_H
#define PUSHIN_INPUT_H

#include <stddef.h>
#include <stdint.h>

/// Where a still-picture decoder reads its file from: the `size` bytes at `data`, or, when
/// `descriptor` is 0 or more, the regular file open as `descriptor`, read from its first byte
/// (with pread, whatever the descriptor's offset) in pieces as the decoder asks for them, so the
/// compressed file is never held in memory whole. `data` and `size` are unused for a file; the
/// descriptor stays the caller's to close.
typedef struct {
    const uint8_t *data;
    size_t size;
    int descriptor;
} pushin_input;

#endif
