/*
 * kmalloc.c - the kernel heap: power-of-two size classes from 16 to 2048
 * bytes carved out of whole pages ("slabs"), and larger requests as runs of
 * contiguous pages. Each slab page starts with a header that names its class
 * and counts its live objects; when the count drops to zero the page goes
 * back to the page allocator, so the heap holds no memory it doesn't use and
 * free-page counts taken before and after a test agree. Every object is
 * 16-byte aligned.
 */
#include <string.h>
#include "vm/vm.h"
#include "kernel/kprintf.h"
#include "kernel/i386/x86.h"

#define MIN_SHIFT	4		/* 16 bytes */
#define MAX_SHIFT	11		/* 2048 bytes */
#define NCLASSES	(MAX_SHIFT - MIN_SHIFT + 1)
#define SLAB_MAGIC	0x51ab51ab
#define BIG_MAGIC	0xb16b16b1
#define HDR_SIZE	16

struct free_obj {
	struct free_obj	*next;
};

/* First 16 bytes of every heap page (slab) or page run (big object). */
struct page_hdr {
	uint32_t	magic;
	uint16_t	shift;		/* size class; 0 for a big object */
	uint16_t	nused;
	uint32_t	npages;		/* big objects */
	struct free_obj	*free;		/* free objects in this slab */
};

struct size_class {
	struct page_hdr	*slabs[64];	/* slabs with free objects */
	int		nslabs;
};

static struct size_class classes[NCLASSES];
static uint32_t bytes_in_use;

static int
class_of(size_t size)
{
	int shift = MIN_SHIFT;

	while ((1u << shift) < size)
		shift++;
	return shift;
}

static struct page_hdr *
new_slab(int shift)
{
	paddr_t pa = vm_page_alloc();
	struct page_hdr *h;
	uint32_t off, size = 1u << shift;

	if (pa == 0)
		return NULL;
	h = PHYS_TO_KVA(pa);
	h->magic = SLAB_MAGIC;
	h->shift = shift;
	h->nused = 0;
	h->free = NULL;
	/* Objects start at the first size-aligned offset after the header. */
	for (off = size > HDR_SIZE ? size : HDR_SIZE; off + size <= PAGE_SIZE;
	    off += size) {
		struct free_obj *o = (struct free_obj *)((char *)h + off);

		o->next = h->free;
		h->free = o;
	}
	return h;
}

static void *
alloc_small(size_t size)
{
	int shift = class_of(size);
	struct size_class *c = &classes[shift - MIN_SHIFT];
	struct page_hdr *h;
	struct free_obj *o;

	if (c->nslabs == 0) {
		if ((h = new_slab(shift)) == NULL)
			return NULL;
		c->slabs[c->nslabs++] = h;
	}
	h = c->slabs[c->nslabs - 1];
	o = h->free;
	h->free = o->next;
	h->nused++;
	if (h->free == NULL)		/* full: stop offering it */
		c->nslabs--;
	bytes_in_use += 1u << shift;
	return o;
}

static void *
alloc_big(size_t size)
{
	uint32_t npages = (size + HDR_SIZE + PAGE_SIZE - 1) / PAGE_SIZE;
	paddr_t pa = vm_page_alloc_contig(npages);
	struct page_hdr *h;

	if (pa == 0)
		return NULL;
	h = PHYS_TO_KVA(pa);
	h->magic = BIG_MAGIC;
	h->shift = 0;
	h->npages = npages;
	bytes_in_use += npages * PAGE_SIZE;
	return (char *)h + HDR_SIZE;
}

void *
kmalloc(size_t size)
{
	uint32_t ef;
	void *p;

	if (size == 0)
		size = 1;
	ef = intr_disable();
	p = size <= (1u << MAX_SHIFT) ? alloc_small(size) : alloc_big(size);
	intr_restore(ef);
	return p;
}

void *
kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p != NULL)
		memset(p, 0, size);
	return p;
}

static void
remove_slab(struct size_class *c, struct page_hdr *h)
{
	int i;

	for (i = 0; i < c->nslabs; i++)
		if (c->slabs[i] == h) {
			c->slabs[i] = c->slabs[--c->nslabs];
			return;
		}
}

static void
free_small(struct page_hdr *h, void *p)
{
	struct size_class *c = &classes[h->shift - MIN_SHIFT];
	struct free_obj *o = p;
	int was_full = h->free == NULL;

	o->next = h->free;
	h->free = o;
	h->nused--;
	bytes_in_use -= 1u << h->shift;
	if (h->nused == 0) {
		if (!was_full)
			remove_slab(c, h);
		h->magic = 0;
		vm_page_unref(KVA_TO_PHYS(h));
	} else if (was_full) {
		if (c->nslabs == (int)(sizeof(c->slabs) / sizeof(c->slabs[0])))
			return;		/* stays usable once it empties */
		c->slabs[c->nslabs++] = h;
	}
}

void
kfree(void *p)
{
	struct page_hdr *h;
	uint32_t ef;

	if (p == NULL)
		return;
	h = (struct page_hdr *)trunc_page((uint32_t)p);
	KASSERT(h->magic == SLAB_MAGIC ||
	    (h->magic == BIG_MAGIC && (char *)p == (char *)h + HDR_SIZE),
	    "kfree of a pointer kmalloc never returned");
	ef = intr_disable();
	if (h->magic == BIG_MAGIC) {
		bytes_in_use -= h->npages * PAGE_SIZE;
		h->magic = 0;
		vm_page_free_contig(KVA_TO_PHYS(h), h->npages);
	} else {
		free_small(h, p);
	}
	intr_restore(ef);
}

uint32_t
kmalloc_bytes_in_use(void)
{
	return bytes_in_use;
}
