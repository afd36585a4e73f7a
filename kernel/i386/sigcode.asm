; sigcode.asm - the signal trampoline. exec copies these bytes to the top of
; every new user stack; a handler returns into them. They hand the context
; saved in the signal frame to sigreturn. If sigreturn refuses the context
; (a handler forged a bad one), the program executes hlt, a privileged
; instruction, and dies of SIGSEGV like FreeBSD's does.

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
esigcode:
