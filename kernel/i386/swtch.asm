; swtch.asm - the context switch proper, and where a new thread starts.
;
; swtch(&old->pcb_esp, new->pcb_esp) saves only the callee-saved registers:
; everything else was already saved by the C caller (the compiler assumes a
; call clobbers eax, ecx and edx), and the user registers are in the trap
; frame at the top of the kernel stack.

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

; A new thread's first swtch "returns" here with %esp at its trap frame.
global fork_trampoline
fork_trampoline:
	push esp
	extern fork_return
	call fork_return
	add esp, 4
	extern doreti
	jmp doreti
