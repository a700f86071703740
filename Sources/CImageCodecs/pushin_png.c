// The libpng edge. libpng reports errors by longjmp to the setjmp armed at the top of
// pushin_png_decode; everything that must survive the jump lives in one heap struct, and the
// jump never leaves this file, so it never crosses a Swift frame.
#include "pushin_png.h"
#include "pushin_reader.h"
#include "pushin_reduction.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>

typedef struct {
    png_structp png;
    png_infop info;
    pushin_reader reader;
    const uint8_t *bytes;     // what is left of the piece the reader last handed out
    size_t available;
    int read_failed;          // reading the file failed: the error is the system's, not the PNG's
    pushin_decoded_image *result;
    png_bytep row;            // one decoded row (or the whole image when interlaced)
    uint64_t *sums;           // per output column: premultiplied red, green, blue, then alpha
    uint32_t *column_sums;    // RGB: per pixel column, red, green and blue added over the band
} decoder;

static void on_error(png_structp png, png_const_charp message) {
    decoder *state = png_get_error_ptr(png);
    snprintf(state->result->message, sizeof state->result->message, "%s", message);
    png_longjmp(png, 1);
}

/// True when a libpng warning means the file's bytes are not what its encoder wrote, so the
/// picture may not be either: a CRC error on any chunk, or trouble in the chunks pushin reads
/// (tRNS, image data). Warnings about chunks pushin skips, libpng's own limits, a palette in a
/// file that needs none or data after the image's end leave the pixels as meant; they are
/// dropped, so a good file is never refused as damaged.
static int means_damage(const char *message) {
    if (strstr(message, "CRC error")) return 1;
    if (!strncmp(message, "tRNS: ", 6)) return !strstr(message, "invalid with alpha channel");
    if (!strncmp(message, "IDAT: ", 6)) return !strstr(message, "Extra compressed data");
    return 0;
}

static void on_warning(png_structp png, png_const_charp message) {
    decoder *state = png_get_error_ptr(png);
    if (!means_damage(message)) return;
    if (state->result->warning_count++ == 0)
        snprintf(state->result->message, sizeof state->result->message, "%s", message);
}

static void read_from_input(png_structp png, png_bytep target, size_t count) {
    decoder *state = png_get_io_ptr(png);
    while (count > 0) {
        if (state->available == 0) {
            ptrdiff_t got = pushin_reader_next(&state->reader, &state->bytes);
            if (got < 0) {
                state->read_failed = 1;
                png_error(png, strerror(state->reader.error));
            }
            if (got == 0) png_error(png, "file ends before the image does");
            state->available = (size_t)got;
        }
        size_t piece = count < state->available ? count : state->available;
        memcpy(target, state->bytes, piece);
        state->bytes += piece;
        state->available -= piece;
        target += piece;
        count -= piece;
    }
}

/// Adds one RGBA row into the per-column sums, `reduction` pixels to a column, colour weighted
/// by alpha. A column's share of one row is summed in 64 bits: 32 would wrap from 66,052
/// pixels of 255 · 255 on, and a 1-high picture of 2^31 pixels reduced to one column is a
/// legal PNG.
static void accumulate_row(const uint8_t *row, uint32_t width, uint32_t reduction, uint64_t *sums) {
    for (uint32_t start = 0; start < width; start += reduction, sums += 4) {
        uint32_t count = width - start > reduction ? reduction : width - start;
        pushin_add_premultiplied(row + (size_t)start * 4, count, sums);
    }
}

/// Adds one RGB row, byte by byte, into the band's per-pixel-column sums: a loop the compiler
/// vectorises, the grouping into output columns done once a band (`fold_rgb_band`) rather than
/// once a row (a 1280 × 800 picture reduced by 4 took 40.6 M instructions here, 9.8 M now).
/// 32 bits hold a band: at most 255 · MAX_SIDE. Left out of the fuzzer's coverage tracing: the
/// loop has no branch worth steering, and a trace call on every byte's bound check took three
/// quarters of the sanitizer build's time on a 100 × 1,000,000 strip (11.4 s of the replay's 15 s
/// limit; 6.8 s without).
#if defined(__clang__)
__attribute__((no_sanitize("coverage")))
#endif
static void add_rgb_row(const uint8_t *row, size_t bytes, uint32_t *column_sums) {
    for (size_t i = 0; i < bytes; i++) column_sums[i] += row[i];
}

