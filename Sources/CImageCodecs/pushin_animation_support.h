// What the animated decoders (GIF, WebP) share: the list of kept frames, the reduction of a
// composited canvas to the size the caller needs, and the work and memory bounds.
#ifndef PUSHIN_ANIMATION_SUPPORT_H
#define PUSHIN_ANIMATION_SUPPORT_H

#include "pushin_animation.h"
#include "pushin_reduction.h"

/// The most pixels the kept frames of one animation may hold in all (128 MB of RGBA).
#define PUSHIN_MAX_KEPT_PIXELS 32000000ULL

/// The largest canvas composited in memory (GIF, animated WebP) or held whole by libwebp's
/// lossless decoder: 96 MB of RGBA, held up to twice (a GIF's restore-to-previous copy;
/// libwebp's canvas and its disposed copy), so that with the kept frames a decode stays under
/// 400 MB.
#define PUSHIN_MAX_CANVAS_PIXELS 24000000ULL

/// Refuses a canvas over `PUSHIN_MAX_CANVAS_PIXELS` with a message; 1 when it is within.
int pushin_canvas_fits(pushin_decoded_animation *result, const char *kind);

/// Clears a result before decoding: no frames, and one play, as when a file says nothing.
void pushin_animation_begin(pushin_decoded_animation *result);

/// Sets the result's message (the error, or the first warning).
void pushin_animation_message(pushin_decoded_animation *result, const char *message);

/// Sets the result's canvas, reduction and frame size for a canvas of `width` × `height`.
void pushin_animation_set_canvas(pushin_decoded_animation *result, const pushin_animation_request *request,
                                 uint32_t width, uint32_t height);

/// True when frame `index` (0-based) is one the caller keeps.
int pushin_animation_keeps(const pushin_animation_request *request, uint32_t index);

/// True when reading may stop before frame `index`: every kept frame is in, and the caller
/// does not ask to count the rest.
int pushin_animation_done(const pushin_animation_request *request, uint32_t index);

/// Charges the work of one more frame of `frame_pixels` decoded pixels against the bounds:
/// returns PUSHIN_LIMIT_NONE when it may go ahead, else the limit it would break (recorded in
/// `result->limit_reached`). `*work` is the running total of the animation.
pushin_animation_limit pushin_animation_charge(pushin_decoded_animation *result, const pushin_animation_request *request,
                                               uint32_t index, uint64_t frame_pixels, uint64_t *work);

/// Appends the canvas (`declared_width` × `declared_height` RGBA), reduced to the result's
/// frame size, as a kept frame shown for `delay_ms`. Returns 0 when memory ran out.
int pushin_animation_keep(pushin_decoded_animation *result, const uint8_t *canvas, uint32_t delay_ms);

#endif
