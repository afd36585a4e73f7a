; multiboot.asm - the first code that runs: a Multiboot v1 header, then an entry
; point that builds a throw-away page directory, turns paging on and jumps to
; the kernel's linked (higher-half) address.
;
; The loader (GRUB, or QEMU's -kernel) enters at _start in 32-bit protected
; mode, paging off, with EAX = 0x2BADB002 and EBX = physical address of the
; Multiboot information. The kernel is linked at KERNBASE + 1 MiB but loaded at
; 1 MiB, so until paging is on every address this file uses is the physical one
; (symbol - KERNBASE). The boot tables map the first 64 MiB twice: at 0 (so the
; instruction after "mov cr0" still runs) and at KERNBASE (where the kernel
; lives). vm/pmap.c replaces them with the real kernel page tables at once.

%include "assym.inc"		; KERNBASE, PAGE_SIZE, PG_*, CR0_* (kernel/i386/layout.h)

MB_MAGIC	equ 0x1BADB002
MB_FLAGS	equ 0x00000003		; page-align modules, give us the memory map
BOOT_MAP_MB	equ 64
BOOT_PTS	equ BOOT_MAP_MB / 4		; one page table maps 4 MiB

section .multiboot
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

section .boot.text
global _start
_start:
	cli
	cld
	mov esi, eax			; keep the loader's magic; ebx (info) is kept too

	; Fill the boot page tables: entry i maps physical page i, present+writable.
	mov edi, boot_pt - KERNBASE
	mov eax, PG_P | PG_RW
	mov ecx, BOOT_PTS * 1024
.fill_pt:
	stosd
	add eax, PAGE_SIZE
	loop .fill_pt

	; Point PDE 0.. and PDE (KERNBASE>>22).. at them.
	mov edi, boot_pd - KERNBASE
	mov eax, (boot_pt - KERNBASE) + (PG_P | PG_RW)
	xor ecx, ecx
.fill_pd:
	mov [edi + ecx * 4], eax
	mov [edi + ecx * 4 + (KERNBASE >> 22) * 4], eax
	add eax, PAGE_SIZE
	inc ecx
	cmp ecx, BOOT_PTS
	jb .fill_pd

	mov eax, boot_pd - KERNBASE
	mov cr3, eax
	mov eax, cr0
	or eax, CR0_PG | CR0_WP
	mov cr0, eax
	mov eax, .high
	jmp eax

section .text
.high:
	mov esp, boot_stack_top
	xor eax, eax
	push eax			; a zero return address ends backtraces
	push eax			; and a zero saved frame pointer
	mov ebp, esp
	push ebx			; kmain(magic, info_phys)
	push esi
	extern kmain
	call kmain
.halt:
	cli
	hlt
	jmp .halt

section .bss
align PAGE_SIZE
global boot_pd
boot_pd:
	resb PAGE_SIZE
boot_pt:
	resb PAGE_SIZE * BOOT_PTS
global boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	resb KSTACK_SIZE
boot_stack_top:
