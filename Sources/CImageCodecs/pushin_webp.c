// The libwebp edge. libwebp reports errors by return value. A still picture goes through
// libwebp's scaled decoder, so a large WebP is never held at full size; an animation through
// libwebp's animation decoder (WebP's own compositing, blending and disposal), each kept frame
// then reduced. Every limit is checked from the headers before the decoder allocates.
#include "pushin_animation.h"
#include "pushin_animation_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <webp/decode.h>
#include <webp/demux.h>

static const char *status_reason(VP8StatusCode status) {
    switch (status) {
    case VP8_STATUS_OUT_OF_MEMORY: return "out of memory";
    case VP8_STATUS_INVALID_PARAM: return "invalid parameter";
    case VP8_STATUS_BITSTREAM_ERROR: return "corrupt bitstream";
    case VP8_STATUS_UNSUPPORTED_FEATURE: return "unsupported feature";
    case VP8_STATUS_SUSPENDED: return "decoding suspended";
    case VP8_STATUS_USER_ABORT: return "decoding aborted";
    case VP8_STATUS_NOT_ENOUGH_DATA: return "file ends before the image does";
    default: return "unreadable WebP data";
    }
}

static uint32_t little_endian_32(const uint8_t *bytes) {
    return bytes[0] | (uint32_t)bytes[1] << 8 | (uint32_t)bytes[2] << 16 | (uint32_t)bytes[3] << 24;
}

/// The length of the longest prefix of a RIFF file that ends on a whole chunk: a truncated
/// animation cut back to its complete frames. 0 when not even the first chunk is whole.
static size_t whole_chunks_length(const uint8_t *data, size_t size) {
    size_t offset = 12, whole = 0;
    while (offset + 8 <= size) {
        uint64_t end = offset + 8 + (uint64_t)little_endian_32(data + offset + 4);
        end += end & 1;  // chunks are padded to an even length
        if (end > size) break;
        whole = offset = (size_t)end;
    }
    return whole;
}

/// Decodes a still picture at the reduced size with libwebp's scaler.
static pushin_decode_status decode_still(const uint8_t *data, size_t size, WebPDecoderConfig *config,
                                         pushin_decoded_animation *result) {
    if (result->scale_denominator > 1) {
        // A picture reduced to a few pixels per cell loses nothing visible to the in-loop filter
        // or to fancy chroma upsampling; skipping them saves a good part of a lossy decode.
        config->options.bypass_filtering = 1;
        config->options.no_fancy_upsampling = 1;
        config->options.use_scaling = 1;
        config->options.scaled_width = (int)result->width;
        config->options.scaled_height = (int)result->height;
    }
    config->output.colorspace = MODE_RGBA;
    config->output.is_external_memory = 1;
    size_t stride = (size_t)result->width * 4, bytes = stride * result->height;
    uint8_t *pixels = malloc(bytes);
    result->frames = calloc(1, sizeof *result->frames);
    if (!pixels || !result->frames) {
        free(pixels);
        return PUSHIN_DECODE_OUT_OF_MEMORY;
    }
    config->output.u.RGBA.rgba = pixels;
    config->output.u.RGBA.stride = (int)stride;
    config->output.u.RGBA.size = bytes;
    VP8StatusCode status = WebPDecode(data, size, config);
    WebPFreeDecBuffer(&config->output);
    if (status != VP8_STATUS_OK) {
        free(pixels);
        pushin_animation_message(result, status_reason(status));
        return status == VP8_STATUS_OUT_OF_MEMORY ? PUSHIN_DECODE_OUT_OF_MEMORY : PUSHIN_DECODE_FAILED;
    }
    result->frames[0].pixels = pixels;
    result->frames[0].delay_ms = 100;
    result->frame_count = result->frames_read = 1;
    return PUSHIN_DECODE_OK;
}

