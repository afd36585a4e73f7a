; sigcode.asm - the signal trampoline and the SYSENTER stub. exec copies
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

; The SYSENTER system call (kernel/i386/sysenter.c). libc calls sc_sysenter
; with int $0x80's registers: the number in eax, the arguments in ebx, ecx,
; edx, esi, edi, ebp. SYSENTER saves no user %esp or %eip, so %esp travels
; in ebp (the sixth argument and ecx wait on the stack), and the kernel
; comes back to sc_sysenter_slow (iret: every register from the trap frame)
; or to sc_sysenter_fast (sysexit, which takes %esp and %eip from ecx and
; edx: the kernel passes edx's value in ebp, and ecx is the one pushed).
global sc_sysenter, sc_sysenter_slow, sc_sysenter_fast
sc_sysenter:
	push ebp		; the sixth argument word, read by the kernel
	push ecx
	mov ebp, esp
	sysenter
sc_sysenter_slow:		; two bytes after sysenter: ERESTART runs it again
	add esp, 4
	pop ebp
	ret
sc_sysenter_fast:
	mov edx, ebp
	pop ecx
	pop ebp
	ret
esigcode:
