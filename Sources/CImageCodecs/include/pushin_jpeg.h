#ifndef PUSHIN_JPEG_H
#define PUSHIN_JPEG_H

#include "pushin_decoded_image.h"
#include "pushin_input.h"

/// Decodes a JPEG, held in memory or read from a file as it goes, into RGBA (baseline,
/// progressive, grayscale, CMYK/YCCK).
///
/// Never prints, never exits and never longjmps into its caller: every libjpeg error is caught
/// inside this function and returned as a status with a message (PUSHIN_DECODE_READ_FAILED with
/// the system's words when the file could not be read).
///
/// - min_width, min_height: the fewest pixels the caller needs; the coarsest DCT scale
///   (1/8, 1/4, 1/2 or 1/1) that still gives at least that many is chosen. Pass 0 for 1/8. At
///   1/8 a progressive file is decoded from its DC scans alone.
/// - Warnings (truncated file, corrupt entropy data) are counted in `warning_count`; the image
///   is still returned, and the caller decides whether to accept it.
/// - max_pixels: the largest declared width × height accepted, checked from the header before
///   any large allocation.
pushin_decode_status pushin_jpeg_decode(const pushin_input *input,
                                        uint32_t min_width, uint32_t min_height,
                                        uint64_t max_pixels, pushin_decoded_image *result);

#endif