/// Groups the band's RGB per-pixel-column sums (`rows` rows) into the per-column sums,
/// `reduction` pixels to a column: the sums `accumulate_row` makes of the same pixels with
/// alpha 255, in 64 bits as there. Then clears them for the next band.
static void fold_rgb_band(uint32_t *column_sums, uint32_t width, uint32_t reduction, uint32_t rows, uint64_t *sums) {
    const uint32_t *column = column_sums;
    for (uint32_t start = 0; start < width; start += reduction, sums += 4) {
        uint32_t count = width - start > reduction ? reduction : width - start;
        uint64_t red = 0, green = 0, blue = 0;
        for (const uint32_t *end = column + (size_t)count * 3; column < end; column += 3) {
            red += column[0];
            green += column[1];
            blue += column[2];
        }
        sums[0] += 255 * red;
        sums[1] += 255 * green;
        sums[2] += 255 * blue;
        sums[3] += 255 * (uint64_t)count * rows;
    }
    memset(column_sums, 0, (size_t)width * 3 * sizeof *column_sums);
}

/// Turns the sums of one band of `rows` rows into an output row, and clears them.
static void emit_row(decoder *state, uint32_t output_row, uint32_t rows) {
    pushin_decoded_image *result = state->result;
    uint32_t reduction = result->scale_denominator, width = result->declared_width;
    uint8_t *out = result->pixels + (size_t)output_row * result->width * 4;
    for (uint32_t column = 0; column < result->width; column++, out += 4) {
        uint64_t *sum = state->sums + (size_t)column * 4;
        uint32_t columns = column == result->width - 1 ? width - column * reduction : reduction;
        uint64_t area = (uint64_t)columns * rows, alpha = sum[3];
        for (int channel = 0; channel < 3; channel++)
            out[channel] = alpha ? (uint8_t)((sum[channel] + alpha / 2) / alpha) : 0;
        out[3] = (uint8_t)((alpha + area / 2) / area);
        memset(sum, 0, 4 * sizeof *sum);
    }
}

/// The bytes a pixel of the budget an interlaced picture may take while it is held whole (its
/// seven passes interleave, so rows cannot be averaged as they arrive): 3 holds a full-budget
/// RGB picture; RGBA (4) is held up to three quarters of the budget. Without it a 12 KB
/// interlaced 1-bit palette with tRNS, 10,000 x 10,000, expanded to 400 MB of RGBA. The same
/// rule bounds a multi-scan JPEG's coefficients in pushin_jpeg.c.
enum { WHOLE_IMAGE_BYTES_PER_PIXEL = 3 };

static uint64_t whole_image_limit(uint64_t max_pixels) {
    uint64_t slack = 16 << 20;
    return max_pixels > (UINT64_MAX - slack) / WHOLE_IMAGE_BYTES_PER_PIXEL
               ? UINT64_MAX : max_pixels * WHOLE_IMAGE_BYTES_PER_PIXEL + slack;
}

/// Reads the size IHDR declares straight from the bytes (it must be the first chunk), so the
/// budget is checked before libpng reads anything. Returns 0 when the bytes do not start so.
/// They are the reader's first piece, which holds 24 bytes whenever the file does.
_Static_assert(PUSHIN_READ_BYTES >= 24, "the signature and IHDR's size must come in one piece");
static int peek_size(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height) {
    static const uint8_t start[16] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    if (size < 24 || memcmp(data, start, sizeof start) != 0) return 0;
    *width = (uint32_t)data[16] << 24 | (uint32_t)data[17] << 16 | (uint32_t)data[18] << 8 | data[19];
    *height = (uint32_t)data[20] << 24 | (uint32_t)data[21] << 16 | (uint32_t)data[22] << 8 | data[23];
    return 1;
}

