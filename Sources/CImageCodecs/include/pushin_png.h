#ifndef PUSHIN_PNG_H
#define PUSHIN_PNG_H

#include "pushin_decoded_image.h"
#include "pushin_input.h"

/// Decodes a PNG, held in memory or read from a file as it goes, into RGBA (every colour type,
/// bit depth and interlacing), averaging blocks of pixels on the way when the caller needs fewer.
///
/// Never prints, never aborts and never longjmps into its caller: libpng's errors are caught
/// inside this function and returned as a status with a message (PUSHIN_DECODE_READ_FAILED with
/// the system's words when the file could not be read). 16-bit samples are scaled to 8 bits
/// without any gamma conversion, as viewers show them.
///
/// - min_width, min_height: the fewest pixels the caller needs; rows are box-averaged by the
///   largest whole factor that still leaves that many, as they are read, so the full-size image
///   is never held (unless interlaced). Pass 0 for both to decode at full size.
/// - max_pixels: the largest declared width × height accepted, checked before any large
///   allocation.
pushin_decode_status pushin_png_decode(const pushin_input *input,
                                       uint32_t min_width, uint32_t min_height,
                                       uint64_t max_pixels, pushin_decoded_image *result);

/// Encodes 8-bit gray pixels (`width * height` bytes, rows top to bottom) as a PNG in memory.
///
/// On success returns 1 and sets `*png` (free it with free()) and `*size`; on failure returns 0.
int pushin_png_encode_gray(const uint8_t *pixels, uint32_t width, uint32_t height,
                           uint8_t **png, size_t *size);

#endif
