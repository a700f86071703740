// The giflib edge. giflib reports errors by return value, so no jump is involved; the file is
// read frame by frame from memory (never slurped), and every limit is checked before the
// memory it guards is allocated: the canvas against the pixel budget as soon as the screen
// descriptor is read, each frame against the frame cap and the work bound before its pixels.
#include "pushin_animation.h"
#include "pushin_animation_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gif_lib.h>

typedef struct {
    const uint8_t *data;
    size_t size, offset;
} memory_source;

static int read_from_memory(GifFileType *gif, GifByteType *target, int count) {
    memory_source *source = gif->UserData;
    size_t left = source->size - source->offset;
    size_t taken = count < 0 ? 0 : (size_t)count < left ? (size_t)count : left;
    memcpy(target, source->data + source->offset, taken);
    source->offset += taken;
    return (int)taken;
}

/// The graphic control of the next frame: how it is shown and what happens after it.
typedef struct {
    int disposal, transparent;
    uint32_t delay_ms;
} frame_control;

static const frame_control default_control = {DISPOSAL_UNSPECIFIED, NO_TRANSPARENT_COLOR, 100};

/// A frame's rectangle, clipped to the canvas.
typedef struct {
    uint32_t left, top, right, bottom;
} rectangle;

typedef struct {
    GifFileType *gif;
    memory_source source;
    pushin_decoded_animation *result;
    const pushin_animation_request *request;
    uint8_t *canvas;          // the composited picture, RGBA
    uint8_t *saved;           // the canvas under a "restore to previous" frame, RGBA
    GifPixelType *line;       // one row of colour indexes
    uint64_t work;
} decoder;

/// Records a giflib error: fatal (returns FAILED) before any frame was kept or read past,
/// else a warning that ends the animation after the frames already composited.
static pushin_decode_status stop_on_error(decoder *state, int error) {
    const char *reason = GifErrorString(error);
    if (error == D_GIF_ERR_READ_FAILED) reason = "file ends before the image does";
    if (!reason) reason = "unreadable GIF data";
    if (state->result->frame_count == 0) {
        pushin_animation_message(state->result, reason);
        return PUSHIN_DECODE_FAILED;
    }
    if (state->result->warning_count++ == 0) pushin_animation_message(state->result, reason);
    return PUSHIN_DECODE_OK;
}

/// Reads an extension: the graphic control block into `control`, NETSCAPE2.0's loop count
/// into the result; every other extension is skipped.
static int read_extension(decoder *state, frame_control *control) {
    int code;
    GifByteType *block;
    if (DGifGetExtension(state->gif, &code, &block) == GIF_ERROR) return GIF_ERROR;
    int netscape = 0;
    if (block && code == GRAPHICS_EXT_FUNC_CODE) {
        GraphicsControlBlock gcb;
        if (DGifExtensionToGCB(block[0], block + 1, &gcb) == GIF_OK) {
            control->disposal = gcb.DisposalMode;
            control->transparent = gcb.TransparentColor;
            // Browsers show a delay of 0 or 1 hundredths as 100 ms.
            control->delay_ms = gcb.DelayTime <= 1 ? 100 : (uint32_t)gcb.DelayTime * 10;
        }
    } else if (block && code == APPLICATION_EXT_FUNC_CODE && block[0] == 11 &&
               memcmp(block + 1, "NETSCAPE2.0", 11) == 0) {
        netscape = 1;
    }
    while (block) {
        if (DGifGetExtensionNext(state->gif, &block) == GIF_ERROR) return GIF_ERROR;
        if (netscape && block && block[0] >= 3 && block[1] == 1) {
            // The stored count is of repeats after the first play; 0 means forever.
            unsigned repeats = block[2] | (unsigned)block[3] << 8;
            state->result->loop_count = repeats == 0 ? 0 : repeats + 1;
            netscape = 0;
        }
    }
    return GIF_OK;
}

/// The row each line of a frame lands on: in order, or in the four passes of interlacing.
static uint32_t interlaced_row(uint32_t line, uint32_t height) {
    static const uint32_t start[] = {0, 4, 2, 1}, step[] = {8, 8, 4, 2};
    for (int pass = 0; pass < 4; pass++) {
        uint32_t count = height > start[pass] ? (height - start[pass] + step[pass] - 1) / step[pass] : 0;
        if (line < count) return start[pass] + line * step[pass];
        line -= count;
    }
    return height;  // unreachable for line < height
}

