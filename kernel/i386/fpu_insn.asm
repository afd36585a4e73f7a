; fpu_insn.asm - the FPU save and restore instructions, one tiny function
; each. Saves use the non-waiting forms only (FXSAVE, FNSAVE), so a pending
; x87 exception in a user image can never raise #MF in the kernel. A restore
; can fault on a bad image (FXRSTOR #GPs on reserved MXCSR bits); trap()
; recognises the labelled instruction and resumes at fpu_restore_failed,
; which returns EINVAL to the caller instead of panicking.
;
; Each restore starts with FNINIT (non-waiting): it drops any exception the
; old image left pending, so FRSTOR/FXRSTOR cannot raise #MF on it, and it
; zeroes FIP, FDP and FOP, which FXRSTOR leaves untouched on older AMD CPUs
; (and QEMU's FXRSTOR and FRSTOR never load): the next process must not see
; where the previous one last used the FPU (CVE-2006-1056).

%include "assym.inc"		; EINVAL

section .text

global fpu_fxsave, fpu_fnsave, fpu_fxrstor, fpu_frstor
global fpu_fxrstor_insn, fpu_frstor_insn, fpu_restore_failed

fpu_fxsave:
	mov eax, [esp + 4]
	fxsave [eax]
	ret

; FNSAVE also re-initialises the FPU, as if by FNINIT.
fpu_fnsave:
	mov eax, [esp + 4]
	fnsave [eax]
	ret

fpu_fxrstor:
	mov eax, [esp + 4]
	fninit
fpu_fxrstor_insn:
	fxrstor [eax]
	xor eax, eax
	ret

fpu_frstor:
	mov eax, [esp + 4]
	fninit
fpu_frstor_insn:
	frstor [eax]
	xor eax, eax
	ret

fpu_restore_failed:
	mov eax, EINVAL
	ret
