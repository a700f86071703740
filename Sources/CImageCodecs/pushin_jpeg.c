// The libjpeg edge. libjpeg reports fatal errors by calling error_exit, whose default calls
// exit(); ours longjmps back to the setjmp armed at the top of pushin_jpeg_decode. All decoder
// state lives in one heap struct so nothing is lost across the jump, and the jump never leaves
// this file, so it never crosses a Swift frame.
#include "pushin_jpeg.h"
#include "pushin_reader.h"
#include "pushin_reduction.h"

#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

/// More scans than this is a hostile file. Every scan walks every block of the components it
/// covers, even when it holds no data, so scans × blocks is the time a file can cost: about
/// 30 ms a scan at 100 megapixels here (arithmetic coding, the slowest). libjpeg's progressive
/// script writes 10 scans (6 for gray) and other encoders about as many; libjpeg-turbo's own
/// buffered-image fuzzer stops at 100 and its TurboJPEG fuzzers at 500, for pictures of one
/// megapixel. 64 leaves real files six times their usual count, and the worst file it allows
/// at the default budget (Tests/Fixtures/hostile/jpeg-64-scans-arithmetic.jpg) takes 2 s.
enum { MAX_SCANS = 64 };

/// More warnings than this is a storm, not damage: a restart interval of one block with no
/// restart markers makes libjpeg resynchronise (and warn) at every block, 40 to 170 ns each,
/// which over 64 scans of 100 megapixels is 10 s. A damaged photo raises a handful; one whose
/// entropy data is garbage from some point on, one per bad code, still far fewer.
enum { MAX_WARNINGS = 100000 };

/// The bytes of DCT coefficients libjpeg may hold per pixel of the budget: a multi-scan
/// (progressive) file keeps every coefficient of the picture, 2 bytes a sample, which is 3 bytes
/// a pixel at 4:2:0, 2 for gray, 6 at 4:4:4 and 8 for CMYK. A 150-byte file can declare any of
/// them (and one scan touches it all), so the limit holds a full-budget 4:2:0 picture, the
/// common photo, and no more. The same rule bounds an interlaced PNG in pushin_png.c.
enum { COEFFICIENT_BYTES_PER_PIXEL = 3 };

static long coefficient_limit(uint64_t max_pixels) {
    uint64_t slack = 16 << 20;
    if (max_pixels > ((uint64_t)LONG_MAX - slack) / COEFFICIENT_BYTES_PER_PIXEL) return LONG_MAX;
    return (long)(max_pixels * COEFFICIENT_BYTES_PER_PIXEL + slack);
}

typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf escape;
    pushin_decoded_image *result;
    /// Set when the error was a limit of pushin's rather than damage.
    int over_limit;
    /// Set when reading the file failed: the error is the system's, not the JPEG's.
    int read_failed;
} error_handler;

/// libjpeg's source of bytes: the reader's pieces, then a fake EOI marker once they end, as
/// libjpeg's own sources do.
typedef struct {
    struct jpeg_source_mgr manager;
    pushin_reader reader;
    /// Set once a piece was handed to libjpeg: an input that ends before is empty, not truncated.
    int started;
    /// Set once the input has ended and libjpeg was handed the fake marker.
    int ran_out;
} input_source;

typedef struct {
    struct jpeg_decompress_struct info;
    error_handler errors;
    input_source source;
    struct jpeg_progress_mgr progress;
    JSAMPROW row_buffer;
} decoder;

static void store_message(j_common_ptr info, pushin_decoded_image *result) {
    char text[JMSG_LENGTH_MAX];
    info->err->format_message(info, text);
    snprintf(result->message, sizeof result->message, "%s", text);
}

static void on_error(j_common_ptr info) {
    error_handler *handler = (error_handler *)info->err;
    if (info->err->msg_code == JERR_NO_BACKING_STORE) {
        // libjpeg keeps coefficients on disk when they exceed max_memory_to_use; ours has no
        // disk, so this is the budget's answer, not damage.
        snprintf(handler->result->message, sizeof handler->result->message,
                 "a multi-scan JPEG of this size needs more coefficient memory than the %ld MB "
                 "--max-pixels allows (%d bytes a pixel)",
                 info->mem->max_memory_to_use / 1000000, COEFFICIENT_BYTES_PER_PIXEL);
        handler->over_limit = 1;
    } else {
        store_message(info, handler->result);
    }
    longjmp(handler->escape, 1);
}

