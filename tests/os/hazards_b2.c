// RUN: bochs
/*
 * hazards_b2.c - kernel and RPL-0 selectors from PT_SETREGS and sigreturn
 * (FreeBSD's CS_SECURE, Linux invalid_selector(), ToaruOS #306). iret in
 * ring 0 refuses only a return to a more privileged level, so a CS with
 * RPL 0 would run the tracee's code in ring 0. Each value below is refused
 * with EINVAL and changes nothing, through PT_SETREGS and through
 * sigreturn (a handler returning into it dies of SIGSEGV); the process then
 * still runs with CS 0x1b and SS 0x23 and IOPL 0 (hz_unprivileged).
 * The user's own selectors at RPL 0-2 are not among them: whether ring 3
 * may hold those is the validator's business (docs/ptrace.md).
 */
#include "hazards_regs.h"

static const struct hz_bad bads[] = {
	HZ_BAD("cs_kcode", r_cs, mc_cs, 0x08),
	HZ_BAD("cs_ucode_rpl0", r_cs, mc_cs, 0x18),
	HZ_BAD("cs_kdata", r_cs, mc_cs, 0x10),
	HZ_BAD("cs_null", r_cs, mc_cs, 0x00),
	HZ_BAD("cs_udata", r_cs, mc_cs, 0x23),
	HZ_BAD("ss_kdata", r_ss, mc_ss, 0x10),
	HZ_BAD("ss_null", r_ss, mc_ss, 0x00),
	HZ_BAD("ss_ucode", r_ss, mc_ss, 0x1b),
	HZ_BAD("ds_kdata", r_ds, mc_ds, 0x10),
	HZ_BAD("ds_kcode", r_ds, mc_ds, 0x08),
	HZ_BAD("es_kdata", r_es, mc_es, 0x10),
	HZ_BAD("es_kcode", r_es, mc_es, 0x08),
	HZ_BAD("fs_kdata", r_fs, mc_fs, 0x10),
	HZ_BAD("fs_kcode", r_fs, mc_fs, 0x08),
	HZ_BAD("gs_kdata", r_gs, mc_gs, 0x10),
	HZ_BAD("gs_kcode", r_gs, mc_gs, 0x08),
};

HZ_CASE(test_setregs) { return hz_bad_setregs(); }
HZ_CASE(test_sigreturn) { return hz_bad_sigreturn(); }

int
main(void)
{
	kt_suite("hazards_b2");
	hz_run_bads(bads, HZ_NELEM(bads), test_setregs, test_sigreturn);
	return kt_finish();
}
