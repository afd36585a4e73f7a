// RUN: bochs
// RUN: qemu sysenter=0
/*
 * hazards_vm86.c - virtual-8086 mode reached from ring 3 (class B1's VM
 * bit, by another door). A CPU ignores EFLAGS.VM in an iret executed at
 * CPL 3, so ring 3 can never enter vm86 mode and a kernel without vm86
 * support may assume every trap frame with a ring-0 CS came from ring 0.
 * QEMU's TCG does not ignore it: an iret at CPL 3 whose EFLAGS image has
 * VM set enters vm86 mode (found by the ptrace fuzzer: a mutated %eip ran
 * into an iret over random stack words, and the next page fault, with a
 * real-mode CS of 0xed90, panicked the kernel as a fault "in kernel mode").
 *
 * Each case enters vm86 mode by such an iret, in a child, at a real-mode
 * address where the code is mapped (0x10000) or not (0x20000), and checks
 * that only the child suffers: on a CPU that honours the rule the iret
 * itself faults (cs 0x1000 is no selector: SIGSEGV); under QEMU the kernel
 * treats whatever trap comes from vm86 mode as the process's and kills it
 * with SIGILL (Kestrel does not run vm86 code). A vm86 loop must still be
 * preempted by the clock (it dies at the next tick, the system lives), an
 * int $0x80 from vm86 mode (IOPL 3 in the image) is no system call, and a
 * SYSENTER made from vm86 mode must neither leave the kernel running on
 * real-mode segments whose selectors read 0x23 nor hand protected mode the
 * image's IOPL 3.
 */
#include <sys/mman.h>
#include <sys/syscall.h>
#include "hazards_lib.h"

#define V86_CODE	0x10000u	/* cs 0x1000, ip 0 */
#define V86_NOWHERE	0x2000u		/* cs 0x2000: linear 0x20000, unmapped */
#define V86_IOPL3	0x00003000u

/* The nine words an iret to vm86 mode pops; its stack is cs:0xf00. */
static uint32_t v86_frame[9];
uint32_t v86_saved_esp;

/*
 * v86_go(frame, eax, ebp): iret through frame with eax and ebp as given.
 * A SYSENTER from vm86 mode returns (by SYSEXIT, to the trampoline, which
 * pops the sequence's words at ebp) to v86_back, which returns from
 * v86_go with the call's result.
 */
__asm__(".text\n"
	".globl v86_go, v86_back\n"
	"v86_go:\n"
	"	pushl %ebp\n	pushl %ebx\n	pushl %esi\n	pushl %edi\n"
	"	movl %esp, v86_saved_esp\n"
	"	movl 20(%esp), %ecx\n"
	"	movl 24(%esp), %eax\n"
	"	movl 28(%esp), %ebp\n"
	"	movl %ecx, %esp\n"
	"	iret\n"
	"v86_back:\n"
	"	movl v86_saved_esp, %esp\n"
	"	movl $0x23, %ecx\n"
	"	movl %ecx, %fs\n	movl %ecx, %gs\n"
	"	popl %edi\n	popl %esi\n	popl %ebx\n	popl %ebp\n"
	"	ret\n");

uint32_t	v86_go(uint32_t *frame, uint32_t eax, uint32_t ebp);
extern const char v86_back[];

/* Real-mode code for 0x10000, and an iret frame into cs:0 (or nowhere). */
static int
v86_enter(const uint8_t *code, size_t len, uint32_t cs, uint32_t eflags,
    uint32_t ds, uint32_t eax, uint32_t ebp)
{
	void *p = mmap((void *)V86_CODE, 4096, PROT_READ | PROT_WRITE |
	    PROT_EXEC, MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0);

	if (p != (void *)V86_CODE)
		return 10;
	memcpy(p, code, len);
	v86_frame[0] = 0;				/* ip */
	v86_frame[1] = cs;
	v86_frame[2] = PSL_VM | PSL_I | 0x2 | eflags;
	v86_frame[3] = 0xf00;				/* sp */
	v86_frame[4] = V86_CODE >> 4;			/* ss */
	v86_frame[5] = v86_frame[6] = ds;		/* es, ds */
	v86_frame[7] = v86_frame[8] = 0;		/* fs, gs */
	return (int)v86_go(v86_frame, eax, ebp);
}

/* The child died of SIGILL (vm86 refused) or SIGSEGV (iret refused). */
static int
died_of_v86(pid_t pid)
{
	int st = pt_wait(pid);

	KT_CHECK(st != -1 && WIFSIGNALED(st) && (WTERMSIG(st) == SIGILL ||
	    WTERMSIG(st) == SIGSEGV), "expected SIGILL or SIGSEGV, got %s",
	    pt_str(st));
	return 0;
}

static const uint8_t jmp_self[] = { 0xeb, 0xfe };		/* jmp $ */
static const uint8_t int80[] = { 0xcd, 0x80, 0xeb, 0xfe };	/* int $0x80 */
static const uint8_t sysenter[] = { 0x0f, 0x34 };
/* mov $0x23,%bx; mov %bx,%ds; mov %bx,%es; sysenter */
static const uint8_t sysenter_23[] = { 0xbb, 0x23, 0x00, 0x8e, 0xdb, 0x8e,
	0xc3, 0x0f, 0x34 };