static void on_message(j_common_ptr info, int level) {
    if (level >= 0) return;  // trace output: never shown
    error_handler *handler = (error_handler *)info->err;
    if (handler->result->warning_count++ == 0) store_message(info, handler->result);
    if (handler->result->warning_count > MAX_WARNINGS) {
        snprintf(handler->result->message, sizeof handler->result->message,
                 "more than %d warnings: the data is too corrupt to draw", MAX_WARNINGS);
        longjmp(handler->escape, 1);
    }
}

static void on_output_message(j_common_ptr info) { (void)info; }

/// Stops the decode once the file has started more than MAX_SCANS scans. Called by libjpeg's
/// progress hook (every row while a multi-scan file is read whole) and by the DC-only loop
/// after every jpeg_consume_input, which libjpeg's hook never sees.
static void check_scan_count(j_decompress_ptr info) {
    if (info->input_scan_number > MAX_SCANS) {
        error_handler *handler = (error_handler *)info->err;
        snprintf(handler->result->message, sizeof handler->result->message,
                 "more than %d scans", MAX_SCANS);
        longjmp(handler->escape, 1);
    }
}

static void on_progress(j_common_ptr info) { check_scan_count((j_decompress_ptr)info); }

/// The reader's next piece, or 0 at the end of the input; a failed read ends the decode with
/// the system's words.
static ptrdiff_t next_piece(j_decompress_ptr info, const uint8_t **bytes) {
    input_source *source = (input_source *)info->src;
    ptrdiff_t count = pushin_reader_next(&source->reader, bytes);
    if (count < 0) {
        error_handler *handler = (error_handler *)info->err;
        snprintf(handler->result->message, sizeof handler->result->message, "%s", strerror(source->reader.error));
        handler->read_failed = 1;
        longjmp(handler->escape, 1);
    }
    return count;
}

static void init_source(j_decompress_ptr info) { (void)info; }

/// Hands libjpeg the next piece. At the end of the input it warns and inserts a fake EOI
/// marker, as jpeg_mem_src and jpeg_stdio_src do, so a truncated file is a warning; an empty
/// one is an error.
static boolean fill_input_buffer(j_decompress_ptr info) {
    static const JOCTET fake_end[2] = {0xFF, JPEG_EOI};
    input_source *source = (input_source *)info->src;
    const uint8_t *bytes;
    ptrdiff_t count = next_piece(info, &bytes);
    if (count == 0) {
        if (!source->started) ERREXIT(info, JERR_INPUT_EMPTY);
        WARNMS(info, JWRN_JPEG_EOF);
        bytes = fake_end;
        count = sizeof fake_end;
        source->ran_out = 1;
    }
    source->started = 1;
    source->manager.next_input_byte = bytes;
    source->manager.bytes_in_buffer = (size_t)count;
    return TRUE;
}

/// Skips a marker's data, reading on through as many pieces as it spans (as libjpeg's sources do).
static void skip_input_data(j_decompress_ptr info, long count) {
    struct jpeg_source_mgr *source = info->src;
    if (count <= 0) return;
    while (count > (long)source->bytes_in_buffer) {
        count -= (long)source->bytes_in_buffer;
        (void)fill_input_buffer(info);
    }
    source->next_input_byte += count;
    source->bytes_in_buffer -= (size_t)count;
}

static void term_source(j_decompress_ptr info) { (void)info; }

/// Makes `input` libjpeg's source. Returns 0 when the reader's buffer could not be allocated.
static int set_source(decoder *state, const pushin_input *input) {
    input_source *source = &state->source;
    if (!pushin_reader_init(&source->reader, input)) return 0;
    source->manager.init_source = init_source;
    source->manager.fill_input_buffer = fill_input_buffer;
    source->manager.skip_input_data = skip_input_data;
    source->manager.resync_to_restart = jpeg_resync_to_restart;
    source->manager.term_source = term_source;
    state->info.src = &source->manager;
    return 1;
}