/// Decodes the frame whose descriptor was just read and draws it onto the canvas.
static int draw_frame(decoder *state, const frame_control *control, rectangle clip) {
    GifImageDesc *image = &state->gif->Image;
    ColorMapObject *palette = image->ColorMap ? image->ColorMap : state->gif->SColorMap;
    uint32_t width = (uint32_t)image->Width, height = (uint32_t)image->Height;
    uint32_t canvas_width = state->result->declared_width;
    for (uint32_t line = 0; line < height; line++) {
        if (DGifGetLine(state->gif, state->line, (int)width) == GIF_ERROR) return GIF_ERROR;
        uint32_t y = (uint32_t)image->Top + (image->Interlace ? interlaced_row(line, height) : line);
        // A frame wholly outside the canvas is read (its data must be consumed) but not drawn.
        if (y < clip.top || y >= clip.bottom || clip.left >= clip.right) continue;
        uint8_t *pixel = state->canvas + ((size_t)y * canvas_width + clip.left) * 4;
        const GifPixelType *index = state->line + (clip.left - (uint32_t)image->Left);
        for (uint32_t x = clip.left; x < clip.right; x++, pixel += 4, index++) {
            // Transparent and out-of-palette indexes leave the canvas as it is.
            if (*index == control->transparent || !palette || *index >= palette->ColorCount) continue;
            GifColorType colour = palette->Colors[*index];
            pixel[0] = colour.Red;
            pixel[1] = colour.Green;
            pixel[2] = colour.Blue;
            pixel[3] = 255;
        }
    }
    return GIF_OK;
}

/// Copies a rectangle of the canvas to or from `saved` (which has the canvas's layout).
static void copy_rectangle(uint8_t *to, const uint8_t *from, rectangle area, uint32_t canvas_width) {
    for (uint32_t y = area.top; y < area.bottom; y++) {
        size_t offset = ((size_t)y * canvas_width + area.left) * 4;
        memcpy(to + offset, from + offset, (size_t)(area.right - area.left) * 4);
    }
}

/// Undoes a frame as its disposal says, before the next frame is drawn.
static void dispose(decoder *state, int disposal, rectangle area) {
    uint32_t canvas_width = state->result->declared_width;
    if (disposal == DISPOSE_BACKGROUND) {
        // Browsers clear to transparent, not to the background colour the file names.
        for (uint32_t y = area.top; y < area.bottom; y++)
            memset(state->canvas + ((size_t)y * canvas_width + area.left) * 4, 0, (size_t)(area.right - area.left) * 4);
    } else if (disposal == DISPOSE_PREVIOUS && state->saved) {
        copy_rectangle(state->canvas, state->saved, area, canvas_width);
    }
}