/* The same, with TF set by pushf/popf (IOPL 3) just before the sysenter. */
static const uint8_t sysenter_tf[] = { 0xbb, 0x23, 0x00, 0x8e, 0xdb, 0x8e,
	0xc3, 0x9c, 0x58, 0x0d, 0x00, 0x01, 0x50, 0x9d, 0x0f, 0x34 };

/*
 * The SYSENTER sequence's words (ecx, ebp, the return address) on a stack
 * of our own: a call that runs returns to v86_back with its result.
 */
static uint32_t seq[8];

static int
v86_getpid(const uint8_t *code, size_t len, uint32_t eflags, uint32_t ds)
{
	seq[5] = (uint32_t)v86_back;
	return v86_enter(code, len, V86_CODE >> 4, eflags, ds, SYS_getpid,
	    (uint32_t)&seq[4]) == (int)getpid() ? 0 : 1;
}

static int fault_body(void) { return v86_enter(jmp_self, 2, V86_NOWHERE, 0,
    0x23, 0, 0); }
static int loop_body(void) { return v86_enter(jmp_self, 2, V86_CODE >> 4, 0,
    0x23, 0, 0); }
static int int80_body(void) { return v86_enter(int80, sizeof(int80),
    V86_CODE >> 4, V86_IOPL3, 0x23, SYS_getpid, 0); }
static int sysenter_23_body(void) { return v86_getpid(sysenter_23,
    sizeof(sysenter_23), 0, 0x23); }
static int sysenter_tf_body(void) { return v86_getpid(sysenter_tf,
    sizeof(sysenter_tf), V86_IOPL3, 0x23); }
static int sysenter_iopl_body(void) { return v86_getpid(sysenter,
    sizeof(sysenter), V86_IOPL3, 0); }
static int sysenter_plain_body(void) { return v86_getpid(sysenter,
    sizeof(sysenter), 0, 0); }

/* The first fetch faults: a page fault from vm86 mode. */
HZ_CASE(test_fault) { return died_of_v86(hz_child(fault_body)); }

/* Only the clock interrupts it: the tick must count as the process's. */
HZ_CASE(test_loop) { return died_of_v86(hz_child(loop_body)); }

/* int $0x80 from vm86 mode reaches the gate (IOPL 3): not a system call. */
HZ_CASE(test_int80) { return died_of_v86(hz_child(int80_body)); }

/*
 * SYSENTER clears VM before anything is saved, and leaves %ds/%es as vm86
 * mode had them: here real-mode segments whose selectors read 0x23, the
 * flat user data selector. The kernel must not run on them: its probe
 * faults on their 64 KiB limit, SIGILL. (sysenter=0: #GP from vm86 mode,
 * SIGILL too.)
 */
HZ_CASE(test_sysenter_ds) { return died_of_v86(hz_child(sysenter_23_body)); }

/*
 * TF set before that SYSENTER: the #DB on Xsysenter's first instruction
 * comes with the real-mode %ds/%es still loaded, and a trap in ring 0
 * loads its own. IOPL 3 (needed for popf in vm86 mode) marks the call as
 * vm86 mode's: SIGILL.
 */
HZ_CASE(test_sysenter_tf) { return died_of_v86(hz_child(sysenter_tf_body)); }

/*
 * IOPL 3 from the vm86 image, null %ds/%es: had the call run, the process
 * would be back in protected mode with IOPL 3 and every I/O port.
 */
HZ_CASE(test_sysenter_iopl)
{
	return died_of_v86(hz_child(sysenter_iopl_body));
}

/*
 * Nothing marks this one as vm86 mode's (IOPL 0, null %ds/%es): with
 * SYSENTER an ordinary getpid that returns to protected mode. Without
 * (sysenter=0): #GP from vm86 mode, SIGILL. A CPU that refuses the iret:
 * SIGSEGV.
 */
HZ_CASE(test_sysenter_plain)
{
	int st = pt_wait(hz_child(sysenter_plain_body));

	if (st != -1 && WIFEXITED(st))
		KT_CHECK(WEXITSTATUS(st) == 0 && kinfo(KINFO_SYSENTER),
		    "getpid by SYSENTER from vm86 mode: %s", pt_str(st));
	else
		KT_CHECK(st != -1 && WIFSIGNALED(st) &&
		    (WTERMSIG(st) == SIGSEGV || (WTERMSIG(st) == SIGILL &&
		    !kinfo(KINFO_SYSENTER))), "SYSENTER from vm86 mode: %s",
		    pt_str(st));
	return 0;
}

int
main(void)
{
	kt_suite("hazards_vm86");
	kt_run("fault", test_fault);
	kt_run("loop", test_loop);
	kt_run("int80", test_int80);
	kt_run("sysenter_ds", test_sysenter_ds);
	kt_run("sysenter_tf", test_sysenter_tf);
	kt_run("sysenter_iopl", test_sysenter_iopl);
	kt_run("sysenter_plain", test_sysenter_plain);
	return kt_finish();
}
