// The C measuring stick of issue 14: what converting a picture to plain-text art costs when a
// careful C programmer writes it on the libraries pushin uses (libjpeg-turbo, libpng), so that
// pushin's times can be given as ratios against it. Benchmarks/stick.sh builds and times it.
//
//   cc -O2 -static -o stick Benchmarks/stick.c -ljpeg -lpng -lz -lm
//   stick [-w COLUMNS] FILE...      converts each file in turn, the art to standard output
//
// Linked statically, as pushin's release build is, so that neither pays the dynamic loader for
// its libraries (about 1 ms a start here).
//
// It does the decode and resample work pushin does for `--background none` at one width:
// - a JPEG is decoded with libjpeg's DCT scaling at the coarsest of 1/8, 1/4, 1/2 and 1 that
//   still leaves 2 pixels a column across (pushin_jpeg.c's choose_scale_denominator with the
//   2 × 4 samples a cell of `none`, no height asked when only the width is given), to RGB with
//   chroma replicated, not interpolated (do_fancy_upsampling off, as pushin);
// - a PNG is read row by row, expanded to 8-bit RGB or RGBA as in pushin_png.c (zlib's Adler-32
//   check skipped, as there), every row added into per-cell sums as it arrives, so the picture
//   is never held whole;
// - the grid is COLUMNS × round(COLUMNS × height / width / 2) cells, at least one row, of the
//   size pushin sees after decoding (GridSize.fitting, cell aspect 2; for a PNG the size after
//   pushin_choose_reduction's block averaging);
// - a cell is the average (Resize.spans: cell c takes pixels c·n/count ..< (c+1)·n/count, at
//   least one) of its pixels' BT.601 luma, 77 R + 150 G + 29 B, weighted by alpha;
// - the cells are stretched from their minimum to their maximum and drawn with the 10 glyphs
//   of Ramp.short, bright cells dense.
// pushin keeps the decoded picture and the cells' colours (for its colour twins and shape
// matching); this keeps one row and the luma sums, the least the same output needs.
// Not handled, as not measured: CMYK JPEGs and interlaced PNGs.
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>
#include <png.h>

static const char ramp[] = " .:-=+*#%@";

/// One picture being read: whichever decoder it needs, and the row it hands out.
typedef struct {
    jmp_buf escape;  // both libraries' errors jump here
    struct jpeg_error_mgr jpeg_errors;
    struct jpeg_decompress_struct jpeg;
    int jpeg_created;
    png_structp png;
    png_infop png_info;
    const uint8_t *data;
    size_t size, offset;  // the PNG's bytes, read from memory
    uint32_t width, height, channels;  // of the decoded rows
    uint8_t *row;
    // The grid's buffers, here so that they survive a jump to `escape`.
    uint32_t *column_start, *column_end;
    uint64_t *sums, *weights;  // of one row of cells
    float *cells;
    char *text;
} decoder;

static void on_jpeg_error(j_common_ptr info) {
    char message[JMSG_LENGTH_MAX];
    info->err->format_message(info, message);
    fprintf(stderr, "stick: %s\n", message);
    longjmp(((decoder *)info->client_data)->escape, 1);
}

static void on_png_error(png_structp png, png_const_charp message) {
    fprintf(stderr, "stick: %s\n", message);
    longjmp(((decoder *)png_get_error_ptr(png))->escape, 1);
}

static void on_png_warning(png_structp png, png_const_charp message) { (void)png; (void)message; }

static void read_png_bytes(png_structp png, png_bytep target, size_t count) {
    decoder *d = png_get_io_ptr(png);
    if (count > d->size - d->offset) png_error(png, "file ends before the image does");
    memcpy(target, d->data + d->offset, count);
    d->offset += count;
}

