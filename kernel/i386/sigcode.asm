; sigcode.asm - the signal trampoline and SYSEXIT's landing. exec copies
; these bytes to the top of every new user stack. A signal handler returns
; into the trampoline, which hands the context saved in the signal frame
; to sigreturn. If sigreturn refuses the context (a handler forged a bad
; one), the program executes hlt, a privileged instruction, and dies of
; SIGSEGV like FreeBSD's does.

%include "assym.inc"		; SF_UC: offsetof(struct sigframe, sf_uc); SYS_sigreturn

section .rodata
global sigcode, esigcode
sigcode:
	lea ebx, [esp + SF_UC]	; %esp is at sf_signum after the handler's ret
	mov eax, SYS_sigreturn	; sigreturn(ucontext): the argument goes in %ebx
	int 0x80
.dead:
	hlt
	jmp .dead

; Where SYSEXIT returns (kernel/i386/sysenter.c): SYSEXIT takes %eip and
; %esp from edx and ecx, so the kernel leaves the call's edx, ecx, ebp and
; return address just below the caller's %esp, and this puts them back.
global sc_sysexit
sc_sysexit:
	pop edx
	pop ecx
	pop ebp
	ret
esigcode:

; sc_sysexit's offset in these bytes, for Xsysenter's way out.
global sc_sysexit_offset
sc_sysexit_offset:
	dd sc_sysexit - sigcode
