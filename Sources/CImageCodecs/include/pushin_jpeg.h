#ifndef PUSHIN_JPEG_H
#define PUSHIN_JPEG_H

#include <stddef.h>
#include <stdint.h>

/// How a call to pushin_jpeg_decode ended.
typedef enum {
    PUSHIN_JPEG_OK = 0,
    /// libjpeg stopped with a fatal error; `message` says why.
    PUSHIN_JPEG_FAILED = 1,
    /// The header declares more pixels than the caller's budget; nothing large was allocated.
    PUSHIN_JPEG_TOO_LARGE = 2,
    /// The output buffer could not be allocated.
    PUSHIN_JPEG_OUT_OF_MEMORY = 3,
} pushin_jpeg_status;

/// What pushin_jpeg_decode produced. Free `pixels` with pushin_jpeg_release.
typedef struct {
    /// The dimensions the header declares.
    uint32_t declared_width, declared_height;
    /// The dimensions of `pixels` (the declared size divided by `scale_denominator`, rounded up).
    uint32_t width, height;
    /// RGBA, 8 bits a channel, `width * height * 4` bytes, alpha always 255. NULL unless OK.
    uint8_t *pixels;
    /// The DCT scale used: 1, 2, 4 or 8.
    int scale_denominator;
    /// 1 when the file is progressive.
    int progressive;
    /// 1 when only the DC scans were decoded (progressive file at scale 1/8).
    int dc_only;
    /// 1 when the source colour space was CMYK or YCCK (converted to RGB here).
    int was_cmyk;
    /// How many warnings libjpeg raised (truncated data, corrupt entropy data...).
    int warning_count;
    /// The fatal error, or else the first warning; empty when there was neither.
    char message[200];
} pushin_jpeg_result;

/// Decodes a JPEG held in memory into RGBA.
///
/// Never prints, never exits and never longjmps into its caller: every libjpeg error is caught
/// inside this function and returned as a status with a message.
///
/// - min_width, min_height: the fewest pixels the caller needs; the coarsest DCT scale
///   (1/8, 1/4, 1/2 or 1/1) that still gives at least that many is chosen. Pass 0 for 1/8.
/// - max_pixels: the largest declared width × height accepted, checked from the header before
///   any large allocation.
pushin_jpeg_status pushin_jpeg_decode(const uint8_t *data, size_t size,
                                      uint32_t min_width, uint32_t min_height,
                                      uint64_t max_pixels, pushin_jpeg_result *result);

/// Frees the pixels of a result (safe on a result that holds none).
void pushin_jpeg_release(pushin_jpeg_result *result);

#endif