/// The widest and tallest PNG read, whatever the budget: libpng's own default, set explicitly.
/// libpng holds a few rows of up to 8 bytes a pixel (16 MB at this width) and every row costs
/// time however narrow: past it, a 200 KB file of 1 x 100,000,000 takes about 12 s, and one of
/// 99,000,000 x 1 (16-bit RGBA) 775 MB of row buffers.
enum { MAX_SIDE = 1000000 };

/// The most bytes libpng may allocate for one chunk. pushin reads only PLTE (768 bytes at
/// most) and tRNS (256) whole; image data streams through zlib in small pieces.
enum { MAX_CHUNK_BYTES = 1 << 20 };

/// Sets libpng's limits explicitly rather than trusting its build's defaults. libpng 1.6.39
/// treats a chunk over its allocation limit as a mere warning and then allocates it anyway
/// (an ancillary chunk declaring 2^31 bytes cost 2 GB and seconds), so the limit alone is not
/// enough: every chunk pushin does not use is skipped unread (its CRC still checked), leaving
/// IHDR, PLTE, tRNS, IDAT and IEND, the chunks that make the pixels. Sides are capped at
/// MAX_SIDE. gAMA, cHRM, sRGB, iCCP,
/// sBIT and bKGD change nothing here: pushin asks libpng for no gamma, colour-space,
/// shift or background transform, so they would only be parsed (and warned about).
static void set_limits(png_structp png) {
    png_set_user_limits(png, MAX_SIDE, MAX_SIDE);
    png_set_chunk_malloc_max(png, MAX_CHUNK_BYTES);
    png_set_chunk_cache_max(png, 16);
    // A negative count means every known chunk except IHDR, PLTE, tRNS, IDAT and IEND, and
    // every unknown one; the explicit list adds chunks newer libpngs know (APNG, HDR).
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, NULL, -1);
    static const png_byte newer[] = "acTL\0fcTL\0fdAT\0cICP\0cLLI\0cLLi\0mDCV\0mDCv\0";
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, newer, (int)(sizeof newer / 5));
}

pushin_decode_status pushin_png_decode(const pushin_input *input,
                                    uint32_t min_width, uint32_t min_height,
                                    uint64_t max_pixels, pushin_decoded_image *result) {
    memset(result, 0, sizeof *result);
    decoder *state = calloc(1, sizeof *state);
    if (!state) return PUSHIN_DECODE_OUT_OF_MEMORY;
    state->result = result;
    pushin_decode_status status = PUSHIN_DECODE_OK;
    if (!pushin_reader_init(&state->reader, input)) {
        status = PUSHIN_DECODE_OUT_OF_MEMORY;
        goto done;
    }
    ptrdiff_t got = pushin_reader_next(&state->reader, &state->bytes);
    if (got < 0) {
        snprintf(result->message, sizeof result->message, "%s", strerror(state->reader.error));
        status = PUSHIN_DECODE_READ_FAILED;
        goto done;
    }
    state->available = (size_t)got;
    uint32_t declared_width, declared_height;
    if (peek_size(state->bytes, state->available, &declared_width, &declared_height)) {
        result->declared_width = declared_width;
        result->declared_height = declared_height;
        if ((uint64_t)declared_width * declared_height > max_pixels) {
            status = PUSHIN_DECODE_TOO_LARGE;
            goto done;
        }
        if (declared_width > MAX_SIDE || declared_height > MAX_SIDE) {
            snprintf(result->message, sizeof result->message,
                     "image is %u × %u pixels, over the %d a side PNGs are read to",
                     declared_width, declared_height, MAX_SIDE);
            status = PUSHIN_DECODE_OVER_LIMIT;
            goto done;
        }
    }

    state->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, state, on_error, on_warning);
    if (!state->png || !(state->info = png_create_info_struct(state->png))) {
        status = PUSHIN_DECODE_OUT_OF_MEMORY;
        goto done;
    }
    if (setjmp(png_jmpbuf(state->png))) {
        status = state->read_failed ? PUSHIN_DECODE_READ_FAILED : PUSHIN_DECODE_FAILED;
        goto done;
    }
    png_structp png = state->png;
    png_infop info = state->info;
    png_set_read_fn(png, state, read_from_input);
    set_limits(png);
    png_read_info(png, info);

    uint32_t width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    result->declared_width = width;
    result->declared_height = height;
    if ((uint64_t)width * height > max_pixels) {
        status = PUSHIN_DECODE_TOO_LARGE;
        goto done;
    }
    // Every colour type and depth becomes 8-bit RGB or RGBA: palettes and low depths expanded,
    // tRNS turned into alpha, 16 bits scaled (not gamma-converted) to 8, gray copied to RGB.
    png_set_expand(png);
    png_set_scale_16(png);
    png_set_gray_to_rgb(png);
