#include "pushin_animation_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pushin_decoded_animation_release(pushin_decoded_animation *animation) {
    for (uint32_t index = 0; index < animation->frame_count; index++) free(animation->frames[index].pixels);
    free(animation->frames);
    animation->frames = NULL;
    animation->frame_count = 0;
}

void pushin_animation_begin(pushin_decoded_animation *result) {
    memset(result, 0, sizeof *result);
    result->loop_count = 1;
}

void pushin_animation_message(pushin_decoded_animation *result, const char *message) {
    snprintf(result->message, sizeof result->message, "%s", message);
}

void pushin_animation_set_canvas(pushin_decoded_animation *result, const pushin_animation_request *request,
                                 uint32_t width, uint32_t height) {
    result->declared_width = width;
    result->declared_height = height;
    result->scale_denominator = pushin_choose_reduction(width, height, request->min_width, request->min_height);
    result->width = pushin_divide_rounding_up(width, result->scale_denominator);
    result->height = pushin_divide_rounding_up(height, result->scale_denominator);
}

int pushin_canvas_fits(pushin_decoded_animation *result, const char *kind) {
    uint64_t pixels = (uint64_t)result->declared_width * result->declared_height;
    if (pixels <= PUSHIN_MAX_CANVAS_PIXELS) return 1;
    snprintf(result->message, sizeof result->message,
             "%s canvas of %u × %u pixels is over the %llu megapixels held in memory",
             kind, result->declared_width, result->declared_height, PUSHIN_MAX_CANVAS_PIXELS / 1000000);
    return 0;
}

int pushin_animation_keeps(const pushin_animation_request *request, uint32_t index) {
    return index >= request->first_frame && index - request->first_frame < request->keep_frames;
}

int pushin_animation_done(const pushin_animation_request *request, uint32_t index) {
    return !request->count_all && index >= request->first_frame &&
           index - request->first_frame >= request->keep_frames;
}

pushin_animation_limit pushin_animation_charge(pushin_decoded_animation *result, const pushin_animation_request *request,
                                               uint32_t index, uint64_t frame_pixels, uint64_t *work) {
    pushin_animation_limit limit = PUSHIN_LIMIT_NONE;
    uint64_t canvas = (uint64_t)result->declared_width * result->declared_height;
    uint64_t kept = (uint64_t)result->width * result->height;
    int keeps = pushin_animation_keeps(request, index);
    if (index >= request->max_frames) {
        limit = PUSHIN_LIMIT_FRAMES;
    } else if (*work + frame_pixels + (keeps ? canvas : 0) > PUSHIN_MAX_COMPOSITED_PIXELS && index > 0) {
        limit = PUSHIN_LIMIT_WORK;
    } else if (keeps && (uint64_t)(result->frame_count + 1) * kept > PUSHIN_MAX_KEPT_PIXELS && result->frame_count > 0) {
        limit = PUSHIN_LIMIT_WORK;
    }
    if (limit != PUSHIN_LIMIT_NONE) result->limit_reached = limit;
    else *work += frame_pixels + (keeps ? canvas : 0);
    return limit;
}

/// Box-averages `canvas` by the result's reduction into `out`, colour weighted by alpha so a
/// transparent pixel's colour never leaks into its block.
static void reduce(const pushin_decoded_animation *result, const uint8_t *canvas, uint8_t *out) {
    uint32_t factor = result->scale_denominator, width = result->declared_width, height = result->declared_height;
    if (factor == 1) {
        memcpy(out, canvas, (size_t)width * height * 4);
        return;
    }
    for (uint32_t row = 0; row < result->height; row++) {
        uint32_t top = row * factor, bottom = top + factor < height ? top + factor : height;
        for (uint32_t column = 0; column < result->width; column++, out += 4) {
            uint32_t left = column * factor, right = left + factor < width ? left + factor : width;
            uint64_t sums[4] = {0, 0, 0, 0};
            for (uint32_t y = top; y < bottom; y++) {
                pushin_add_premultiplied(canvas + ((size_t)y * width + left) * 4, right - left, sums);
            }
            uint64_t red = sums[0], green = sums[1], blue = sums[2], alpha = sums[3];
            uint64_t area = (uint64_t)(right - left) * (bottom - top);
            out[0] = alpha ? (uint8_t)((red + alpha / 2) / alpha) : 0;
            out[1] = alpha ? (uint8_t)((green + alpha / 2) / alpha) : 0;
            out[2] = alpha ? (uint8_t)((blue + alpha / 2) / alpha) : 0;
            out[3] = (uint8_t)((alpha + area / 2) / area);
        }
    }
}

int pushin_animation_keep(pushin_decoded_animation *result, const uint8_t *canvas, uint32_t delay_ms) {
    uint8_t *pixels = malloc((size_t)result->width * result->height * 4);
    pushin_frame *frames = realloc(result->frames, (result->frame_count + 1) * sizeof *frames);
    if (!pixels || !frames) {
        free(pixels);
        if (frames) result->frames = frames;
        return 0;
    }
    reduce(result, canvas, pixels);
    result->frames = frames;
    result->frames[result->frame_count].pixels = pixels;
    result->frames[result->frame_count].delay_ms = delay_ms;
    result->frame_count++;
    return 1;
}