/// Reads the header and starts decoding. Sets the decoded rows' size and `grid_width` ×
/// `grid_height`, the size pushin derives the grid from.
static void start(decoder *d, unsigned columns, uint32_t *grid_width, uint32_t *grid_height) {
    static const uint8_t png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (d->size >= 8 && !memcmp(d->data, png_signature, 8)) {
        d->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, d, on_png_error, on_png_warning);
        d->png_info = png_create_info_struct(d->png);
        png_set_read_fn(d->png, d, read_png_bytes);
        png_read_info(d->png, d->png_info);
        if (png_get_interlace_type(d->png, d->png_info) != PNG_INTERLACE_NONE)
            png_error(d->png, "interlaced PNGs are not handled");
        png_set_expand(d->png);
        png_set_scale_16(d->png);
        png_set_gray_to_rgb(d->png);
        png_set_option(d->png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);  // as pushin: chunk CRCs suffice
        png_read_update_info(d->png, d->png_info);
        d->width = png_get_image_width(d->png, d->png_info);
        d->height = png_get_image_height(d->png, d->png_info);
        d->channels = png_get_channels(d->png, d->png_info);
        uint32_t reduction = d->width / (2 * columns) ? d->width / (2 * columns) : 1;
        *grid_width = (d->width + reduction - 1) / reduction;
        *grid_height = (d->height + reduction - 1) / reduction;
    } else {
        d->jpeg.err = jpeg_std_error(&d->jpeg_errors);
        d->jpeg_errors.error_exit = on_jpeg_error;
        d->jpeg.client_data = d;
        jpeg_create_decompress(&d->jpeg);
        d->jpeg_created = 1;
        jpeg_mem_src(&d->jpeg, d->data, (unsigned long)d->size);
        jpeg_read_header(&d->jpeg, TRUE);
        if (d->jpeg.jpeg_color_space == JCS_CMYK || d->jpeg.jpeg_color_space == JCS_YCCK)
            ERREXIT(&d->jpeg, JERR_CONVERSION_NOTIMPL);
        unsigned denominator = 8;
        while (denominator > 1 && (d->jpeg.image_width + denominator - 1) / denominator < 2 * columns)
            denominator /= 2;
        d->jpeg.scale_num = 1;
        d->jpeg.scale_denom = denominator;
        d->jpeg.out_color_space = JCS_RGB;
        d->jpeg.do_fancy_upsampling = FALSE;
        jpeg_start_decompress(&d->jpeg);
        d->width = *grid_width = d->jpeg.output_width;
        d->height = *grid_height = d->jpeg.output_height;
        d->channels = 3;
    }
    d->row = malloc((size_t)d->width * d->channels);
}

static void read_row(decoder *d) {
    if (d->png) png_read_row(d->png, d->row, NULL);
    else jpeg_read_scanlines(&d->jpeg, &d->row, 1);
}

/// Resize.spans: where span `index` of `count` over `length` starts and ends.
static void span(uint32_t index, uint32_t count, uint32_t length, uint32_t *start, uint32_t *end) {
    uint64_t from = (uint64_t)index * length / count, to = (uint64_t)(index + 1) * length / count;
    *start = from < length - 1 ? (uint32_t)from : length - 1;
    *end = to > *start + 1 ? (uint32_t)to : *start + 1;
}

static void release(decoder *d) {
    if (d->png) png_destroy_read_struct(&d->png, &d->png_info, NULL);
    if (d->jpeg_created) jpeg_destroy_decompress(&d->jpeg);
    free(d->row);
    free(d->column_start);
    free(d->column_end);
    free(d->sums);
    free(d->weights);
    free(d->cells);
    free(d->text);
    free(d);
}