/// Decodes the frames of an animation the request asks for, through libwebp's animation decoder.
static pushin_decode_status decode_animation(const uint8_t *data, size_t size, const pushin_animation_request *request,
                                             pushin_decoded_animation *result) {
    WebPAnimDecoderOptions options;
    if (!WebPAnimDecoderOptionsInit(&options)) return PUSHIN_DECODE_FAILED;
    options.color_mode = MODE_RGBA;
    options.use_threads = 0;
    WebPData whole = {data, size};
    WebPAnimDecoder *decoder = WebPAnimDecoderNew(&whole, &options);
    uint8_t *shortened = NULL;
    if (!decoder) {
        // A truncated file: decode what it holds up to its last whole chunk, with a warning.
        size_t length = size >= 12 ? whole_chunks_length(data, size) : 0;
        if (length > 12 && length < size && (shortened = malloc(length))) {
            memcpy(shortened, data, length);
            uint32_t riff_size = (uint32_t)length - 8;
            for (int byte = 0; byte < 4; byte++) shortened[4 + byte] = (uint8_t)(riff_size >> (8 * byte));
            WebPData cut = {shortened, length};
            if ((decoder = WebPAnimDecoderNew(&cut, &options))) {
                result->warning_count = 1;
                pushin_animation_message(result, "file ends before the animation does");
            }
        }
        if (!decoder) {
            free(shortened);
            pushin_animation_message(result, "corrupt animation");
            return PUSHIN_DECODE_FAILED;
        }
    }
    WebPAnimInfo info;
    pushin_decode_status status = PUSHIN_DECODE_OK;
    WebPAnimDecoderGetInfo(decoder, &info);
    result->loop_count = info.loop_count;
    result->animated = info.frame_count > 1;
    if (info.frame_count > request->max_frames) result->limit_reached = PUSHIN_LIMIT_FRAMES;
    uint64_t canvas = (uint64_t)result->declared_width * result->declared_height, work = 0;
    int previous_timestamp = 0;
    for (uint32_t index = 0; index < info.frame_count && WebPAnimDecoderHasMoreFrames(decoder); index++) {
        if (pushin_animation_done(request, index)) break;
        if (pushin_animation_charge(result, request, index, canvas, &work) != PUSHIN_LIMIT_NONE) break;
        uint8_t *frame;
        int timestamp;
        if (!WebPAnimDecoderGetNext(decoder, &frame, &timestamp)) {
            if (result->frame_count == 0) {
                pushin_animation_message(result, "corrupt frame");
                status = PUSHIN_DECODE_FAILED;
            } else if (result->warning_count++ == 0) {
                pushin_animation_message(result, "corrupt frame");
            }
            break;
        }
        // As browsers do, a frame of 10 ms or less is shown for 100 ms.
        uint32_t delay = timestamp - previous_timestamp <= 10 ? 100 : (uint32_t)(timestamp - previous_timestamp);
        previous_timestamp = timestamp;
        if (pushin_animation_keeps(request, index) && !pushin_animation_keep(result, frame, delay)) {
            status = PUSHIN_DECODE_OUT_OF_MEMORY;
            break;
        }
        result->frames_read = index + 1;
    }
    WebPAnimDecoderDelete(decoder);
    free(shortened);
    return status;
}

pushin_decode_status pushin_webp_decode(const uint8_t *data, size_t size,
                                        const pushin_animation_request *request,
                                        pushin_decoded_animation *result) {
    pushin_animation_begin(result);
    WebPDecoderConfig config;
    if (!WebPInitDecoderConfig(&config)) return PUSHIN_DECODE_FAILED;
    VP8StatusCode features = WebPGetFeatures(data, size, &config.input);
    if (features != VP8_STATUS_OK) {
        pushin_animation_message(result, status_reason(features));
        return PUSHIN_DECODE_FAILED;
    }
    uint32_t width = (uint32_t)config.input.width, height = (uint32_t)config.input.height;
    pushin_animation_set_canvas(result, request, width, height);
    if ((uint64_t)width * height > request->max_pixels) return PUSHIN_DECODE_TOO_LARGE;
    pushin_decode_status status;
    // libwebp's lossless decoder holds the whole picture, 4 bytes a pixel, whatever the output
    // scale: as large as a composited canvas, and capped alike.
    if (config.input.format == 2 && !pushin_canvas_fits(result, "a lossless WebP's")) return PUSHIN_DECODE_OVER_LIMIT;
    if (config.input.has_animation) {
        if (!pushin_canvas_fits(result, "an animation's")) return PUSHIN_DECODE_OVER_LIMIT;
        status = decode_animation(data, size, request, result);
    } else {
        status = decode_still(data, size, &config, result);
    }
    if (status != PUSHIN_DECODE_OK) pushin_decoded_animation_release(result);
    return status;
}
