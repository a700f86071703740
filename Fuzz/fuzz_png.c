// libFuzzer target: pushin_png_decode, called as Sources/ImageDecoding/CodecCall.swift calls it,
// from memory and from a file.
// See fuzz_common.h for how an input becomes the file and the options.
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    fuzz_options options;
    if (!fuzz_take_options(&data, &size, signature, sizeof signature, 3, &options)) return 0;
    fuzz_still(data, size, &options, pushin_png_decode);
    return 0;
}