#ifdef PNG_IGNORE_ADLER32
    // Each chunk's CRC still catches damaged data; the zlib checksum only repeats that check.
    png_set_option(png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
#endif
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    int channels = png_get_channels(png, info);

    result->scale_denominator = pushin_choose_reduction(width, height, min_width, min_height);
    result->width = pushin_divide_rounding_up(width, result->scale_denominator);
    result->height = pushin_divide_rounding_up(height, result->scale_denominator);
    size_t row_bytes = png_get_rowbytes(png, info);
    uint64_t whole_bytes = (uint64_t)row_bytes * height, whole_limit = whole_image_limit(max_pixels);
    if (passes > 1 && whole_bytes > whole_limit) {
        snprintf(result->message, sizeof result->message,
                 "an interlaced PNG of this size needs %llu MB to hold it whole, over the %llu MB "
                 "--max-pixels allows (%d bytes a pixel)", (unsigned long long)(whole_bytes / 1000000),
                 (unsigned long long)(whole_limit / 1000000), WHOLE_IMAGE_BYTES_PER_PIXEL);
        status = PUSHIN_DECODE_OVER_LIMIT;
        goto done;
    }
    state->row = malloc(passes > 1 ? row_bytes * height : row_bytes);
    state->sums = calloc((size_t)result->width * 4, sizeof *state->sums);
    if (channels == 3) state->column_sums = calloc((size_t)width * 3, sizeof *state->column_sums);
    result->pixels = malloc((size_t)result->width * result->height * 4);
    if (!state->row || !state->sums || (channels == 3 && !state->column_sums) || !result->pixels) {
        status = PUSHIN_DECODE_OUT_OF_MEMORY;
        goto done;
    }
    if (passes > 1) {
        // Interlaced rows arrive in seven passes, so the whole image is needed first.
        for (int pass = 0; pass < passes; pass++)
            for (uint32_t y = 0; y < height; y++) png_read_row(png, state->row + y * row_bytes, NULL);
    }
    uint32_t band_rows = 0, output_row = 0;
    for (uint32_t y = 0; y < height; y++) {
        png_bytep row = state->row;
        if (passes > 1) row += y * row_bytes;
        else png_read_row(png, row, NULL);
        if (channels == 3) add_rgb_row(row, (size_t)width * 3, state->column_sums);
        else accumulate_row(row, width, result->scale_denominator, state->sums);
        if (++band_rows == result->scale_denominator || y == height - 1) {
            if (channels == 3) fold_rgb_band(state->column_sums, width, result->scale_denominator, band_rows, state->sums);
            emit_row(state, output_row++, band_rows);
            band_rows = 0;
        }
    }
    // The chunks after the image data are not read: the picture is whole without them.

done:
    if (status != PUSHIN_DECODE_OK) pushin_decoded_image_release(result);
    png_destroy_read_struct(&state->png, &state->info, NULL);
    free(state->row);
    free(state->sums);
    free(state->column_sums);
    pushin_reader_release(&state->reader);
    free(state);
    return status;
}

int pushin_png_encode_gray(const uint8_t *pixels, uint32_t width, uint32_t height,
                           uint8_t **png, size_t *size) {
    // The simplified write API catches its own errors; it never longjmps out of libpng.
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = PNG_FORMAT_GRAY;
    size_t needed = 0;
    if (!png_image_write_to_memory(&image, NULL, &needed, 0, pixels, 0, NULL)) return 0;
    *png = malloc(needed);
    if (!*png) return 0;
    if (!png_image_write_to_memory(&image, *png, &needed, 0, pixels, 0, NULL)) {
        free(*png);
        *png = NULL;
        return 0;
    }
    *size = needed;
    return 1;
}
