/*
 * edit_keys.c - turning the bytes a terminal sends into keys. Most keys
 * are one byte; the arrows, Home, End and Delete come as escape sequences:
 * ESC [ A..D (ESC O A..D in some terminals' application mode), ESC [ H or
 * ESC [ 1 ~ or ESC [ 7 ~ (Home), ESC [ F, 4 ~ or 8 ~ (End), ESC [ 3 ~
 * (Delete); with Ctrl held, ESC [ 1 ; 5 C and D move by words, as do
 * ESC f and ESC b (Meta). Sequences the editor has no use for are
 * swallowed whole.
 */
#include "edit_impl.h"

static void
reset(struct keys *k)
{
	k->n = 0;
}

/* The key an ESC [ sequence ends with `final' stands for. */
static int
csi(const struct keys *k, int final)
{
	int param = 0, mod = 0, i, *cur = &param;

	for (i = 2; i < k->n; i++) {
		if (k->seq[i] == ';')
			cur = &mod;
		else if (k->seq[i] >= '0' && k->seq[i] <= '9')
			*cur = *cur * 10 + (k->seq[i] - '0');
	}
	switch (final) {
	case 'A':
		return K_UP;
	case 'B':
		return K_DOWN;
	case 'C':
		return mod == 5 || mod == 3 ? K_WORD_RIGHT : K_RIGHT;
	case 'D':
		return mod == 5 || mod == 3 ? K_WORD_LEFT : K_LEFT;
	case 'H':
		return K_HOME;
	case 'F':
		return K_END;
	case '~':
		if (param == 1 || param == 7)
			return K_HOME;
		if (param == 4 || param == 8)
			return K_END;
		if (param == 3)
			return K_DELETE;
		break;
	}
	return K_NONE;
}

/*
 * Feeds one byte. Returns the key it completes, or K_NONE while a
 * sequence is still open (or when it stood for nothing the editor knows).
 */
int
edit_key(struct keys *k, int byte)
{
	if (k->n == 0) {
		if (byte != 0x1b)
			return byte;
		k->seq[k->n++] = (unsigned char)byte;
		return K_NONE;
	}
	if (k->n == (int)sizeof(k->seq)) {	/* too long: not one we know */
		reset(k);
		return K_NONE;
	}
	k->seq[k->n++] = (unsigned char)byte;
	if (k->n == 2) {
		if (byte == '[' || byte == 'O')
			return K_NONE;
		reset(k);
		if (byte == 'b')
			return K_WORD_LEFT;
		if (byte == 'f')
			return K_WORD_RIGHT;
		return byte == 0x1b ? K_NONE : byte;	/* ESC x: just x */
	}
	if (k->seq[1] == 'O' || (byte >= 0x40 && byte <= 0x7e)) {
		/* ESC O x, or the final byte of ESC [ ... */
		byte = csi(k, byte);
		reset(k);
		return byte;
	}
	return K_NONE;
}
