/*
 * disasm.c - decoding one i386 instruction and printing it as objdump does.
 *
 * The steps are those of the hardware: prefixes, the opcode (one byte, 0F
 * and a second byte, or an x87 escape), the ModRM byte with its SIB byte and
 * displacement, then the immediates. The tables (dis_tab.c, dis_sse.c,
 * dis_x87.c) give the mnemonic and the operand kinds; this file turns each
 * kind into text. Prefixes the instruction does not use (a "lock", a "rep"
 * on a non-string instruction, a segment override with no memory operand)
 * are printed as words before the mnemonic, as objdump prints them.
 */
#include <stdio.h>
#include <string.h>
#include "disasm.h"
#include "dis_impl.h"

static const char *const cmp_preds[8] = {
	"eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord" };

/* The entry for a two-byte opcode b, choosing by the mandatory prefix. */
static const struct dis_op *
twobyte(struct dec *d, uint8_t b)
{
	int want = d->rep ? d->rep : d->opsize16 ? 0x66 : 0, i;

	for (i = 0; i < dis_nsse && want != 0; i++)
		if (dis_sse_ops[i].opcode == b && dis_sse_ops[i].prefix == want) {
			if (want == 0x66) {
				d->used_opsize = 1;
				d->opsize16 = 0;
			} else
				d->used_rep = 1;
			return &dis_sse_ops[i].op;
		}
	for (i = 0; i < dis_nsse; i++)
		if (dis_sse_ops[i].opcode == b && dis_sse_ops[i].prefix == 0)
			return &dis_sse_ops[i].op;
	return &dis_twobyte[b];
}

/* The opcode's entry, after the prefixes; *tmp holds one made up here. */
static const struct dis_op *
select_op(struct dec *d, struct dis_op *tmp)
{
	static const char *const fences[3] = { "lfence", "mfence", "sfence" };
	const struct dis_op *op;
	uint8_t b = dis_fetch(d, 1);

	memset(tmp, 0, sizeof(*tmp));
	if (b == 0x0f) {
		b = dis_fetch(d, 1);
		if (b == 0x1e && d->rep == 0xf3 && d->p < d->end &&
		    *d->p == 0xfb) {
			d->p++;
			d->used_rep = 1;
			tmp->name = "endbr32";
			return tmp;
		}
		op = twobyte(d, b);
	} else if (b >= 0xd8 && b <= 0xdf) {
		dis_read_modrm(d);
		dis_x87(b - 0xd8, d->modrm, tmp);
		return tmp;
	} else if (b == 0x90 && d->rep == 0xf3) {
		d->used_rep = 1;
		tmp->name = "pause";
		return tmp;
	} else if (b == 0x90 && d->opsize16) {
		tmp->name = "xchg";
		tmp->opnd[0] = tmp->opnd[1] = K_eAX;
		return tmp;
	} else
		op = &dis_onebyte[b];
	if (!(op->flags & F_GRP))
		return op;
	dis_read_modrm(d);
	if (op->opnd[0] == G15 && d->mod == 3) {
		tmp->name = d->reg >= 5 ? fences[d->reg - 5] : NULL;
		return tmp;
	}
	return &dis_groups[op->opnd[0]][d->reg];
}

/* The prefixes the instruction left unused, as objdump names them. */
static size_t
prefix_words(struct dec *d, const struct dis_op *op, char *b, size_t n)
{
	const char *w;
	size_t len = 0;
	int i;

	b[0] = '\0';
	for (i = 0; i < d->nprefix && len < n; i++) {
		switch (d->prefixes[i]) {
		case 0xf0:
			w = "lock";
			break;
		case 0xf3:
			w = d->used_rep ? NULL : op->flags & F_REP ? "rep" : "repz";
			break;
		case 0xf2:
			w = d->used_rep ? NULL : "repnz";
			break;
		case 0x66:
			w = d->used_opsize ? NULL : "data16";
			break;
		case 0x67:
			w = d->have_modrm ? NULL : "addr16";
			break;
		default:
			w = d->used_seg ? NULL : dis_sregs[d->seg];
			break;
		}
		if (w != NULL)
			len += snprintf(b + len, n - len, "%s ", w);
	}
	return len < n ? len : n - 1;
}

/* The mnemonic with its size suffix, as the flags of op ask. */
static void
mnemonic(struct dec *d, const struct dis_op *op, char *b, size_t n)
{
	const char *name = op->name, *bar = strchr(name, '|');
	char suffix = 0;
	int i, len;

	len = bar != NULL ? (int)(bar - name) : (int)strlen(name);
	if (bar != NULL && (((op->flags & F_ALT) && d->opsize16) ||
	    ((op->flags & F_REGALT) && d->mod == 3))) {
		name = bar + 1;
		len = strlen(name);
	}
	if ((op->flags & F_Q) && d->have_modrm && d->mod != 3)
		for (i = 0; i < 3 && suffix == 0; i++)
			if (op->opnd[i] >= K_Eb && op->opnd[i] <= K_Ed)
				suffix = dis_size_of(d, op->opnd[i]);
	if (op->flags & F_R)
		for (i = 0; i < 3; i++)
			if (dis_size_of(d, op->opnd[i]))
				suffix = dis_size_of(d, op->opnd[i]);
	if ((op->flags & F_P) && d->opsize16)
		suffix = 'w';
	snprintf(b, n, "%.*s%.1s", len, name, suffix ? &suffix : "");
	/* A cs or ds prefix on a conditional jump is a hint: "je,pn". */
	if (name[0] == 'j' && strcmp(name, "jmp") != 0 &&
	    strcmp(name, "jecxz") != 0 && (d->seg == 1 || d->seg == 3)) {
		d->used_seg = 1;
		snprintf(b + len, n - len, ",%s", d->seg == 1 ? "pn" : "pt");
	}
}