static pushin_decode_status read_frames(decoder *state) {
    pushin_decoded_animation *result = state->result;
    const pushin_animation_request *request = state->request;
    uint32_t canvas_width = result->declared_width, canvas_height = result->declared_height;
    frame_control control = default_control;
    int previous_disposal = DISPOSAL_UNSPECIFIED;
    rectangle previous_area = {0, 0, 0, 0};
    uint32_t index = 0;
    for (;;) {
        GifRecordType record;
        if (DGifGetRecordType(state->gif, &record) == GIF_ERROR) return stop_on_error(state, state->gif->Error);
        if (record == TERMINATE_RECORD_TYPE) break;
        if (record == EXTENSION_RECORD_TYPE) {
            if (read_extension(state, &control) == GIF_ERROR) return stop_on_error(state, state->gif->Error);
            continue;
        }
        if (record != IMAGE_DESC_RECORD_TYPE) return stop_on_error(state, D_GIF_ERR_WRONG_RECORD);
        if (pushin_animation_done(request, index)) {
            // Every kept frame is in; a second image descriptor still says "animated".
            result->animated = 1;
            break;
        }
        if (DGifGetImageDesc(state->gif) == GIF_ERROR) return stop_on_error(state, state->gif->Error);
        GifImageDesc *image = &state->gif->Image;
        if (index > 0) result->animated = 1;
        uint64_t frame_pixels = (uint64_t)image->Width * image->Height;
        if (frame_pixels > request->max_pixels) {
            snprintf(result->message, sizeof result->message, "a frame of %d × %d pixels is over the pixel budget",
                     image->Width, image->Height);
            return PUSHIN_DECODE_FAILED;
        }
        if (pushin_animation_charge(result, request, index, frame_pixels, &state->work) != PUSHIN_LIMIT_NONE) break;
        if (image->Width <= 0 || image->Height <= 0 || image->Left < 0 || image->Top < 0)
            return stop_on_error(state, D_GIF_ERR_NO_IMAG_DSCR);

        dispose(state, previous_disposal, previous_area);
        rectangle area = {
            (uint32_t)image->Left < canvas_width ? (uint32_t)image->Left : canvas_width,
            (uint32_t)image->Top < canvas_height ? (uint32_t)image->Top : canvas_height,
            (uint64_t)image->Left + image->Width < canvas_width ? (uint32_t)(image->Left + image->Width) : canvas_width,
            (uint64_t)image->Top + image->Height < canvas_height ? (uint32_t)(image->Top + image->Height) : canvas_height,
        };
        if (control.disposal == DISPOSE_PREVIOUS) {
            if (!state->saved && !(state->saved = malloc((size_t)canvas_width * canvas_height * 4)))
                return PUSHIN_DECODE_OUT_OF_MEMORY;
            copy_rectangle(state->saved, state->canvas, area, canvas_width);
        }
        GifPixelType *line = realloc(state->line, (size_t)image->Width);
        if (!line) return PUSHIN_DECODE_OUT_OF_MEMORY;
        state->line = line;
        int drawn = draw_frame(state, &control, area);
        // A frame cut short is kept as far as it came, with a warning: strict callers refuse it.
        if (pushin_animation_keeps(request, index) && !pushin_animation_keep(result, state->canvas, control.delay_ms))
            return PUSHIN_DECODE_OUT_OF_MEMORY;
        result->frames_read = ++index;
        if (drawn == GIF_ERROR) return stop_on_error(state, state->gif->Error);
        previous_disposal = control.disposal;
        previous_area = area;
        control = default_control;
    }
    if (index == 0) {
        pushin_animation_message(result, "no image in the file");
        return PUSHIN_DECODE_FAILED;
    }
    return PUSHIN_DECODE_OK;
}

pushin_decode_status pushin_gif_decode(const uint8_t *data, size_t size,
                                       const pushin_animation_request *request,
                                       pushin_decoded_animation *result) {
    pushin_animation_begin(result);
    decoder state = {.source = {data, size, 0}, .result = result, .request = request};
    int error = 0;
    state.gif = DGifOpen(&state.source, read_from_memory, &error);
    if (!state.gif) {
        pushin_animation_message(result, GifErrorString(error) ? GifErrorString(error) : "not a GIF file");
        return error == D_GIF_ERR_NOT_ENOUGH_MEM ? PUSHIN_DECODE_OUT_OF_MEMORY : PUSHIN_DECODE_FAILED;
    }
    pushin_decode_status status = PUSHIN_DECODE_OK;
    uint32_t width = (uint32_t)state.gif->SWidth, height = (uint32_t)state.gif->SHeight;
    pushin_animation_set_canvas(result, request, width, height);
    if (width == 0 || height == 0) {
        pushin_animation_message(result, "the canvas has no pixels");
        status = PUSHIN_DECODE_FAILED;
    } else if ((uint64_t)width * height > request->max_pixels) {
        status = PUSHIN_DECODE_TOO_LARGE;
    } else if (!pushin_canvas_fits(result, "a GIF")) {
        status = PUSHIN_DECODE_OVER_LIMIT;
    } else if (!(state.canvas = calloc((size_t)width * height, 4))) {
        status = PUSHIN_DECODE_OUT_OF_MEMORY;
    } else {
        status = read_frames(&state);
    }
    DGifCloseFile(state.gif, &error);
    free(state.canvas);
    free(state.saved);
    free(state.line);
    if (status != PUSHIN_DECODE_OK) pushin_decoded_animation_release(result);
    return status;
}
