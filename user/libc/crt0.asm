; crt0.asm - where every user program starts.
;
; The kernel enters _start with all general registers zero and %esp pointing
; at the System V i386 start-up block: argc, argv[0..argc-1], NULL,
; envp[...], NULL, the aux vector. We clear %ebp so that backtraces stop
; here, publish the environment and the program name, let libc choose its
; system call entry from the aux vector (sysenter.c), call main(argc, argv,
; envp) on a 16-byte aligned stack (what gcc assumes) and hand its result
; to exit().

	global	_start
	global	environ
	global	__progname
	extern	main
	extern	exit
	extern	__sysenter_init

	section	.text
_start:
	xor	ebp, ebp
	mov	esi, [esp]		; argc
	lea	edi, [esp + 4]		; argv
	lea	ebx, [edi + esi * 4 + 4] ; envp: just past argv's NULL
	mov	[environ], ebx
	test	esi, esi
	jz	.noname
	mov	edx, [edi]
	mov	[__progname], edx
.noname:
	and	esp, -16
	sub	esp, 12			; 1 argument + 12 = 16: aligned at the call
	push	ebx
	call	__sysenter_init		; ebx, esi, edi survive it
	add	esp, 12			; 3 arguments + 4 = 16: aligned at the call
	push	ebx
	push	edi
	push	esi
	call	main
	add	esp, 12
	push	eax
	call	exit
	ud2				; exit does not return

	section	.data
environ:	dd	0
__progname:	dd	.empty

	section	.rodata
.empty:		db	0

	; No executable stack wanted (silences the linker).
	section	.note.GNU-stack noalloc noexec nowrite progbits
