// How far every decoder reduces a picture: enough pixels for the caller, and never more pixels
// handed back than pushin holds.
#ifndef PUSHIN_REDUCTION_H
#define PUSHIN_REDUCTION_H

#include <stdint.h>

/// The most pixels one decoded frame is handed back with (96 MB of RGBA, copied once more by
/// Swift). Only a picture of extreme proportions reaches it at the sizes art asks for: a strip
/// 639 × 156,000 pixels, 320 samples across, was decoded whole (100 megapixels, 794 MB).
#define PUSHIN_MAX_OUTPUT_PIXELS 24000000ULL

/// `value / divisor`, rounded up.
uint32_t pushin_divide_rounding_up(uint32_t value, uint32_t divisor);

/// The whole factor a picture of `width` × `height` is reduced by: the largest that still
/// leaves `min_width` × `min_height` pixels (1 when both are 0), raised until the reduced
/// picture holds at most `PUSHIN_MAX_OUTPUT_PIXELS`.
uint32_t pushin_choose_reduction(uint32_t width, uint32_t height, uint32_t min_width, uint32_t min_height);

/// True when a picture of `width` × `height` reduced by `reduction` holds more than
/// `PUSHIN_MAX_OUTPUT_PIXELS` (JPEG, whose scales are fixed, tries the next one).
int pushin_reduced_over_output_limit(uint32_t width, uint32_t height, uint32_t reduction);

/// Adds `count` RGBA pixels from `pixel` on into `sums`: red, green and blue each weighted by
/// its pixel's alpha (so a transparent pixel's colour never leaks into its block), then alpha.
/// The box averages of the PNG rows and of animation frames. The caller sizes the sums: one
/// pixel adds at most 255 · 255 to a colour.
static inline void pushin_add_premultiplied(const uint8_t *pixel, uint32_t count, uint64_t sums[4]) {
    uint64_t red = 0, green = 0, blue = 0, alpha = 0;
    for (const uint8_t *end = pixel + (size_t)count * 4; pixel < end; pixel += 4) {
        uint32_t a = pixel[3];
        red += pixel[0] * a;
        green += pixel[1] * a;
        blue += pixel[2] * a;
        alpha += a;
    }
    sums[0] += red;
    sums[1] += green;
    sums[2] += blue;
    sums[3] += alpha;
}

#endif
