/*
 * selftest.c - tests of the kernel's own machinery that need no user
 * program: the page allocator under exhaustion, the kernel heap, building
 * and using a fresh address space, the trap path catching faults the
 * test provokes on purpose, and the uptime's rate against the RTC. Each
 * prints "TEST kernel.NAME PASS" or "... FAIL: why"; tools/testdriver.py
 * collects the lines.
 */
#include <string.h>
#include "kernel/i386/selftest.h"
#include "kernel/cmdline.h"
#include "kernel/dev/rtc.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/fpu.h"
#include "kernel/kprintf.h"
#include "kernel/i386/machine.h"
#include "kernel/i386/trap.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"
#include "vm/vm.h"

static int failures;

static void
report(const char *name, const char *why)
{
	if (why == NULL) {
		kprintf("TEST kernel.%s PASS\n", name);
	} else {
		kprintf("TEST kernel.%s FAIL: %s\n", name, why);
		failures++;
	}
}

/* Take every free page (each tagged and chained), check, give all back. */
static const char *
test_page_exhaustion(void)
{
	uint32_t before = vm_page_free_count(), n = 0;
	paddr_t head = 0, pa;

	while ((pa = vm_page_alloc()) != 0) {
		uint32_t *w = PHYS_TO_KVA(pa);

		w[0] = head;
		w[1] = pa ^ 0x5a5a5a5a;
		head = pa;
		n++;
	}
	if (n != before)
		return "allocated a different number of pages than were free";
	if (vm_page_free_count() != 0 || vm_page_alloc_contig(1) != 0)
		return "memory left after exhaustion";
	while (head != 0) {
		uint32_t *w = PHYS_TO_KVA(head);
		paddr_t next = w[0];

		if (w[1] != (head ^ 0x5a5a5a5a))
			return "a page was handed out twice";
		vm_page_unref(head);
		head = next;
	}
	if (vm_page_free_count() != before)
		return "free count not back where it started";
	return NULL;
}

static const char *
test_page_refcount(void)
{
	uint32_t before = vm_page_free_count();
	paddr_t pa = vm_page_alloc(), run;

	if (pa == 0)
		return "no page";
	vm_page_ref(pa);
	vm_page_unref(pa);
	if (vm_page_free_count() != before - 1 || vm_page_refcount(pa) != 1)
		return "a shared page was freed early";
	vm_page_unref(pa);
	if ((run = vm_page_alloc_contig(4)) == 0)
		return "no run of 4 pages";
	vm_page_free_contig(run, 4);
	return vm_page_free_count() == before ? NULL : "pages leaked";
}

static const char *
test_kmalloc(void)
{
	static void *ptrs[600];
	uint32_t before = vm_page_free_count(), heap = kmalloc_bytes_in_use();
	unsigned i, j;

	for (i = 0; i < 600; i++) {
		size_t size = 1 + (i * 37) % 3000;

		if ((ptrs[i] = kmalloc(size)) == NULL)
			return "kmalloc returned NULL";
		if (((uint32_t)ptrs[i] & 15) != 0)
			return "object not 16-byte aligned";
		memset(ptrs[i], i & 0xff, size);
	}
	for (i = 0; i < 600; i++) {
		size_t size = 1 + (i * 37) % 3000;

		for (j = 0; j < size; j++)
			if (((uint8_t *)ptrs[i])[j] != (i & 0xff))
				return "objects overlap";
	}
	for (i = 0; i < 600; i += 2)
		kfree(ptrs[i]);
	for (i = 1; i < 600; i += 2)
		kfree(ptrs[i]);
	if (kmalloc_bytes_in_use() != heap)
		return "heap bytes not back where they started";
	return vm_page_free_count() == before ? NULL : "heap kept pages";
}

/* A new address space, a page mapped at a user address, used through it. */
static const char *
test_map_fresh_page(void)
{
	uint32_t before = vm_page_free_count(), old_cr3 = rcr3();
	struct vmspace *vm = vmspace_alloc();
	volatile uint32_t *uva = (uint32_t *)0x40000000;
	paddr_t pa;
	const char *why = NULL;

	if (vm == NULL)
		return "no address space";
	if (vm_map_region(vm, 0x40000000, 0x40001000,
	    VM_PROT_READ | VM_PROT_WRITE) != 0)
		why = "vm_map_region failed";
	else if (vm_page_get(vm, 0x40000000, 1, 0, &pa) != 0)
		why = "could not fault the page in";
	else {
		lcr3(vm->vm_pd);
		*uva = 0xcafef00d;
		lcr3(old_cr3);
		if (*(uint32_t *)PHYS_TO_KVA(pa) != 0xcafef00d)
			why = "the write did not reach the page";
	}
	vmspace_free(vm);
	if (why == NULL && vm_page_free_count() != before)
		why = "address space leaked pages";
	return why;
}

