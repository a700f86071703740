// The C edge of pushin: decoders that catch their libraries' errors inside C.
#include "pushin_decoded_image.h"
#include "pushin_input.h"
#include "pushin_jpeg.h"
#include "pushin_png.h"
#include "pushin_animation.h"
