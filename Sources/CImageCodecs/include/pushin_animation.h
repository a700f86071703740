#ifndef PUSHIN_ANIMATION_H
#define PUSHIN_ANIMATION_H

#include "pushin_decoded_image.h"

/// One composited frame of an animation (or the only frame of a still picture).
typedef struct {
    /// RGBA, 8 bits a channel, straight alpha, `width * height * 4` bytes of the animation.
    uint8_t *pixels;
    /// How long the frame stays on screen, in milliseconds (GIF delays of 0 or 1 hundredths
    /// already turned into 100 ms, as browsers do).
    uint32_t delay_ms;
} pushin_frame;

/// What the caller asks of an animated decoder.
typedef struct {
    /// The fewest pixels across and down the caller needs; frames are reduced by the largest
    /// factor that still leaves that many. 0 and 0 decode at full size.
    uint32_t min_width, min_height;
    /// The largest canvas width × height accepted, checked before any large allocation.
    uint64_t max_pixels;
    /// The most frames read; a file with more stops there and says so in `limit_reached`.
    uint32_t max_frames;
    /// The 0-based index of the first frame to keep, and how many to keep from there (1 for a
    /// still). Frames before `first_frame` are composited but not kept; reading stops after
    /// the last frame kept, unless `count_all` asks to read on (counting, not keeping) to the cap.
    uint32_t first_frame, keep_frames;
    /// Read every frame up to `max_frames` even when fewer are kept, so `frames_read` and
    /// `limit_reached` describe the whole file.
    int count_all;
} pushin_animation_request;

/// A limit that stopped an animation before its end: the frames before it are kept.
typedef enum {
    PUSHIN_LIMIT_NONE = 0,
    /// The file holds (or declares) more frames than `max_frames`.
    PUSHIN_LIMIT_FRAMES = 1,
    /// Compositing the next frame would take the animation past `PUSHIN_MAX_COMPOSITED_PIXELS`
    /// (frames × canvas pixels), the bound on the time any animation takes to decode.
    PUSHIN_LIMIT_WORK = 2,
} pushin_animation_limit;

/// The most canvas pixels an animation may composite in all, summed over its frames: about two
/// seconds of work on a small machine, and more than 1,000 frames of 720 × 480.
#define PUSHIN_MAX_COMPOSITED_PIXELS 800000000ULL

/// What an animated decoder produced. Free with pushin_decoded_animation_release.
typedef struct {
    /// The canvas size the file declares.
    uint32_t declared_width, declared_height;
    /// The size of every kept frame: the canvas divided by `scale_denominator`, rounded up.
    uint32_t width, height;
    /// How much smaller than the canvas the kept frames are.
    uint32_t scale_denominator;
    /// The kept frames, in order; `frame_count` of them.
    pushin_frame *frames;
    uint32_t frame_count;
    /// How many frames were read (composited), kept or not.
    uint32_t frames_read;
    /// Why reading stopped before the end of the file, if it did.
    pushin_animation_limit limit_reached;
    /// How many times the animation plays: 0 forever, else that many times (1 when the file
    /// says nothing, as browsers do for a GIF without a NETSCAPE2.0 block).
    uint32_t loop_count;
    /// 1 when the picture is an animation (more than one frame in the file).
    int animated;
    /// How many warnings the decoder raised (a truncated or corrupt frame stops reading; the
    /// frames before it are kept).
    int warning_count;
    /// The error, or else the first warning; empty when there was neither.
    char message[200];
} pushin_decoded_animation;

/// Frees the frames of a result (safe on a result that holds none).
void pushin_decoded_animation_release(pushin_decoded_animation *animation);

/// Decodes a GIF (87a or 89a, still or animated) held in memory, frame by frame, compositing
/// each onto a canvas as browsers do: local and global palettes, interlacing, offsets,
/// transparency and the four disposal methods. Never prints, never aborts.
pushin_decode_status pushin_gif_decode(const uint8_t *data, size_t size,
                                       const pushin_animation_request *request,
                                       pushin_decoded_animation *result);

/// Decodes a WebP (lossy, lossless, alpha; still or animated) held in memory. Stills are
/// decoded by libwebp's scaled decoder at the reduced size; animations through libwebp's
/// animation decoder (its own compositing and blending), each kept frame then reduced.
pushin_decode_status pushin_webp_decode(const uint8_t *data, size_t size,
                                        const pushin_animation_request *request,
                                        pushin_decoded_animation *result);

#endif
