/* libpng reports errors by longjmp-ing out of its own calls. A longjmp across Swift frames
   is undefined behaviour, so every libpng call lives in convlab_png_decode below: it sets
   the jump target itself, and Swift only ever sees a status code and a message. */
#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    CONVLAB_PNG_OK = 0,
    /* The first eight bytes are not the PNG signature. */
    CONVLAB_PNG_NOT_PNG = 1,
    /* libpng refused the file; the message says why (truncated, bad CRC, bad chunk...). */
    CONVLAB_PNG_FAILED = 2,
    /* The header names more pixels than the caller allows; width and height are set. */
    CONVLAB_PNG_TOO_LARGE = 3,
    CONVLAB_PNG_NO_MEMORY = 4,
};

/* A decoded image after the transforms: palette entries become RGB, 1-, 2- and 4-bit gray
   becomes 8-bit, and alpha is stripped. 16-bit images stay 16-bit (two bytes per sample,
   most significant first) so that Swift can scale them exactly. */
typedef struct {
    unsigned char *pixels;
    uint32_t width;
    uint32_t height;
    /* Samples per pixel in `pixels`: 1 gray or 3 RGB (2 and 4 only if alpha survived). */
    int channels;
    int bytes_per_sample;
    size_t row_bytes;
    /* As written in the file's header, for messages and tests. */
    int file_bit_depth;
    int file_color_type;
    char message[200];
} convlab_png_image;

typedef struct {
    const unsigned char *bytes;
    size_t length;
    size_t offset;
} convlab_png_source;

static inline void convlab_png_read_bytes(png_structp png, png_bytep target, size_t count) {
    convlab_png_source *source = (convlab_png_source *)png_get_io_ptr(png);
    if (count > source->length - source->offset) {
        png_error(png, "the file ends early (truncated)");
    }
    memcpy(target, source->bytes + source->offset, count);
    source->offset += count;
}

/* Keeps libpng's message and jumps back into convlab_png_decode; libpng's default handler
   would print to stderr, which must never happen while curses owns the screen. */
static inline void convlab_png_on_error(png_structp png, png_const_charp message) {
    convlab_png_image *image = (convlab_png_image *)png_get_error_ptr(png);
    snprintf(image->message, sizeof image->message, "%s", message);
    png_longjmp(png, 1);
}

static inline void convlab_png_on_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

/* Decodes a whole PNG file held in memory. On CONVLAB_PNG_OK the caller owns
   image->pixels and frees it with convlab_png_free. Images wider or taller than max_side,
   or with more than max_values samples (height x width x channels), are refused before any
   pixel memory is allocated. */
static inline int convlab_png_decode(const unsigned char *bytes, size_t length,
                                     uint32_t max_side, uint64_t max_values,
                                     convlab_png_image *image) {
    memset(image, 0, sizeof *image);
    if (length < 8 || png_sig_cmp(bytes, 0, 8) != 0) return CONVLAB_PNG_NOT_PNG;

    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, image,
                                             convlab_png_on_error, convlab_png_on_warning);
    if (!png) return CONVLAB_PNG_NO_MEMORY;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_read_struct(&png, NULL, NULL);
        return CONVLAB_PNG_NO_MEMORY;
    }
    convlab_png_source source = {bytes, length, 0};
    /* Changed after setjmp and read after the jump, so they must be volatile. */
    unsigned char *volatile pixels = NULL;
    png_bytep *volatile rows = NULL;
    if (setjmp(png_jmpbuf(png))) {
        free(pixels);
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        return CONVLAB_PNG_FAILED;
    }

    png_set_read_fn(png, &source, convlab_png_read_bytes);
    png_read_info(png, info);
    png_uint_32 width = 0, height = 0;
    int bit_depth = 0, color_type = 0;
    png_get_IHDR(png, info, &width, &height, &bit_depth, &color_type, NULL, NULL, NULL);
    image->width = width;
    image->height = height;
    image->file_bit_depth = bit_depth;
    image->file_color_type = color_type;
    uint64_t planes = (color_type & PNG_COLOR_MASK_COLOR) ? 3 : 1;
    if (width > max_side || height > max_side
        || (uint64_t)width * (uint64_t)height * planes > max_values) {
        png_destroy_read_struct(&png, &info, NULL);
        return CONVLAB_PNG_TOO_LARGE;
    }

    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    /* A tRNS chunk can turn into an alpha channel during expansion; strip that one too. */
    if ((color_type & PNG_COLOR_MASK_ALPHA) || png_get_valid(png, info, PNG_INFO_tRNS)) {
        png_set_strip_alpha(png);
    }
    png_set_interlace_handling(png);
    png_read_update_info(png, info);

    size_t row_bytes = png_get_rowbytes(png, info);
    pixels = (unsigned char *)malloc(row_bytes * (size_t)height);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * (size_t)height);
    if (!pixels || !rows) {
        free(pixels);
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        return CONVLAB_PNG_NO_MEMORY;
    }
    for (png_uint_32 row = 0; row < height; row++) rows[row] = pixels + row * row_bytes;
    png_read_image(png, rows);
    png_read_end(png, NULL);

    image->pixels = pixels;
    image->channels = png_get_channels(png, info);
    image->bytes_per_sample = png_get_bit_depth(png, info) == 16 ? 2 : 1;
    image->row_bytes = row_bytes;
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    return CONVLAB_PNG_OK;
}

static inline void convlab_png_free(convlab_png_image *image) {
    free(image->pixels);
    image->pixels = NULL;
}
