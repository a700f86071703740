#include "pushin_decoded_image.h"

#include <stdlib.h>

void pushin_decoded_image_release(pushin_decoded_image *image) {
    free(image->pixels);
    image->pixels = NULL;
}