static int
decode(struct dec *d, char *text)
{
	char ops[3][72], pre[48], mn[48], line[DIS_TEXTMAX];
	const struct dis_op *op;
	struct dis_op tmp;
	int i, nops = 0;
	uint8_t b;

	for (;;) {
		b = d->p < d->end ? *d->p : 0;
		if (b == 0x26 || b == 0x2e || b == 0x36 || b == 0x3e)
			d->seg = (b >> 3) & 3;
		else if (b == 0x64 || b == 0x65)
			d->seg = b - 0x60;
		else if (b == 0x66)
			d->opsize16 = 1;
		else if (b == 0x67)
			d->adsize16 = 1;
		else if (b == 0xf2 || b == 0xf3)
			d->rep = b;
		else if (b != 0xf0 || (d->lock = 1) == 0)
			break;
		if (d->nprefix == DIS_MAXLEN - 1)
			break;
		d->prefixes[d->nprefix++] = *d->p++;
	}
	op = select_op(d, &tmp);
	if (op->name == NULL || d->truncated)
		return -1;
	if ((op->flags & F_MMX) && d->opsize16 && !d->used_opsize) {
		d->xmm = 1;
		d->used_opsize = 1;
		d->opsize16 = 0;
	}
	for (i = 0; i < 3 && op->opnd[i] != K_NONE; i++)
		if (dis_needs_modrm(op->opnd[i]) && !d->have_modrm)
			dis_read_modrm(d);
	for (i = 0; i < 3 && op->opnd[i] != K_NONE; i++) {
		if (dis_size_of(d, op->opnd[i]) && d->opsize16)
			d->used_opsize = 1;
		if (dis_operand(d, op->opnd[i], ops[nops] + 1, sizeof(ops[0]) - 1))
			return -1;
		ops[nops][0] = '*';
		nops++;
	}
	if (op->flags & (F_P | F_ALT | F_R))
		d->used_opsize = 1;
	mnemonic(d, op, mn, sizeof(mn));
	if (op->flags & F_CMPP) {
		uint8_t pred = dis_fetch(d, 1);
		char *star = strchr(mn, '*');

		memmove(star + (pred < 8 ? strlen(cmp_preds[pred]) : 0),
		    star + 1, strlen(star));
		if (pred < 8)
			memcpy(star, cmp_preds[pred], strlen(cmp_preds[pred]));
		else {
			memmove(ops[1], ops[0], sizeof(ops[0]) * 2);
			snprintf(ops[0] + 1, sizeof(ops[0]) - 1, "$0x%x", pred);
			nops++;
		}
	}
	if (d->truncated)
		return -1;
	i = prefix_words(d, op, pre, sizeof(pre));
	snprintf(line, sizeof(line), "%s%s", pre, mn);
	if (nops > 0) {
		i = strlen(line);
		snprintf(line + i, sizeof(line) - i, "%*s", i < 6 ? 7 - i : 1, "");
	}
	for (i = 0; i < nops; i++) {
		size_t l = strlen(line);

		snprintf(line + l, sizeof(line) - l, "%s%s", i ? "," : "",
		    ops[i] + !(op->flags & F_STAR));
	}
	memcpy(text, line, DIS_TEXTMAX);
	return 0;
}

int
dis_decode(const uint8_t *code, size_t avail, uint32_t addr,
    dis_target_fn target, void *arg, char *text)
{
	struct dec d;
	char next[DIS_TEXTMAX];
	int len;

	memset(&d, 0, sizeof(d));
	d.start = d.p = code;
	d.end = code + (avail < DIS_MAXLEN ? avail : DIS_MAXLEN);
	d.addr = addr;
	d.seg = -1;
	d.target = target;
	d.arg = arg;
	if (decode(&d, text) != 0) {
		snprintf(text, DIS_TEXTMAX, "(bad)");
		return d.p > d.start ? (int)(d.p - d.start) : 1;
	}
	len = d.p - d.start;
	/*
	 * fwait before an x87 instruction is one instruction to objdump:
	 * fwait; fnstsw is "fstsw", fwait; fld1 just "fld1".
	 */
	if (len == 1 && code[0] == 0x9b && avail > 1 &&
	    (code[1] & 0xf8) == 0xd8) {
		int n = dis_decode(code + 1, avail - 1, addr + 1, target, arg,
		    next);
		const char *ops = strchr(next, ' ');
		int mlen = ops ? (int)(ops - next) : (int)strlen(next);

		if (strcmp(next, "(bad)") == 0)
			return len;
		while (ops != NULL && *ops == ' ')
			ops++;
		if (strncmp(next, "fn", 2) == 0)
			snprintf(text, DIS_TEXTMAX, "f%.*s%*s%s", mlen - 2,
			    next + 2, ops ? (mlen - 1 < 6 ? 7 - (mlen - 1) : 1) :
			    0, "", ops ? ops : "");
		else
			memcpy(text, next, DIS_TEXTMAX);
		return 1 + n;
	}
	return len;
}

int
dis_call_length(const uint8_t *code, size_t avail)
{
	char text[DIS_TEXTMAX];
	int len = dis_decode(code, avail, 0, NULL, NULL, text);

	return strncmp(text, "call ", 5) == 0 || strncmp(text, "lcall ", 6) == 0 ?
	    len : 0;
}