/// The coarsest DCT scale (1/8, 1/4, 1/2, 1) that still gives `min_width` × `min_height`
/// pixels, made coarser while the output would hold more than `PUSHIN_MAX_OUTPUT_PIXELS`.
static unsigned choose_scale_denominator(uint32_t width, uint32_t height,
                                    uint32_t min_width, uint32_t min_height) {
    unsigned denominator = 8;
    while (denominator > 1 && !(pushin_divide_rounding_up(width, denominator) >= min_width &&
                                pushin_divide_rounding_up(height, denominator) >= min_height))
        denominator /= 2;
    while (denominator < 8 && pushin_reduced_over_output_limit(width, height, denominator)) denominator *= 2;
    return denominator;
}

/// True when every component needed for the output has received its DC coefficients.
static int dc_scans_complete(j_decompress_ptr info) {
    int needed = info->out_color_space == JCS_GRAYSCALE ? 1 : info->num_components;
    for (int component = 0; component < needed; component++)
        if (info->coef_bits[component][0] < 0) return 0;
    return 1;
}

/// True when an EOI marker follows what libjpeg has read: entropy-coded data never holds FF D9,
/// so one found there ends the file. Used when decoding stops early, to still tell a truncated
/// file; reads the rest of the input to look (3.7 MB of the progressive 5120 × 2880 wallpaper
/// Flow, whose DC scan ends at 0.2 MB).
/// When libjpeg was already handed the fake marker, the file ran out.
static int has_end_marker(j_decompress_ptr info) {
    input_source *source = (input_source *)info->src;
    if (source->ran_out) return 0;
    const uint8_t *bytes = source->manager.next_input_byte;
    size_t count = source->manager.bytes_in_buffer;
    int after_ff = 0;  // the byte before this piece was FF
    for (;;) {
        if (count > 0) {
            if (after_ff && bytes[0] == 0xD9) return 1;
            const uint8_t *end = bytes + count;
            for (const uint8_t *at = bytes; (at = memchr(at, 0xFF, (size_t)(end - at))) && at + 1 < end; at++)
                if (at[1] == 0xD9) return 1;
            after_ff = end[-1] == 0xFF;
        }
        ptrdiff_t got = next_piece(info, &bytes);
        if (got == 0) return 0;
        count = (size_t)got;
    }
}

static void cmyk_to_rgba(const JSAMPLE *cmyk, uint8_t *rgba, JDIMENSION width, int inverted) {
    for (JDIMENSION x = 0; x < width; x++, cmyk += 4, rgba += 4) {
        unsigned c = cmyk[0], m = cmyk[1], y = cmyk[2], k = cmyk[3];
        if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
        // Adobe's files store inverted CMYK: the value is already (255 - ink).
        rgba[0] = (uint8_t)((c * k + 127) / 255);
        rgba[1] = (uint8_t)((m * k + 127) / 255);
        rgba[2] = (uint8_t)((y * k + 127) / 255);
        rgba[3] = 255;
    }
}

static void read_scanlines(decoder *state, pushin_decoded_image *result) {
    j_decompress_ptr info = &state->info;
    int cmyk = info->out_color_space == JCS_CMYK;
    if (cmyk) {
        state->row_buffer = malloc((size_t)info->output_width * 4);
        if (!state->row_buffer) ERREXIT(info, JERR_OUT_OF_MEMORY);
    }
    size_t stride = (size_t)info->output_width * 4;
    while (info->output_scanline < info->output_height) {
        uint8_t *row = result->pixels + (size_t)info->output_scanline * stride;
        JSAMPROW target = cmyk ? state->row_buffer : row;
        if (jpeg_read_scanlines(info, &target, 1) != 1) break;
        if (cmyk) cmyk_to_rgba(state->row_buffer, row, info->output_width, info->saw_Adobe_marker);
    }
}

