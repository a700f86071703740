// Shared by the libFuzzer targets: how an input becomes a decoder call.
//
// An input that starts with the format's signature is a file, decoded with the options the CLI
// passes by default (80 columns × 4 samples across, no height, a 100-megapixel budget; for
// animations the first frame of at most 1,000), so hostile files replay exactly as pushin
// meets them. Any other input starts with option bytes and the file follows them; those
// options cover what the CLI can ask (0 to 2,000 samples across and down, 1 to 16 frames kept)
// within a budget of 16 megapixels (2 for animations, whose kept frames are each a canvas), so
// no legitimate decode needs more than about 200 MB.
//
// A still is decoded twice, from memory and from a file holding the same bytes (read in the
// fuzz build's small pieces, so they end everywhere in an input), and the two results must be
// the same: status, sizes, warnings, message and every pixel.
#ifndef PUSHIN_FUZZ_COMMON_H
#define PUSHIN_FUZZ_COMMON_H

#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "CImageCodecs.h"

/// The options the CLI passes by default.
enum {
    FUZZ_CLI_MIN_WIDTH = 320,
    FUZZ_CLI_MAX_FRAMES = 1000,
};
#define FUZZ_CLI_MAX_PIXELS 100000000ULL
/// Every kept frame is a whole canvas: 16 frames of 2 megapixels are 128 MB.
#define FUZZ_ANIMATION_MAX_PIXELS (2u << 20)

typedef struct {
    uint32_t min_width, min_height;
    uint64_t max_pixels;
    uint32_t max_frames, first_frame, keep_frames;
    int count_all;
} fuzz_options;

static const uint32_t fuzz_sizes[16] = {0, 0, 1, 2, 3, 4, 8, 16, 40, 80, 160, 320, 321, 640, 1280, 2000};
static const uint64_t fuzz_budgets[8] = {1, 64, 4096, 65536, 1u << 20, 4u << 20, 12u << 20, 16u << 20};

/// Splits `*data` into options and the file; returns 0 when too short to hold both.
/// `prefix` is how many option bytes a non-file input starts with (3 for stills, 5 for
/// animations).
static int fuzz_take_options(const uint8_t **data, size_t *size, const uint8_t *signature,
                             size_t signature_size, size_t prefix, fuzz_options *options) {
    memset(options, 0, sizeof *options);
    if (*size >= signature_size && memcmp(*data, signature, signature_size) == 0) {
        options->min_width = FUZZ_CLI_MIN_WIDTH;
        options->max_pixels = FUZZ_CLI_MAX_PIXELS;
        options->max_frames = FUZZ_CLI_MAX_FRAMES;
        options->keep_frames = 1;
        return 1;
    }
    if (*size < prefix) return 0;
    const uint8_t *p = *data;
    options->min_width = fuzz_sizes[p[0] & 15];
    options->min_height = fuzz_sizes[p[1] & 15];
    options->max_pixels = fuzz_budgets[p[2] & 7];
    if (prefix >= 5) {
        static const uint32_t frames[4] = {1, 2, 8, 16};
        options->max_frames = frames[p[3] & 3];
        options->first_frame = (p[3] >> 2) & 7;
        static const uint32_t keep[4] = {1, 2, 1, UINT32_MAX};  // Swift asks for 1 or all
        options->keep_frames = keep[p[4] & 3];
        if (options->max_pixels > FUZZ_ANIMATION_MAX_PIXELS) options->max_pixels = FUZZ_ANIMATION_MAX_PIXELS;
        options->count_all = (p[4] >> 2) & 1;
    }
    *data += prefix;
    *size -= prefix;
    return 1;
}

/// Reads every byte the caller is told it may read, as Swift's copy does: AddressSanitizer
/// then catches a pixel buffer smaller than width × height × 4.
static uint64_t fuzz_touch(const uint8_t *pixels, uint32_t width, uint32_t height) {
    uint64_t sum = 0;
    size_t count = (size_t)width * height * 4;
    for (size_t i = 0; i < count; i++) sum += pixels[i];
    return sum;
}

/// Stops the run when a result breaks the contract the Swift side relies on.
#define FUZZ_REQUIRE(condition) do { if (!(condition)) __builtin_trap(); } while (0)

/// The checks every still result must pass.
static void fuzz_check_still(pushin_decode_status status, const pushin_decoded_image *result,
                             const fuzz_options *options) {
    FUZZ_REQUIRE(memchr(result->message, 0, sizeof result->message) != NULL);
    if (status == PUSHIN_DECODE_TOO_LARGE) {
        FUZZ_REQUIRE((uint64_t)result->declared_width * result->declared_height > options->max_pixels);
    }
    if (status != PUSHIN_DECODE_OK) {
        FUZZ_REQUIRE(result->pixels == NULL);
        return;
    }
    FUZZ_REQUIRE(result->pixels != NULL && result->width > 0 && result->height > 0);
    FUZZ_REQUIRE((uint64_t)result->declared_width * result->declared_height <= options->max_pixels);
    FUZZ_REQUIRE(result->scale_denominator >= 1);
    FUZZ_REQUIRE(result->width <= result->declared_width && result->height <= result->declared_height);
    FUZZ_REQUIRE(result->warning_count >= 0);
    volatile uint64_t sum = fuzz_touch(result->pixels, result->width, result->height);
    (void)sum;
}

