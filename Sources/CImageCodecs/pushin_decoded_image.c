#include "pushin_decoded_image.h"
#include "pushin_reduction.h"

#include <stdlib.h>

void pushin_decoded_image_release(pushin_decoded_image *image) {
    free(image->pixels);
    image->pixels = NULL;
}

uint32_t pushin_divide_rounding_up(uint32_t value, uint32_t divisor) {
    return (uint32_t)(((uint64_t)value + divisor - 1) / divisor);
}

int pushin_reduced_over_output_limit(uint32_t width, uint32_t height, uint32_t reduction) {
    return (uint64_t)pushin_divide_rounding_up(width, reduction) * pushin_divide_rounding_up(height, reduction) >
           PUSHIN_MAX_OUTPUT_PIXELS;
}

uint32_t pushin_choose_reduction(uint32_t width, uint32_t height, uint32_t min_width, uint32_t min_height) {
    uint32_t across = min_width ? width / min_width : UINT32_MAX;
    uint32_t down = min_height ? height / min_height : UINT32_MAX;
    uint32_t reduction = across < down ? across : down;
    if (reduction == 0 || reduction == UINT32_MAX) reduction = 1;
    while (pushin_reduced_over_output_limit(width, height, reduction)) reduction++;
    return reduction;
}
