; syscall6.asm - a system call with six argument words, the sixth in ebp,
; by SYSENTER when the kernel takes it (sysenter.c), else int $0x80.
;
; C code cannot load ebp around int $0x80 safely: it is the frame pointer
; that gcc addresses locals through. Only mmap needs six words.

	global	__syscall6
	extern	__sysenter_ok

	section	.text

; int __syscall6(int num, int a1, int a2, int a3, int a4, int a5, int a6)
; Returns eax as the kernel left it (-errno on failure; see __sysret).
__syscall6:
	push	ebp
	push	ebx
	push	esi
	push	edi
	mov	eax, [esp + 20]
	mov	ebx, [esp + 24]
	mov	ecx, [esp + 28]
	mov	edx, [esp + 32]
	mov	esi, [esp + 36]
	mov	edi, [esp + 40]
	mov	ebp, [esp + 44]
	cmp	dword [__sysenter_ok], 0
	je	.int80
	push	.done			; the sequence of syscall_impl.h
	push	ebp
	mov	ebp, esp
	push	ecx
	sysenter
.int80:
	int	0x80
.done:
	pop	edi
	pop	esi
	pop	ebx
	pop	ebp
	ret

; No executable stack wanted.
	section	.note.GNU-stack noalloc noexec nowrite progbits
