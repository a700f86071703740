// The measuring stick for GIF stills: giflib alone, reading a file's first frame into a row
// buffer and nothing else (no compositing, no output). Built and run by Benchmarks/animation.sh.
#include <gif_lib.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int error = 0;
    GifFileType *gif = argc > 1 ? DGifOpenFileName(argv[1], &error) : NULL;
    if (!gif) return fprintf(stderr, "usage: gif-first-frame FILE.gif\n"), 2;
    GifRecordType record;
    while (DGifGetRecordType(gif, &record) == GIF_OK && record != TERMINATE_RECORD_TYPE) {
        if (record == EXTENSION_RECORD_TYPE) {
            int code;
            GifByteType *block;
            if (DGifGetExtension(gif, &code, &block) == GIF_ERROR) return 1;
            while (block)
                if (DGifGetExtensionNext(gif, &block) == GIF_ERROR) return 1;
            continue;
        }
        if (DGifGetImageDesc(gif) == GIF_ERROR) return 1;
        GifPixelType *line = malloc((size_t)gif->Image.Width);
        for (int y = 0; y < gif->Image.Height; y++)
            if (DGifGetLine(gif, line, gif->Image.Width) == GIF_ERROR) return 1;
        free(line);
        break;
    }
    DGifCloseFile(gif, &error);
    return 0;
}
