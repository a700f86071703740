// Reading a decoder's input in pieces, the same pieces from memory (without a copy) as from a
// file, so that a picture decodes to the same pixels, warnings and errors however it was read:
// libjpeg-turbo decodes Huffman data on a fast path, which passes a bad code without the
// warning its slow path gives, only while the piece in hand holds enough bytes for an MCU
// (512 a block), so where pieces end counts. Never prints and never jumps: a failed read is
// returned for the decoder to report.
#ifndef PUSHIN_READER_H
#define PUSHIN_READER_H

#include "pushin_input.h"

#include <stddef.h>
#include <stdint.h>

/// The bytes of a piece: 64 KB, so a 5 MB wallpaper costs 80 reads into one buffer that stays
/// in the cache, where holding the file whole cost 5 MB of memory. The fuzz build
/// (Fuzz/build.sh) makes it small, so that pieces end everywhere in its inputs.
#ifndef PUSHIN_READ_BYTES
#define PUSHIN_READ_BYTES 65536
#endif

/// The state of reading one input.
typedef struct {
    pushin_input input;
    /// How far into the input the bytes handed out so far reach.
    uint64_t offset;
    /// PUSHIN_READ_BYTES for the pieces of a file; NULL for memory, whose pieces point into it.
    uint8_t *buffer;
    /// Set once the input has ended: a file is not read again.
    int ended;
    /// The errno of the read that failed, else 0.
    int error;
} pushin_reader;

/// Starts reading `input` from its first byte. Returns 0 when the buffer for a file could not
/// be allocated (release the reader all the same).
int pushin_reader_init(pushin_reader *reader, const pushin_input *input);

/// The next bytes of the input: sets `*bytes` and returns how many, valid until the next call;
/// 0 at the end of the input, and -1 when reading the file failed (`error` holds errno). Memory
/// and files come in pieces of PUSHIN_READ_BYTES, the last shorter.
ptrdiff_t pushin_reader_next(pushin_reader *reader, const uint8_t **bytes);

/// Frees what the reader holds (safe on one zeroed or initialised).
void pushin_reader_release(pushin_reader *reader);

#endif
