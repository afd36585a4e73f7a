; syscall6.asm - int __syscall6(int number, a1, a2, a3, a4, a5, a6): a
; system call with six argument words. The sixth travels in ebp, which C
; code compiled with a frame pointer cannot hand to inline assembly, hence
; this function. It returns what the kernel put in eax (-errno on failure);
; the caller turns that into errno (syscall_impl.h's __sysret).

	global	__syscall6

	section	.text

__syscall6:
	push	ebp
	push	ebx
	push	esi
	push	edi
	mov	eax, [esp + 20]		; the number, after four saved registers
	mov	ebx, [esp + 24]
	mov	ecx, [esp + 28]
	mov	edx, [esp + 32]
	mov	esi, [esp + 36]
	mov	edi, [esp + 40]
	mov	ebp, [esp + 44]
	int	0x80
	pop	edi
	pop	esi
	pop	ebx
	pop	ebp
	ret

	section	.note.GNU-stack noalloc noexec nowrite progbits