/* Provoke a fault with trap_catch armed; 1 if it was caught as expected. */
static int
provoke(uint32_t vector)
{
	trap_catch.caught = 0;
	trap_catch.vector = vector;
	trap_catch.armed = 1;
	switch (vector) {
	case IDT_PF:
		__asm__ volatile("movl $1f, %0\n\tmovl 0x10, %%eax\n1:"
		    : "=m"(trap_catch.resume) : : "eax", "memory");
		break;
	case IDT_UD:
		__asm__ volatile("movl $1f, %0\n\tud2\n1:"
		    : "=m"(trap_catch.resume) : : "memory");
		break;
	case IDT_DE:
		__asm__ volatile("movl $1f, %0\n\txorl %%ecx, %%ecx\n\t"
		    "movl $1, %%eax\n\tcltd\n\tdivl %%ecx\n1:"
		    : "=m"(trap_catch.resume) : : "eax", "ecx", "edx", "memory");
		break;
	}
	trap_catch.armed = 0;
	return trap_catch.caught == 1;
}

static const char *
test_trap_catch(void)
{
	if (!provoke(IDT_PF) || trap_catch.fault_addr != 0x10)
		return "page fault not caught with the right %cr2";
	if (!provoke(IDT_UD))
		return "invalid opcode not caught";
	if (!provoke(IDT_DE))
		return "divide error not caught";
	return NULL;
}

void
selftest_run(void)
{
	failures = 0;
	report("page_exhaustion", test_page_exhaustion());
	report("page_refcount", test_page_refcount());
	report("kmalloc", test_kmalloc());
	report("map_fresh_page", test_map_fresh_page());
	report("trap_catch", test_trap_catch());
	report("fpu_restore_fault", fpu_selftest());
	report("proc_comm_no_stale_bytes", proc_comm_selftest());
	report("uptime_rate_vs_rtc", rtc_selftest());
	kprintf("selftest: %s\n", failures == 0 ? "all passed" : "FAILURES");
	if (strcmp(kopt("selftest"), "halt") == 0)
		machine_poweroff(failures == 0 ? 0 : 1);
}

/* Recursion with a big frame, to run off the end of the kernel stack. */
static int __attribute__((noinline))
overflow(volatile int depth)
{
	volatile char pad[512];

	pad[0] = depth;
	if (depth < 0)		/* never: only here to make the recursion finite */
		return 0;
	return overflow(depth + 1) + pad[0];
}

/*
 * The boot stack has no guard page: unmap the one below it (early boot's
 * page tables, unused since the kernel's own page directory took over), so
 * the overflow faults there at once instead of first writing its frames
 * over the kernel's data, whatever happens to be laid out below the stack.
 */
static void
unmap_below_boot_stack(void)
{
	extern char boot_stack_bottom[];
	uint32_t va = (uint32_t)boot_stack_bottom - PAGE_SIZE;
	uint32_t *pte = pmap_pte(kernel_pd, va, 0);

	if (pte != NULL) {
		*pte &= ~PG_P;
		invlpg(va);
	}
}

void
selftest_crash(const char *kind)
{
	kprintf("crash: provoking '%s' on purpose\n", kind);
	if (strcmp(kind, "ud") == 0) {
		__asm__ volatile("ud2");
	} else if (strcmp(kind, "gp") == 0) {
		__asm__ volatile("movw %0, %%ax\n\tmovw %%ax, %%ds" : :
		    "i"(GSEL(NGDT, SEL_KPL)) : "eax");	/* past the GDT's end */
	} else if (strcmp(kind, "df") == 0) {
		unmap_below_boot_stack();
		overflow(0);
	} else if (strcmp(kind, "panic") == 0) {
		panic("crash: panic() called on purpose");
	} else {
		*(volatile uint32_t *)0xdeadbeef = 1;
	}
	panic("crash '%s' did not fault", kind);
}
