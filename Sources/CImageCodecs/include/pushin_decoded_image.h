#ifndef PUSHIN_DECODED_IMAGE_H
#define PUSHIN_DECODED_IMAGE_H

#include <stddef.h>
#include <stdint.h>

/// How a decode call ended.
typedef enum {
    PUSHIN_DECODE_OK = 0,
    /// The library stopped with an error; the result's `message` says why.
    PUSHIN_DECODE_FAILED = 1,
    /// The header declares more pixels than the caller's budget; nothing large was allocated.
    PUSHIN_DECODE_TOO_LARGE = 2,
    /// A buffer could not be allocated.
    PUSHIN_DECODE_OUT_OF_MEMORY = 3,
    /// The file is well formed but would take more memory or work than pushin's limits allow
    /// (other than the pixel budget); the result's `message` says which limit.
    PUSHIN_DECODE_OVER_LIMIT = 4,
    /// Reading the file failed; the result's `message` holds the system's words (strerror).
    PUSHIN_DECODE_READ_FAILED = 5,
} pushin_decode_status;

/// What a decode call produced. Free `pixels` with pushin_decoded_image_release.
typedef struct {
    /// The dimensions the header declares.
    uint32_t declared_width, declared_height;
    /// The dimensions of `pixels`: the declared size divided by `scale_denominator`, rounded up.
    uint32_t width, height;
    /// RGBA, 8 bits a channel, straight alpha, `width * height * 4` bytes. NULL unless OK.
    uint8_t *pixels;
    /// How much smaller than declared the pixels are (JPEG: the DCT scale; PNG: the block size).
    uint32_t scale_denominator;
    /// How many warnings the library raised on its way to a finished image.
    int warning_count;
    /// The error, or else the first warning; empty when there was neither.
    char message[200];
} pushin_decoded_image;

/// Frees the pixels of a result (safe on a result that holds none).
void pushin_decoded_image_release(pushin_decoded_image *image);

#endif