pushin_decode_status pushin_jpeg_decode(const pushin_input *input,
                                      uint32_t min_width, uint32_t min_height,
                                      uint64_t max_pixels, pushin_decoded_image *result) {
    memset(result, 0, sizeof *result);
    decoder *state = calloc(1, sizeof *state);
    if (!state) return PUSHIN_DECODE_OUT_OF_MEMORY;
    j_decompress_ptr info = &state->info;
    pushin_decode_status status = PUSHIN_DECODE_OK;

    info->err = jpeg_std_error(&state->errors.manager);
    state->errors.manager.error_exit = on_error;
    state->errors.manager.emit_message = on_message;
    state->errors.manager.output_message = on_output_message;
    state->errors.result = result;
    if (setjmp(state->errors.escape)) {
        status = state->errors.over_limit  ? PUSHIN_DECODE_OVER_LIMIT
                 : state->errors.read_failed ? PUSHIN_DECODE_READ_FAILED
                                             : PUSHIN_DECODE_FAILED;
        goto done;
    }
    jpeg_create_decompress(info);
    // Only whole-image coefficient buffers count against it; beyond it libjpeg would need a
    // backing store, and has none: JERR_NO_BACKING_STORE before anything large is allocated.
    info->mem->max_memory_to_use = coefficient_limit(max_pixels);
    state->progress.progress_monitor = on_progress;
    info->progress = &state->progress;
    if (!set_source(state, input)) {
        status = PUSHIN_DECODE_OUT_OF_MEMORY;
        goto done;
    }
    jpeg_read_header(info, TRUE);

    result->declared_width = info->image_width;
    result->declared_height = info->image_height;
    if ((uint64_t)info->image_width * info->image_height > max_pixels) {
        status = PUSHIN_DECODE_TOO_LARGE;
        goto done;
    }
    switch (info->jpeg_color_space) {
    case JCS_CMYK:
    case JCS_YCCK:
        info->out_color_space = JCS_CMYK;
        break;
    default:
        info->out_color_space = JCS_EXT_RGBA;
    }
    result->scale_denominator = choose_scale_denominator(info->image_width, info->image_height,
                                                         min_width, min_height);
    info->scale_num = 1;
    info->scale_denom = result->scale_denominator;
    // Chroma is replicated rather than interpolated: every cell averages several pixels, and
    // plain replication lets libjpeg-turbo merge upsampling into the colour conversion (about
    // 1 ms less on a 1280 × 800 picture decoded at 2/8).
    info->do_fancy_upsampling = FALSE;
    // At 1/8 scale a pixel is one block's DC coefficient, so a progressive file needs only its
    // DC scans: buffered-image mode lets us stop reading after them.
    int dc_only = info->progressive_mode && result->scale_denominator == 8;
    info->buffered_image = dc_only;

    jpeg_start_decompress(info);
    result->width = info->output_width;
    result->height = info->output_height;
    result->pixels = malloc((size_t)result->width * result->height * 4);
    if (!result->pixels) {
        status = PUSHIN_DECODE_OUT_OF_MEMORY;
        goto done;
    }
    if (dc_only) {
        for (;;) {
            int progress = jpeg_consume_input(info);
            check_scan_count(info);
            if (progress == JPEG_REACHED_EOI || progress == JPEG_SUSPENDED) break;
            if (progress == JPEG_SCAN_COMPLETED && dc_scans_complete(info)) break;
        }
        jpeg_start_output(info, info->input_scan_number);
        read_scanlines(state, result);
        jpeg_finish_output(info);
        // Reading stopped after the DC scans: the rest of the file must still end in EOI.
        // (When libjpeg reached an EOI it is real, or its fake one after warning of the end.)
        if (!jpeg_input_complete(info) && !has_end_marker(info)) WARNMS(info, JWRN_JPEG_EOF);
    } else {
        read_scanlines(state, result);
        jpeg_finish_decompress(info);
    }

done:
    if (status != PUSHIN_DECODE_OK) pushin_decoded_image_release(result);
    jpeg_destroy_decompress(info);
    pushin_reader_release(&state->source.reader);
    free(state->row_buffer);
    free(state);
    return status;
}
