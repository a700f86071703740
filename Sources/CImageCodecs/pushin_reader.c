#include "pushin_reader.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

int pushin_reader_init(pushin_reader *reader, const pushin_input *input) {
    *reader = (pushin_reader){.input = *input};
    if (input->descriptor < 0) return 1;
    reader->buffer = malloc(PUSHIN_READ_BYTES);
    return reader->buffer != NULL;
}

ptrdiff_t pushin_reader_next(pushin_reader *reader, const uint8_t **bytes) {
    if (reader->ended) return 0;
    if (reader->input.descriptor < 0) {
        size_t left = reader->input.size - (size_t)reader->offset;
        size_t count = left < PUSHIN_READ_BYTES ? left : PUSHIN_READ_BYTES;
        if (count == 0) {
            reader->ended = 1;
            return 0;
        }
        *bytes = reader->input.data + reader->offset;
        reader->offset += count;
        return (ptrdiff_t)count;
    }
    // Every piece is filled whole unless the file ends, so a file's pieces are memory's.
    size_t filled = 0;
    while (filled < PUSHIN_READ_BYTES) {
        ssize_t got = pread(reader->input.descriptor, reader->buffer + filled, PUSHIN_READ_BYTES - filled,
                            (off_t)(reader->offset + filled));
        if (got < 0) {
            if (errno == EINTR) continue;
            reader->error = errno;
            return -1;
        }
        if (got == 0) {
            reader->ended = 1;
            break;
        }
        filled += (size_t)got;
    }
    reader->offset += filled;
    *bytes = reader->buffer;
    return (ptrdiff_t)filled;
}

void pushin_reader_release(pushin_reader *reader) {
    free(reader->buffer);
    reader->buffer = NULL;
}