/// Converts one picture and writes its art to standard output. Returns 0 when it cannot.
static int convert(const uint8_t *data, size_t size, unsigned columns) {
    decoder *d = calloc(1, sizeof *d);
    d->data = data;
    d->size = size;
    if (setjmp(d->escape)) {
        release(d);
        return 0;
    }
    uint32_t grid_width, grid_height;
    start(d, columns, &grid_width, &grid_height);
    unsigned rows = (unsigned)fmax(1, round((double)columns * grid_height / grid_width / 2));
    d->column_start = malloc(columns * sizeof *d->column_start);
    d->column_end = malloc(columns * sizeof *d->column_end);
    d->sums = malloc(columns * sizeof *d->sums);
    d->weights = malloc(columns * sizeof *d->weights);
    d->cells = malloc((size_t)columns * rows * sizeof *d->cells);
    d->text = malloc((size_t)(columns + 1) * rows);
    for (unsigned c = 0; c < columns; c++) span(c, columns, d->width, &d->column_start[c], &d->column_end[c]);

    uint32_t rows_read = 0;  // d->row holds row rows_read - 1
    for (unsigned r = 0; r < rows; r++) {
        uint32_t top, bottom;
        span(r, rows, d->height, &top, &bottom);
        memset(d->sums, 0, columns * sizeof *d->sums);
        memset(d->weights, 0, columns * sizeof *d->weights);
        for (uint32_t y = top; y < bottom; y++) {
            for (; rows_read <= y; rows_read++) read_row(d);
            for (unsigned c = 0; c < columns; c++) {
                const uint8_t *pixel = d->row + (size_t)d->column_start[c] * d->channels;
                uint64_t sum = 0, weight = 0;
                if (d->channels == 4) {
                    for (uint32_t x = d->column_start[c]; x < d->column_end[c]; x++, pixel += 4) {
                        sum += (77u * pixel[0] + 150u * pixel[1] + 29u * pixel[2]) * pixel[3];
                        weight += pixel[3];
                    }
                } else {
                    for (uint32_t x = d->column_start[c]; x < d->column_end[c]; x++, pixel += 3)
                        sum += 77u * pixel[0] + 150u * pixel[1] + 29u * pixel[2];
                    weight = d->column_end[c] - d->column_start[c];
                }
                d->sums[c] += sum;
                d->weights[c] += weight;
            }
        }
        for (unsigned c = 0; c < columns; c++)
            d->cells[r * columns + c] = d->weights[c] ? (float)d->sums[c] / 256 / d->weights[c] : 0;
    }
    if (!d->png) jpeg_finish_decompress(&d->jpeg);  // reads on to the end, as pushin does

    size_t count = (size_t)columns * rows;
    float low = 255, high = 0;
    for (size_t i = 0; i < count; i++) {
        if (d->cells[i] < low) low = d->cells[i];
        if (d->cells[i] > high) high = d->cells[i];
    }
    if (high - low < 1) low = 0, high = 255;  // one flat brightness: not stretched
    float scale = (sizeof ramp - 2) / (high - low);
    char *out = d->text;
    for (size_t i = 0; i < count; i++) {
        *out++ = ramp[lroundf((d->cells[i] - low) * scale)];
        if (i % columns == columns - 1) *out++ = '\n';
    }
    fwrite(d->text, 1, (size_t)(out - d->text), stdout);
    release(d);
    return 1;
}

int main(int argc, char **argv) {
    unsigned columns = 80;
    int first = 1;
    if (argc > 2 && !strcmp(argv[1], "-w")) {
        columns = (unsigned)atoi(argv[2]);
        first = 3;
    }
    if (columns == 0 || first >= argc) {
        fprintf(stderr, "usage: stick [-w COLUMNS] FILE...\n");
        return 2;
    }
    int status = 0;
    for (int i = first; i < argc; i++) {
        FILE *file = fopen(argv[i], "rb");
        if (!file) { perror(argv[i]); status = 1; continue; }
        fseek(file, 0, SEEK_END);
        size_t size = (size_t)ftell(file);
        rewind(file);
        uint8_t *data = malloc(size ? size : 1);
        size_t got = fread(data, 1, size, file);
        fclose(file);
        if (got != size || !convert(data, size, columns)) {
            fprintf(stderr, "stick: cannot convert %s\n", argv[i]);
            status = 1;
        }
        free(data);
    }
    return status;
}
