#ifndef PUSHIN_PNG_H
#define PUSHIN_PNG_H

#include <stddef.h>
#include <stdint.h>

/// How a call to pushin_png_decode ended.
typedef enum {
    PUSHIN_PNG_OK = 0,
    /// libpng stopped with an error; `message` says why.
    PUSHIN_PNG_FAILED = 1,
    /// The header declares more pixels than the caller's budget; nothing large was allocated.
    PUSHIN_PNG_TOO_LARGE = 2,
    /// A buffer could not be allocated.
    PUSHIN_PNG_OUT_OF_MEMORY = 3,
} pushin_png_status;

/// What pushin_png_decode produced. Free `pixels` with pushin_png_release.
typedef struct {
    /// The dimensions the header declares.
    uint32_t declared_width, declared_height;
    /// The dimensions of `pixels`: the declared size divided by `reduction`, rounded up.
    uint32_t width, height;
    /// RGBA, 8 bits a channel, straight alpha, `width * height * 4` bytes. NULL unless OK.
    uint8_t *pixels;
    /// Each output pixel is the alpha-weighted mean of a `reduction` × `reduction` block.
    uint32_t reduction;
    /// The error; empty when there was none.
    char message[200];
} pushin_png_result;

/// Decodes a PNG held in memory into RGBA (every colour type, bit depth and interlacing),
/// averaging blocks of pixels on the way when the caller needs fewer.
///
/// Never prints, never aborts and never longjmps into its caller: libpng's errors are caught
/// inside this function and returned as a status with a message. 16-bit samples are scaled to
/// 8 bits without any gamma conversion, as viewers show them.
///
/// - min_width, min_height: the fewest pixels the caller needs; rows are box-averaged by the
///   largest whole factor that still leaves that many, as they are read, so the full-size image
///   is never held (unless interlaced). Pass 0 for both to decode at full size.
/// - max_pixels: the largest declared width × height accepted, checked before any large
///   allocation.
pushin_png_status pushin_png_decode(const uint8_t *data, size_t size,
                                    uint32_t min_width, uint32_t min_height,
                                    uint64_t max_pixels, pushin_png_result *result);

/// Frees the pixels of a result (safe on a result that holds none).
void pushin_png_release(pushin_png_result *result);

#endif
