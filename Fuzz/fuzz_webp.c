// libFuzzer target: pushin_webp_decode, called as Sources/ImageDecoding/CodecCall.swift calls it.
// See fuzz_common.h for how an input becomes the file and the request.
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const uint8_t signature[4] = {'R', 'I', 'F', 'F'};
    return fuzz_animation(data, size, signature, sizeof signature, pushin_webp_decode);
}