/// The signature of the still-picture decoders.
typedef pushin_decode_status (*fuzz_still_decoder)(const pushin_input *, uint32_t, uint32_t, uint64_t,
                                                   pushin_decoded_image *);

/// One still decode as CodecCall.swift makes it, from memory and from a file: checks the first
/// result and stops the run unless the second is the same.
static void fuzz_still(const uint8_t *data, size_t size, const fuzz_options *options, fuzz_still_decoder decode) {
    pushin_input memory = {.data = data, .size = size, .descriptor = -1};
    pushin_decoded_image from_memory, from_file;
    pushin_decode_status status = decode(&memory, options->min_width, options->min_height, options->max_pixels, &from_memory);
    fuzz_check_still(status, &from_memory, options);

    static int descriptor = -1;  // one in-memory file for the whole run
    if (descriptor < 0) descriptor = memfd_create("fuzz-input", MFD_CLOEXEC);
    FUZZ_REQUIRE(descriptor >= 0 && ftruncate(descriptor, 0) == 0);
    FUZZ_REQUIRE(pwrite(descriptor, data, size, 0) == (ssize_t)size);
    pushin_input file = {.descriptor = descriptor};
    FUZZ_REQUIRE(decode(&file, options->min_width, options->min_height, options->max_pixels, &from_file) == status);
    FUZZ_REQUIRE(from_file.declared_width == from_memory.declared_width &&
                 from_file.declared_height == from_memory.declared_height);
    FUZZ_REQUIRE(from_file.width == from_memory.width && from_file.height == from_memory.height);
    FUZZ_REQUIRE(from_file.scale_denominator == from_memory.scale_denominator);
    FUZZ_REQUIRE(from_file.warning_count == from_memory.warning_count);
    FUZZ_REQUIRE(strcmp(from_file.message, from_memory.message) == 0);
    FUZZ_REQUIRE((from_file.pixels == NULL) == (from_memory.pixels == NULL));
    if (from_memory.pixels)
        FUZZ_REQUIRE(memcmp(from_file.pixels, from_memory.pixels, (size_t)from_memory.width * from_memory.height * 4) == 0);
    pushin_decoded_image_release(&from_memory);
    pushin_decoded_image_release(&from_file);
}

/// The checks every animation result must pass.
static void fuzz_check_animation(pushin_decode_status status, const pushin_decoded_animation *result,
                                 const fuzz_options *options) {
    FUZZ_REQUIRE(memchr(result->message, 0, sizeof result->message) != NULL);
    if (status == PUSHIN_DECODE_TOO_LARGE) {
        FUZZ_REQUIRE((uint64_t)result->declared_width * result->declared_height > options->max_pixels);
    }
    if (status != PUSHIN_DECODE_OK) {
        FUZZ_REQUIRE(result->frames == NULL && result->frame_count == 0);
        return;
    }
    FUZZ_REQUIRE((uint64_t)result->declared_width * result->declared_height <= options->max_pixels);
    FUZZ_REQUIRE(result->frame_count <= options->keep_frames);
    FUZZ_REQUIRE(result->frames_read <= options->max_frames);
    FUZZ_REQUIRE(result->frame_count == 0 || result->frames != NULL);
    FUZZ_REQUIRE(result->warning_count >= 0);
    for (uint32_t index = 0; index < result->frame_count; index++) {
        FUZZ_REQUIRE(result->frames[index].pixels != NULL);
        FUZZ_REQUIRE(result->width > 0 && result->height > 0);
        volatile uint64_t sum = fuzz_touch(result->frames[index].pixels, result->width, result->height);
        (void)sum;
    }
}

/// One animation decode as CodecCall.swift makes it.
static int fuzz_animation(const uint8_t *data, size_t size, const uint8_t *signature, size_t signature_size,
                          pushin_decode_status (*decode)(const uint8_t *, size_t,
                                                         const pushin_animation_request *,
                                                         pushin_decoded_animation *)) {
    fuzz_options options;
    if (!fuzz_take_options(&data, &size, signature, signature_size, 5, &options)) return 0;
    pushin_animation_request request;
    memset(&request, 0, sizeof request);
    request.min_width = options.min_width;
    request.min_height = options.min_height;
    request.max_pixels = options.max_pixels;
    request.max_frames = options.max_frames;
    request.first_frame = options.first_frame;
    request.keep_frames = options.keep_frames;
    request.count_all = options.count_all;
    pushin_decoded_animation result;
    memset(&result, 0, sizeof result);
    pushin_decode_status status = decode(data, size, &request, &result);
    fuzz_check_animation(status, &result, &options);
    pushin_decoded_animation_release(&result);
    return 0;
}

#endif
