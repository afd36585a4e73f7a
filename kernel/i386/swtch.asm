; swtch.asm - the context switch proper, and where a new thread starts.
;
; swtch(&old->pcb_esp, new->pcb_esp) saves only the callee-saved registers:
; everything else was already saved by the C caller (the compiler assumes a
; call clobbers eax, ecx and edx), and the user registers are in the trap
; frame at the top of the kernel stack. What it pushes, and pops for the
; new thread, is struct switchframe (kernel/i386/frame.h), lowest address
; first: edi, esi, ebx, ebp, then the return address.

section .text

global swtch
swtch:
	mov eax, [esp + 4]
	mov edx, [esp + 8]
	push ebp
	push ebx
	push esi
	push edi
	mov [eax], esp
	mov esp, edx
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret

; A new thread's first swtch "returns" here with %esp at its trap frame and
; the function it is to run first (sf_esi, or 0) in esi:
; fork_exit(esi, frame), then out to user mode through the frame.
global fork_trampoline
fork_trampoline:
	push esp
	push esi
	extern fork_exit
	call fork_exit
	add esp, 8
	extern doreti
	jmp doreti
